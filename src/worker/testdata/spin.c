/* A driver for the Pause tests: reading /sys/kernel/debug/spin loops for a
 * long time, in a function whose loop is all on one line. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/debugfs.h>

static void spin(int n)
{
	for (volatile int i = 0; i < n; i++) { }
}

static ssize_t spin_read(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	spin(400000000);
	return simple_read_from_buffer(buf, count, ppos, "done\n", 5);
}

static const struct file_operations spin_fops = {
	.owner = THIS_MODULE,
	.read = spin_read,
};

static struct dentry *spin_file;

static int __init spin_init(void)
{
	spin_file = debugfs_create_file("spin", 0444, NULL, NULL, &spin_fops);
	return 0;
}

static void __exit spin_exit(void)
{
	debugfs_remove(spin_file);
}

module_init(spin_init);
module_exit(spin_exit);
MODULE_LICENSE("GPL");
