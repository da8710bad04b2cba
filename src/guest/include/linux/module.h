/* What makes an object file a module: module_init/module_exit (aliases named
 * init_module and cleanup_module, which the loader calls), MODULE_LICENSE and
 * the other .modinfo tags, MODULE_DEVICE_TABLE and THIS_MODULE, following
 * Linux 6.1's include/linux/module.h. struct module is reduced to the fields
 * before the deep internals (which drivers never touch). */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/list.h>
#include <linux/stat.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/export.h>
#include <linux/kobject.h>
#include <linux/cache.h>

#define MODULE_NAME_LEN MAX_PARAM_PREFIX_LEN

/* Any tag: the modinfo line "tag=info". */
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)

/* In a module, no "file=" line is needed: the .ko is its own file. */
#define MODULE_FILE

/* "GPL", "GPL v2", "Dual MIT/GPL"...: a non-GPL module taints the kernel and
 * cannot use EXPORT_SYMBOL_GPL symbols. */
#define MODULE_LICENSE(_license) MODULE_FILE MODULE_INFO(license, _license)

#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, __stringify(ns))

/* A second name for the match table, which modpost turns into aliases
 * (of:N*T*Cstopwatch) so that udev can load the module for the device. */
#define MODULE_DEVICE_TABLE(type, name)					\
extern typeof(name) __mod_##type##__##name##_device_table		\
  __attribute__ ((unused, alias(__stringify(name))))

/* The module's init function, exported under the fixed name init_module: an
 * alias with the same attributes (__copy), so the function itself stays
 * static. __inittest makes a wrong signature a build error. */
#define module_init(initfn)					\
	static inline initcall_t __maybe_unused __inittest(void)		\
	{ return initfn; }					\
	int init_module(void) __copy(initfn)			\
		__attribute__((alias(#initfn)));		\
	___ADDRESSABLE(init_module, __initdata);

/* Likewise cleanup_module, called before the module is unloaded. */
#define module_exit(exitfn)					\
	static inline exitcall_t __maybe_unused __exittest(void)		\
	{ return exitfn; }					\
	void cleanup_module(void) __copy(exitfn)		\
		__attribute__((alias(#exitfn)));		\
	___ADDRESSABLE(cleanup_module, __exitdata);

enum module_state {
	MODULE_STATE_LIVE,	/* normal state */
	MODULE_STATE_COMING,	/* being initialised */
	MODULE_STATE_GOING,	/* being removed */
	MODULE_STATE_UNFORMED,	/* still being set up */
};

struct module_kobject {
	struct kobject kobj;
	struct module *mod;
	struct kobject *drivers_dir;
	struct module_param_attrs *mp;
	struct completion *kobj_completion;
} __randomize_layout;

/* The loader's record of a module (the fields after `name` are internal to the
 * guest kernel and left out here). */
struct module {
	enum module_state state;
	struct list_head list;
	char name[MODULE_NAME_LEN];
	struct module_kobject mkobj;
	const char *version;
	const char *srcversion;
	const struct kernel_symbol *syms;
	const s32 *crcs;
	unsigned int num_syms;
	struct kernel_param *kp;
	unsigned int num_kp;
	int (*init)(void);
	void (*exit)(void);
} ____cacheline_aligned __randomize_layout;

/* Keeps a module loaded while its code may still run (e.g. an open file). */
extern bool try_module_get(struct module *module);
extern void module_put(struct module *module);
extern void __module_get(struct module *module);

#define symbol_get(x) ((typeof(&x))(__symbol_get(__stringify(x))))
void *__symbol_get(const char *symbol);
void __symbol_put(const char *symbol);
#define symbol_put(x) __symbol_put(__stringify(x))

static inline const char *module_name(struct module *mod)
{
	return mod->name;
}

#endif
