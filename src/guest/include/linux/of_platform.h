/* Platform devices created from device-tree nodes, as named by Linux 6.1's
 * include/linux/of_platform.h. */
#ifndef _LINUX_OF_PLATFORM_H
#define _LINUX_OF_PLATFORM_H

#include <linux/mod_devicetable.h>

struct device_node;
struct platform_device;

extern struct platform_device *of_find_device_by_node(struct device_node *np);

#endif
