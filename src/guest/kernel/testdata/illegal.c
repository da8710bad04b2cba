// A bad driver: its init executes an instruction this hart does not have.
#include <linux/module.h>

static int __init illegal_init(void)
{
	asm volatile(".word 0xffffffff");
	return 0;
}

module_init(illegal_init);
MODULE_LICENSE("GPL");
