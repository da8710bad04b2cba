/* A driver for the Variables view's tests: /sys/kernel/debug/locals runs a
 * function that puts known values of many types into its locals, so a test
 * stopped on its last line can compare what the frame reader shows. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/debugfs.h>

struct sample {
	int level;
	unsigned short flags;
	const char *label;
};

enum mood { CALM, BUSY = 7 };

static int fill(int seed, u32 mask)
{
	int negative = -42;
	unsigned int big = 3000000000u;
	char letter = 'Q';
	long long wide = -5000000000LL;
	u8 bytes[3] = { 1, 2, 3 };
	struct sample s = { 9, 0x8001, "hi" };
	enum mood m = BUSY;
	int *nowhere = NULL;
	bool yes = true;

	return seed + negative + (int)big + letter + (int)wide + bytes[2] + s.level + m + (nowhere != NULL) + yes + (int)mask; /* line:last */
}

static ssize_t locals_read(struct file *file, char __user *buf, size_t count,
			   loff_t *ppos)
{
	char text[16];
	int len = snprintf(text, sizeof(text), "%d\n", fill(5, 0xff));

	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct file_operations locals_fops = {
	.owner = THIS_MODULE,
	.read = locals_read,
};

static struct dentry *locals_file;

static int __init locals_init(void)
{
	locals_file = debugfs_create_file("locals", 0444, NULL, NULL, &locals_fops);
	return 0;
}

static void __exit locals_exit(void)
{
	debugfs_remove(locals_file);
}

module_init(locals_init);
module_exit(locals_exit);
MODULE_LICENSE("GPL");
