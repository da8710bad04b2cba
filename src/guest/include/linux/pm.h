/* Power-management types a driver structure mentions (pm_message_t,
 * struct dev_pm_ops), as Linux 6.1's include/linux/pm.h (callbacks reduced to
 * system sleep). */
#ifndef _LINUX_PM_H
#define _LINUX_PM_H

struct device;

typedef struct pm_message {
	int event;
} pm_message_t;

struct dev_pm_ops {
	int (*prepare)(struct device *dev);
	void (*complete)(struct device *dev);
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*poweroff)(struct device *dev);
	int (*restore)(struct device *dev);
};

#endif
