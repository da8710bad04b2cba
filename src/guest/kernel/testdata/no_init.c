// A driver with no module_init: it loads, does nothing, and cannot be removed.
#include <linux/module.h>

int no_init_value = 42;
MODULE_LICENSE("GPL");
