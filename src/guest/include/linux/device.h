/* The driver model as a driver sees it: struct device, device_attribute and
 * DEVICE_ATTR_RW, drvdata, the devm_* (device-managed) allocators and
 * mappings, and the dev_* printk helpers, following Linux 6.1's
 * include/linux/device.h. struct device keeps Linux's order for the fields
 * drivers use; the power-management, DMA-range, IOMMU and link internals
 * between them are left out (they belong to the guest kernel). */
#ifndef _DEVICE_H_
#define _DEVICE_H_

#include <linux/dev_printk.h>
#include <linux/kobject.h>
#include <linux/klist.h>
#include <linux/list.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/pm.h>
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/device/driver.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

struct device;
struct device_private;
struct device_driver;
struct driver_private;
struct module;
struct class;
struct bus_type;
struct device_node;
struct fwnode_handle;
struct device_type;

/* A sysfs file of a device: show() fills buf (PAGE_SIZE) and returns the
 * length; store() parses buf (count bytes) and returns count or -errno. */
struct device_attribute {
	struct attribute	attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr,
			char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

/* dev_attr_<name>, with <name>_show/<name>_store as the callbacks. */
#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

int device_create_file(struct device *device,
		       const struct device_attribute *entry);
void device_remove_file(struct device *dev,
			const struct device_attribute *attr);

struct device {
	struct kobject kobj;
	struct device		*parent;

	struct device_private	*p;

	const char		*init_name; /* the name before registration */
	const struct device_type *type;

	struct bus_type	*bus;		/* the bus it sits on */
	struct device_driver *driver;	/* the driver bound to it */
	void		*platform_data;	/* board data (not device tree) */
	void		*driver_data;	/* the driver's: dev_set/get_drvdata */
	struct mutex		mutex;	/* held by the core around probe/remove */

	u64		*dma_mask;
	u64		coherent_dma_mask;

	struct device_node	*of_node; /* its device-tree node */
	struct fwnode_handle	*fwnode;

	dev_t			devt;	/* major:minor, for /dev */
	u32			id;

	spinlock_t		devres_lock;
	struct list_head	devres_head; /* what devm_* allocated */

	struct class		*class;
	const struct attribute_group **groups;

	void	(*release)(struct device *dev);
};

static inline const char *dev_name(const struct device *dev)
{
	/* Use the init name until the kobject becomes available */
	if (dev->init_name)
		return dev->init_name;

	return kobject_name(&dev->kobj);
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline struct device_node *dev_of_node(struct device *dev)
{
	return dev->of_node;
}

/* Device-managed memory: freed when the driver detaches (probe failure or
 * remove), in reverse order of allocation. */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __alloc_size__(2);
void *devm_krealloc(struct device *dev, void *ptr, size_t size,
		    gfp_t gfp) __must_check __alloc_size__(3);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp,
				    const char *fmt, ...) __malloc;

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev,
				       size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;

	return devm_kmalloc(dev, bytes, flags);
}

static inline void *devm_kcalloc(struct device *dev,
				 size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);

/* A function to run at detach time, like the devm_* frees. */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

/* If registering the action fails, runs it at once and returns the error. */
static inline int devm_add_action_or_reset(struct device *dev,
					   void (*action)(void *), void *data)
{
	int ret;

	ret = devm_add_action(dev, action, data);
	if (ret)
		action(data);

	return ret;
}

/* Maps res (checked to be a free IORESOURCE_MEM range, then claimed);
 * an ERR_PTR on failure, never NULL. */
void __iomem *devm_ioremap_resource(struct device *dev,
				    const struct resource *res);

int __must_check devm_device_add_group(struct device *dev,
				       const struct attribute_group *grp);
int __must_check devm_device_add_groups(struct device *dev,
					const struct attribute_group **groups);

struct device *get_device(struct device *dev);
void put_device(struct device *dev);

#endif
