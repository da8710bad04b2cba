/* A driver for the debugger's tests: /sys/kernel/debug/sum reads the sum
 * 1 + 2 + ... + 4, computed by a recursive function, so a step over the
 * recursive call has to tell its own frame from the inner ones. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/debugfs.h>

static int sum_to(int n)
{
	int below;

	if (n == 0)
		return 0;
	below = sum_to(n - 1);
	return n + below;
}

static ssize_t sum_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	char text[16];
	int total = sum_to(4);
	int len = snprintf(text, sizeof(text), "%d\n", total);

	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct file_operations sum_fops = {
	.owner = THIS_MODULE,
	.read = sum_read,
};

static struct dentry *sum_file;

static int __init sum_init(void)
{
	sum_file = debugfs_create_file("sum", 0444, NULL, NULL, &sum_fops);
	return 0;
}

static void __exit sum_exit(void)
{
	debugfs_remove(sum_file);
}

module_init(sum_init);
module_exit(sum_exit);
MODULE_LICENSE("GPL");
