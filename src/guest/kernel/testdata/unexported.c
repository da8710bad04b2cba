// A bad driver: it calls a kernel function that is not exported to modules.
#include <linux/module.h>

extern int kallsyms_lookup_name_internal(const char *name);

static int __init unexported_init(void)
{
	return kallsyms_lookup_name_internal("jiffies");
}

module_init(unexported_init);
MODULE_LICENSE("GPL");
