/* struct kobject, the sysfs directory behind every device and module, reduced
 * to the leading fields of Linux 6.1's include/linux/kobject.h (its state
 * bit-fields and uevent machinery are internal to the guest kernel). */
#ifndef _KOBJECT_H_
#define _KOBJECT_H_

#include <linux/types.h>
#include <linux/list.h>
#include <linux/sysfs.h>
#include <linux/compiler.h>
#include <linux/kref.h>

struct kset;
struct kobj_type;
struct kernfs_node;

struct kobject {
	const char		*name;
	struct list_head	entry;
	struct kobject		*parent;
	struct kset		*kset;
	const struct kobj_type	*ktype;
	struct kernfs_node	*sd;
	struct kref		kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

/* /sys/kernel, /sys/firmware... */
extern struct kobject *kernel_kobj;

extern struct kobject * __must_check kobject_create_and_add(const char *name,
						struct kobject *parent);
extern void kobject_put(struct kobject *kobj);
extern struct kobject *kobject_get(struct kobject *kobj);

#endif
