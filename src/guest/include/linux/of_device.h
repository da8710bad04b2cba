/* Device-tree matching for a struct device (of_match_device and the match
 * data of the entry that matched), as Linux 6.1's include/linux/of_device.h
 * declares them. */
#ifndef _LINUX_OF_DEVICE_H
#define _LINUX_OF_DEVICE_H

#include <linux/platform_device.h>
#include <linux/of_platform.h>
#include <linux/of.h>
#include <linux/mod_devicetable.h>

struct device;

extern const struct of_device_id *of_match_device(
	const struct of_device_id *matches, const struct device *dev);

/* The .data of the of_device_id entry that matched dev, or NULL. */
extern const void *of_device_get_match_data(const struct device *dev);

static inline int of_driver_match_device(struct device *dev,
					 const struct device_driver *drv)
{
	return of_match_device(drv->of_match_table, dev) != NULL;
}

#endif
