// A bad driver: a recursive function with no end runs off its kernel stack.
#include <linux/module.h>

static int depth(int n)
{
	volatile int frame[8];

	frame[n & 7] = n;
	return depth(n + 1) + frame[0];
}

static int __init deep_recursion_init(void)
{
	return depth(0);
}

module_init(deep_recursion_init);
MODULE_LICENSE("GPL");
