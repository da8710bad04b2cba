// A bad driver: its debugfs read dereferences a NULL pointer.
#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/fs.h>

struct counter { int value; };
static struct counter *the_counter;	/* never allocated */
static struct dentry *dir;

static ssize_t null_read_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return the_counter->value;
}

static const struct file_operations null_read_fops = {
	.owner = THIS_MODULE,
	.read = null_read_read,
};

static int __init null_read_init(void)
{
	dir = debugfs_create_dir("null_read", NULL);
	debugfs_create_file("value", 0444, dir, NULL, &null_read_fops);
	return 0;
}

static void __exit null_read_exit(void)
{
	debugfs_remove(dir);
}

module_init(null_read_init);
module_exit(null_read_exit);
MODULE_LICENSE("GPL");
