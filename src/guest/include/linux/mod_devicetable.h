/* Match tables a driver gives its bus (of_device_id for the device tree,
 * platform_device_id by name), with the array sizes of Linux 6.1's
 * include/linux/mod_devicetable.h: modpost reads them from the object file. */
#ifndef LINUX_MOD_DEVICETABLE_H
#define LINUX_MOD_DEVICETABLE_H

#ifdef __KERNEL__
#include <linux/types.h>
typedef unsigned long kernel_ulong_t;
#endif

/* One device-tree match: usually just .compatible; the table ends with {}. */
struct of_device_id {
	char	name[32];
	char	type[32];
	char	compatible[128];
	const void *data;
};

#define PLATFORM_NAME_SIZE	20
#define PLATFORM_MODULE_PREFIX	"platform:"

struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};

#endif
