/* A ~500-line driver-like C file for the compile-speed benchmark
 * (scripts/bench/cc-bench.ts): a stopwatch platform driver with debugfs files,
 * module parameters, an interrupt handler, a request queue and statistics. */
#include <linux/kernel-mini.h>

#define STOPWATCH_MEM_DATA_LEN 0x00
#define STOPWATCH_MEM_DATA 0x08
#define STOPWATCH_REG_COMMAND 0x00
#define STOPWATCH_REG_STATUS 0x08
#define STOPWATCH_DATA_SIZE 128

enum stopwatch_command { CMD_RESET, CMD_START, CMD_PAUSE, CMD_UPDATE, CMD_TIMEOUT, CMD_TIMEOUT_ACK };
enum stopwatch_status { STATUS_RUNNING, STATUS_RESET, STATUS_PAUSED };

struct stopwatch_mem {
	u64 data_len;
	char data[STOPWATCH_DATA_SIZE];
};

struct stopwatch_regs {
	u64 command;
	u64 status;
};

struct sw_request {
	struct list_head node;
	enum stopwatch_command cmd;
	u32 arg;
	u64 submitted_ns;
	int result;
};

struct sw_stats {
	u32 commands[6];
	u32 irqs;
	u32 errors;
	u64 total_latency_ns;
	u64 max_latency_ns;
};

struct stopwatch {
	struct device *dev;
	struct stopwatch_mem __iomem *mem;
	struct stopwatch_regs __iomem *regs;
	int irq;
	void *debugfs_dir;
	struct list_head queue;
	atomic_t pending;
	struct sw_stats stats;
	char last_reading[STOPWATCH_DATA_SIZE];
	unsigned int timeout_s;
	bool started;
};

static struct stopwatch *the_stopwatch;
static unsigned int default_timeout = 3;
static const char *const command_names[] = {
	[CMD_RESET] = "reset", [CMD_START] = "start", [CMD_PAUSE] = "pause",
	[CMD_UPDATE] = "update", [CMD_TIMEOUT] = "timeout", [CMD_TIMEOUT_ACK] = "timeout_ack",
};
static const char *const status_names[] = { "running", "reset", "paused" };

static const char *command_name(enum stopwatch_command cmd)
{
	if ((unsigned)cmd < ARRAY_SIZE(command_names) && command_names[cmd])
		return command_names[cmd];
	return "unknown";
}

static const char *status_name(u64 status)
{
	return status < ARRAY_SIZE(status_names) ? status_names[status] : "invalid";
}

static u64 sw_status(struct stopwatch *sw)
{
	return readq(&sw->regs->status);
}

static void sw_command(struct stopwatch *sw, enum stopwatch_command cmd)
{
	u64 start = ktime_get_ns();
	writeq(cmd, &sw->regs->command);
	u64 latency = ktime_get_ns() - start;
	sw->stats.commands[cmd]++;
	sw->stats.total_latency_ns += latency;
	sw->stats.max_latency_ns = max(sw->stats.max_latency_ns, latency);
}

static int sw_expect_status(struct stopwatch *sw, enum stopwatch_status want)
{
	u64 got = sw_status(sw);
	if (unlikely(got != want)) {
		dev_err(sw->dev, "status is %s, expected %s\n", status_name(got), status_name(want));
		sw->stats.errors++;
		return -EBUSY;
	}
	return 0;
}

static size_t sw_read_data(struct stopwatch *sw, char *buf, size_t size)
{
	u64 len = readq(&sw->mem->data_len);
	size_t n = min((size_t)len, size - 1);
	for (size_t i = 0; i < n; i++)
		buf[i] = *((volatile char __iomem *)sw->mem->data + i);
	buf[n] = '\0';
	return n;
}

static int sw_do_reset(struct stopwatch *sw)
{
	int ret = 0;
	sw_command(sw, CMD_RESET);
	dev_info(sw->dev, "reset: now %s\n", status_name(sw_status(sw)));
	return ret;
}

static int sw_do_start(struct stopwatch *sw)
{
	int ret = 0;
	if (sw_status(sw) != STATUS_RESET && sw_status(sw) != STATUS_PAUSED) {
		ret = sw_expect_status(sw, STATUS_RESET);
		if (ret)
			return ret;
	}
	sw_command(sw, CMD_START);
	dev_info(sw->dev, "start: now %s\n", status_name(sw_status(sw)));
	return ret;
}

static int sw_do_pause(struct stopwatch *sw)
{
	int ret = 0;
	if (sw_status(sw) != STATUS_RUNNING && sw_status(sw) != STATUS_PAUSED) {
		ret = sw_expect_status(sw, STATUS_RUNNING);
		if (ret)
			return ret;
	}
	sw_command(sw, CMD_PAUSE);
	dev_info(sw->dev, "pause: now %s\n", status_name(sw_status(sw)));
	return ret;
}

static int sw_update(struct stopwatch *sw)
{
	sw_command(sw, CMD_UPDATE);
	sw_read_data(sw, sw->last_reading, sizeof(sw->last_reading));
	return 0;
}

static int sw_arm_timeout(struct stopwatch *sw, unsigned int seconds)
{
	if (seconds > 10) {
		pr_warn("stopwatch: timeout %u s is too long, using 10 s\n", seconds);
		seconds = 10;
	}
	writeq(seconds, &sw->mem->data_len);
	sw_command(sw, CMD_TIMEOUT);
	sw->timeout_s = seconds;
	return 0;
}

static struct sw_request *sw_request_alloc(enum stopwatch_command cmd, u32 arg)
{
	struct sw_request *req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return ERR_PTR(-ENOMEM);
	req->cmd = cmd;
	req->arg = arg;
	req->submitted_ns = ktime_get_ns();
	INIT_LIST_HEAD(&req->node);
	return req;
}

static int sw_submit(struct stopwatch *sw, enum stopwatch_command cmd, u32 arg)
{
	struct sw_request *req = sw_request_alloc(cmd, arg);
	if (IS_ERR(req))
		return PTR_ERR(req);
	list_add_tail(&req->node, &sw->queue);
	atomic_inc(&sw->pending);
	return 0;
}

static int sw_execute(struct stopwatch *sw, struct sw_request *req)
{
	switch (req->cmd) {
	case CMD_RESET:
		return sw_do_reset(sw);
	case CMD_START:
		return sw_do_start(sw);
	case CMD_PAUSE:
		return sw_do_pause(sw);
	case CMD_UPDATE:
		return sw_update(sw);
	case CMD_TIMEOUT:
		return sw_arm_timeout(sw, req->arg);
	case CMD_TIMEOUT_ACK:
		sw_command(sw, CMD_TIMEOUT_ACK);
		return 0;
	}
	return -EINVAL;
}

static int sw_drain(struct stopwatch *sw)
{
	int done = 0, failed = 0;
	while (!list_empty(&sw->queue)) {
		struct sw_request *req = list_entry(sw->queue.next, struct sw_request, node);
		list_del(&req->node);
		req->result = sw_execute(sw, req);
		if (req->result)
			failed++;
		else
			done++;
		atomic_add_return(-1, &sw->pending);
		kfree(req);
	}
	if (failed)
		pr_err("stopwatch: %d of %d requests failed\n", failed, done + failed);
	return failed ? -EINVAL : done;
}

static irqreturn_t sw_irq(int irq, void *data)
{
	struct stopwatch *sw = data;
	if (!sw || irq != sw->irq)
		return IRQ_NONE;
	sw->stats.irqs++;
	sw_command(sw, CMD_TIMEOUT_ACK);
	pr_info("stopwatch: timeout of %u s expired (irq %d)\n", sw->timeout_s, irq);
	return IRQ_HANDLED;
}

static ssize_t sw_reading_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct stopwatch *sw = the_stopwatch;
	char buf[160];
	int len;
	if (!sw)
		return -ENODEV;
	if (*ppos > 0)
		return 0;
	sw_update(sw);
	len = snprintf(buf, sizeof(buf), "%s\n", sw->last_reading);
	len = clamp(len, 0, (int)sizeof(buf) - 1);
	if ((size_t)len > count)
		len = count;
	if (copy_to_user(ubuf, buf, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

static ssize_t sw_status_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct stopwatch *sw = the_stopwatch;
	char buf[160];
	int len;
	if (!sw)
		return -ENODEV;
	if (*ppos > 0)
		return 0;
	len = snprintf(buf, sizeof(buf), "%s (timeout %u s, %s)\n", status_name(sw_status(sw)),
		       sw->timeout_s, sw->started ? "started" : "idle");
	len = clamp(len, 0, (int)sizeof(buf) - 1);
	if ((size_t)len > count)
		len = count;
	if (copy_to_user(ubuf, buf, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

static ssize_t sw_stats_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct stopwatch *sw = the_stopwatch;
	char buf[160];
	int len;
	if (!sw)
		return -ENODEV;
	if (*ppos > 0)
		return 0;
	len = snprintf(buf, sizeof(buf), "irqs %u errors %u reset %u start %u pause %u update %u max %llu ns\n",
		       sw->stats.irqs, sw->stats.errors, sw->stats.commands[CMD_RESET], sw->stats.commands[CMD_START],
		       sw->stats.commands[CMD_PAUSE], sw->stats.commands[CMD_UPDATE], sw->stats.max_latency_ns);
	len = clamp(len, 0, (int)sizeof(buf) - 1);
	if ((size_t)len > count)
		len = count;
	if (copy_to_user(ubuf, buf, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

static ssize_t sw_queue_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct stopwatch *sw = the_stopwatch;
	char buf[160];
	int len;
	if (!sw)
		return -ENODEV;
	if (*ppos > 0)
		return 0;
	len = snprintf(buf, sizeof(buf), "pending %d\n", atomic_read(&sw->pending));
	len = clamp(len, 0, (int)sizeof(buf) - 1);
	if ((size_t)len > count)
		len = count;
	if (copy_to_user(ubuf, buf, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

static ssize_t sw_command_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct stopwatch *sw = the_stopwatch;
	char buf[32];
	size_t n = min(count, sizeof(buf) - 1);
	if (!sw)
		return -ENODEV;
	if (copy_from_user(buf, ubuf, n))
		return -EFAULT;
	buf[n] = 0;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(command_names); i++) {
		const char *a = buf, *b = command_names[i];
		while (*a && *a == *b) {
			a++;
			b++;
		}
		if (*a == 0 && *b == 0) {
			int ret = sw_submit(sw, (enum stopwatch_command)i, sw->timeout_s);
			if (ret)
				return ret;
			ret = sw_drain(sw);
			return ret < 0 ? ret : (ssize_t)count;
		}
	}
	pr_err("stopwatch: unknown command '%s'\n", buf);
	return -EINVAL;
}

static int sw_open(struct inode *inode, struct file *file)
{
	return the_stopwatch ? 0 : -ENODEV;
}

static int sw_release(struct inode *inode, struct file *file)
{
	return 0;
}

static long sw_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct stopwatch *sw = the_stopwatch;
	if (!sw)
		return -ENODEV;
	if (cmd > CMD_TIMEOUT_ACK)
		return -EINVAL;
	return sw_submit(sw, (enum stopwatch_command)cmd, (u32)arg) ?: sw_drain(sw);
}

static const struct file_operations sw_reading_fops = {
	.read = sw_reading_read,
	.open = sw_open,
	.release = sw_release,
};

static const struct file_operations sw_status_fops = {
	.read = sw_status_read,
	.open = sw_open,
	.release = sw_release,
};

static const struct file_operations sw_stats_fops = {
	.read = sw_stats_read,
	.open = sw_open,
	.release = sw_release,
};

static const struct file_operations sw_queue_fops = {
	.read = sw_queue_read,
	.open = sw_open,
	.release = sw_release,
};

static const struct file_operations sw_command_fops = {
	.write = sw_command_write,
	.open = sw_open,
	.release = sw_release,
	.unlocked_ioctl = sw_ioctl,
};

static int timeout_set(const char *val, const struct kernel_param *kp)
{
	unsigned int v;
	int ret = kstrtouint(val, 10, &v);
	if (ret)
		return ret;
	if (v == 0 || v > 10)
		return -EINVAL;
	default_timeout = v;
	if (the_stopwatch)
		the_stopwatch->timeout_s = v;
	return 0;
}

static int timeout_get(char *buffer, const struct kernel_param *kp)
{
	return snprintf(buffer, 16, "%u\n", default_timeout);
}

static const struct kernel_param_ops timeout_ops = {
	.set = timeout_set,
	.get = timeout_get,
};
module_param_cb(timeout, &timeout_ops, &default_timeout, 0644);

static int sw_create_debugfs(struct stopwatch *sw)
{
	static const struct { const char *name; const struct file_operations *fops; unsigned short mode; } files[] = {
		{ "reading", &sw_reading_fops, 0444 },
		{ "status", &sw_status_fops, 0444 },
		{ "stats", &sw_stats_fops, 0444 },
		{ "queue", &sw_queue_fops, 0444 },
		{ "command", &sw_command_fops, 0200 },
	};
	sw->debugfs_dir = debugfs_create_dir("stopwatch", NULL);
	if (!sw->debugfs_dir)
		return -ENOMEM;
	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++)
		if (!debugfs_create_file(files[i].name, files[i].mode, sw->debugfs_dir, sw, files[i].fops))
			return -ENOMEM;
	return 0;
}

static int sw_self_test(struct stopwatch *sw)
{
	static const enum stopwatch_command sequence[] = { CMD_RESET, CMD_START, CMD_UPDATE, CMD_PAUSE, CMD_UPDATE, CMD_START };
	int ret = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(sequence) && !ret; i++) {
		struct sw_request req = { .cmd = sequence[i], .arg = 0 };
		ret = sw_execute(sw, &req);
		if (ret)
			dev_err(sw->dev, "self test step %u (%s) failed: %d\n", i, command_name(sequence[i]), ret);
	}
	return ret;
}

static int sw_probe(struct platform_device *pdev)
{
	struct stopwatch *sw;
	int ret;
	sw = devm_kzalloc(pdev->dev_ptr, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	sw->dev = pdev->dev_ptr;
	sw->mem = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sw->mem))
		return PTR_ERR(sw->mem);
	sw->regs = devm_platform_ioremap_resource(pdev, 1);
	if (IS_ERR(sw->regs))
		return PTR_ERR(sw->regs);
	sw->irq = platform_get_irq(pdev, 0);
	if (sw->irq < 0)
		return sw->irq;
	INIT_LIST_HEAD(&sw->queue);
	atomic_set(&sw->pending, 0);
	sw->timeout_s = default_timeout;
	ret = devm_request_irq(sw->dev, sw->irq, sw_irq, 0, "stopwatch", sw);
	if (ret) {
		dev_err(sw->dev, "cannot request irq %d: %d\n", sw->irq, ret);
		return ret;
	}
	ret = sw_self_test(sw);
	if (ret)
		return ret;
	ret = sw_create_debugfs(sw);
	if (ret)
		return ret;
	sw->started = true;
	the_stopwatch = sw;
	dev_info(sw->dev, "stopwatch ready: irq %d, status %s\n", sw->irq, status_name(sw_status(sw)));
	return 0;
}

static int sw_remove(struct platform_device *pdev)
{
	struct stopwatch *sw = the_stopwatch;
	if (!sw)
		return 0;
	sw_drain(sw);
	debugfs_remove_recursive(sw->debugfs_dir);
	sw_command(sw, CMD_PAUSE);
	the_stopwatch = NULL;
	return 0;
}

static const struct of_device_id sw_of_match[] = {
	{ .compatible = "stopwatch" },
	{ },
};

static struct platform_driver sw_driver = {
	.probe = sw_probe,
	.remove = sw_remove,
	.driver = {
		.name = "stopwatch",
		.of_match_table = sw_of_match,
	},
};

static int __init sw_init(void)
{
	pr_info("stopwatch: driver loaded (timeout %u s)\n", default_timeout);
	return platform_driver_register(&sw_driver);
}

static void __exit sw_exit(void)
{
	platform_driver_unregister(&sw_driver);
	pr_info("stopwatch: driver unloaded\n");
}

module_init(sw_init);
module_exit(sw_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Paravirt Playground");
MODULE_DESCRIPTION("Stopwatch para-virtual device driver (benchmark copy)");
