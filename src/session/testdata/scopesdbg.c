/* A driver for the Variables view's scope tests: /sys/kernel/debug/scopes runs
 * a function with an enum local and a local `i` shadowed in inner blocks, so a
 * test stopped at each marked line can check which variables are shown. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/debugfs.h>

enum stopwatch_state { STOPPED, RESET, RUNNING };

static int walk(int n)
{
	enum stopwatch_state state = RESET;
	enum stopwatch_state odd = (enum stopwatch_state)9;
	int i = 100;
	int total = 0;

	for (int i = 0; i < n; i++) {
		int step = i * 10;

		total += step; /* line:loop */
	}
	{
		int i = 7;

		total += i; /* line:block */
	}
	state = RUNNING;
	return total + i + state + odd; /* line:after */
}

static ssize_t scopes_read(struct file *file, char __user *buf, size_t count,
			   loff_t *ppos)
{
	char text[16];
	int len = snprintf(text, sizeof(text), "%d\n", walk(2));

	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct file_operations scopes_fops = {
	.owner = THIS_MODULE,
	.read = scopes_read,
};

static struct dentry *scopes_file;

static int __init scopes_init(void)
{
	scopes_file = debugfs_create_file("scopes", 0444, NULL, NULL, &scopes_fops);
	return 0;
}

static void __exit scopes_exit(void)
{
	debugfs_remove(scopes_file);
}

module_init(scopes_init);
module_exit(scopes_exit);
MODULE_LICENSE("GPL");
