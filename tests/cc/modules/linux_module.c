/* A module as Linux's <linux/module.h> macros write it: init/exit aliases, .modinfo strings
 * packed with aligned(1), a parameter in __param, a device table alias, and an address kept
 * by an attribute written after the '*'. */
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __section(s) __attribute__((__section__(s)))
#define __aligned(n) __attribute__((__aligned__(n)))
#define __copy(sym) __attribute__((__copy__(sym)))
#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define ___ADDRESSABLE(sym, section) \
  static void *__section(section) __used __UNIQUE_ID(__PASTE(__addressable_, sym)) = (void *)&sym;

#define module_init(initfn) \
  static inline initcall_t __maybe_unused __inittest(void) { return initfn; } \
  int init_module(void) __copy(initfn) __attribute__((alias(#initfn))); \
  ___ADDRESSABLE(init_module, ".discard.addressable")
#define module_exit(exitfn) \
  static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; } \
  void cleanup_module(void) __copy(exitfn) __attribute__((alias(#exitfn)));

#define __MODULE_INFO(tag, name, info) \
  static const char __UNIQUE_ID(name)[] __used __section(".modinfo") __aligned(1) = __stringify(tag) "=" info
#define MODULE_LICENSE(l) __MODULE_INFO(license, license, l)
#define MODULE_AUTHOR(a) __MODULE_INFO(author, author, a)
#define MODULE_DESCRIPTION(d) __MODULE_INFO(description, description, d)

struct kernel_param_ops { int (*set)(const char *val); int (*get)(char *buf); };
struct kernel_param {
  const char *name;
  const struct kernel_param_ops *ops;
  unsigned short perm;
  signed char level;
  unsigned char flags;
  void *arg;
};
extern const struct kernel_param_ops param_ops_int;
#define module_param(name, type, perm) \
  static const char __param_str_##name[] = #name; \
  static const struct kernel_param __param_##name __used __section("__param") __aligned(sizeof(void *)) = \
    { __param_str_##name, &param_ops_##type, perm, -1, 0, &name }; \
  __MODULE_INFO(parmtype, name##type, #name ":" #type)

struct of_device_id { char name[32]; char compatible[128]; const void *data; };
#define MODULE_DEVICE_TABLE(type, name) \
  extern typeof(name) __mod_##type##__##name##_device_table __attribute__((unused, alias(__stringify(name))));

extern int printk(const char *fmt, ...);

static int period_ms = 100;
module_param(period_ms, int, 0644);

static const struct of_device_id stopwatch_ids[] = {
  { .compatible = "paravirt,stopwatch" },
  { }
};
MODULE_DEVICE_TABLE(of, stopwatch_ids);

static int stopwatch_init(void)
{
  printk("stopwatch: period %d ms, %s\n", period_ms, stopwatch_ids[0].compatible);
  return 0;
}

static void stopwatch_exit(void)
{
  printk("stopwatch: bye\n");
}

module_init(stopwatch_init);
module_exit(stopwatch_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Paravirt Playground");
MODULE_DESCRIPTION("stopwatch driver");
