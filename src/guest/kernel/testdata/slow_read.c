// A driver whose read sleeps (interruptibly) for a very long time: Ctrl-C must end it.
#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/printk.h>

static struct dentry *dir;

static ssize_t slow_read_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout(1000 * HZ);
	if (signal_pending(current)) {
		pr_info("slow_read: interrupted by a signal\n");
		return -ERESTARTSYS;
	}
	return 0;
}

static const struct file_operations slow_read_fops = {
	.owner = THIS_MODULE,
	.read = slow_read_read,
};

static int __init slow_read_init(void)
{
	dir = debugfs_create_dir("slow_read", NULL);
	debugfs_create_file("value", 0444, dir, NULL, &slow_read_fops);
	return 0;
}

static void __exit slow_read_exit(void)
{
	debugfs_remove(dir);
}

module_init(slow_read_init);
module_exit(slow_read_exit);
MODULE_LICENSE("GPL");
