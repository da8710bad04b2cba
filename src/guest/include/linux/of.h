/* The device tree as the kernel unflattened it: struct device_node and
 * property, and the lookups drivers make (of_property_read_u32,
 * of_property_read_string, of_device_is_compatible, of_match_ptr), as Linux
 * 6.1's include/linux/of.h declares them (without CONFIG_OF_DYNAMIC, so nodes
 * are never freed and of_node_get/put do nothing). */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kobject.h>
#include <linux/mod_devicetable.h>
#include <linux/spinlock.h>
#include <linux/list.h>

typedef u32 phandle;
typedef u32 ihandle;

struct property {
	char	*name;
	int	length;		/* bytes */
	void	*value;		/* big-endian cells or NUL-terminated strings */
	struct property *next;
	unsigned long _flags;
};

struct fwnode_handle {
	struct fwnode_handle *secondary;
	const struct fwnode_operations *ops;
	struct device *dev;
	struct list_head suppliers;
	struct list_head consumers;
	u8 flags;
};

struct device_node {
	const char *name;
	phandle phandle;
	const char *full_name;
	struct fwnode_handle fwnode;

	struct	property *properties;
	struct	property *deadprops;	/* removed properties */
	struct	device_node *parent;
	struct	device_node *child;
	struct	device_node *sibling;
	unsigned long _flags;
	void	*data;
};

/* With CONFIG_OF the table is referenced; without it, of_match_ptr drops it. */
#define of_match_ptr(_ptr)	(_ptr)

static inline struct device_node *of_node_get(struct device_node *node)
{
	return node;
}
static inline void of_node_put(struct device_node *node) { }

extern struct device_node *of_find_compatible_node(struct device_node *from,
	const char *type, const char *compat);
extern struct device_node *of_find_node_by_path(const char *path);
extern struct device_node *of_get_parent(const struct device_node *node);
extern struct device_node *of_get_next_child(const struct device_node *node,
					     struct device_node *prev);
extern struct device_node *of_get_child_by_name(const struct device_node *node,
					const char *name);

extern struct property *of_find_property(const struct device_node *np,
					 const char *name,
					 int *lenp);
extern const void *of_get_property(const struct device_node *node,
				const char *name,
				int *lenp);

/* Reads between sz_min and sz_max u32 cells; the count read, or -errno
 * (-EINVAL: no such property, -ENODATA: empty, -EOVERFLOW: too short). */
extern int of_property_read_variable_u32_array(const struct device_node *np,
					const char *propname,
					u32 *out_values,
					size_t sz_min,
					size_t sz_max);

extern int of_property_read_u64(const struct device_node *np,
				const char *propname, u64 *out_value);
extern int of_property_read_string(const struct device_node *np,
				   const char *propname,
				   const char **out_string);
extern int of_property_match_string(const struct device_node *np,
				    const char *propname,
				    const char *string);
extern int of_device_is_compatible(const struct device_node *device,
				   const char *);
extern bool of_device_is_available(const struct device_node *device);
extern const struct of_device_id *of_match_node(
	const struct of_device_id *matches, const struct device_node *node);

/* Exactly sz cells, or an error: 0 on success. */
static inline int of_property_read_u32_array(const struct device_node *np,
					     const char *propname,
					     u32 *out_values, size_t sz)
{
	int ret = of_property_read_variable_u32_array(np, propname, out_values,
						      sz, 0);
	if (ret >= 0)
		return 0;
	else
		return ret;
}

static inline int of_property_read_u32(const struct device_node *np,
				       const char *propname,
				       u32 *out_value)
{
	return of_property_read_u32_array(np, propname, out_value, 1);
}

/* Is the (boolean, possibly empty) property present? */
static inline bool of_property_read_bool(const struct device_node *np,
					 const char *propname)
{
	struct property *prop = of_find_property(np, propname, NULL);

	return prop ? true : false;
}

#define for_each_child_of_node(parent, child) \
	for (child = of_get_next_child(parent, NULL); child != NULL; \
	     child = of_get_next_child(parent, child))

#endif
