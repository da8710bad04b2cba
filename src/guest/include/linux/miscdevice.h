/* Misc character devices: one major (10) shared by small drivers, each with a
 * minor of its own and a /dev node named after it, as Linux 6.1's
 * include/linux/miscdevice.h declares them. misc_register() sets
 * file->private_data to the miscdevice on open. */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/major.h>
#include <linux/list.h>
#include <linux/types.h>
#include <linux/device.h>

#define MISC_DYNAMIC_MINOR	255	/* "pick a free minor for me" */

struct device;
struct attribute_group;

struct miscdevice  {
	int minor;
	const char *name;		/* /dev/<name> */
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};

extern int misc_register(struct miscdevice *misc);
extern void misc_deregister(struct miscdevice *misc);

/* A module that only registers a misc device. */
#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)

#define MODULE_ALIAS_MISCDEV(minor)				\
	MODULE_ALIAS("char-major-" __stringify(MISC_MAJOR)	\
	"-" __stringify(minor))

#endif
