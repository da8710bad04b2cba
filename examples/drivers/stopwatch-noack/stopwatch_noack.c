// SPDX-License-Identifier: GPL-2.0
/*
 * stopwatch_noack.c: the stopwatch driver with one line missing, on purpose.
 *
 * Its interrupt handler says IRQ_HANDLED but never writes TIMEOUT_ACK. The
 * stopwatch's timeout line is level-triggered: it stays high until the device
 * hears that ACK. So the moment the handler returns and the kernel completes
 * the interrupt at the PLIC, the PLIC sees the line still high and raises it
 * again, and again: an interrupt storm. Watch it in the Trace pane:
 *
 *     stopwatch_ctrl.sh timeout 1
 *
 * One second later the same few events (irq 64 high, plic claim 64, trap,
 * handler, complete 64) repeat tens of thousands of times a second, and the
 * shell stops answering: the CPU never leaves interrupt context. The guest
 * kernel notices the storm, prints "irq N: interrupt storm", names this
 * handler and disables the line (docs/guest/irq-storms.md), and the shell
 * comes back. `cat /proc/interrupts` then shows how many times it ran.
 *
 * To fix it, put the ACK back (see the FIX comment in the handler), press
 * Build & load, and try again: one interrupt per timeout.
 *
 * The module is named "stopwatch" so that /guest_fs/stopwatch_ctrl.sh and its
 * files work unchanged:
 *  /sys/module/stopwatch/parameters/stopwatch_status   write a command 0-5
 *  /sys/module/stopwatch/parameters/stopwatch_timeout  write N: IRQ in N s
 *  /sys/kernel/debug/stopwatch/stopwatch               the elapsed time
 */

#include <linux/module.h>
#include <linux/init.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/debugfs.h>
#include <linux/moduleparam.h>
#include <linux/atomic.h>
#include <linux/kstrtox.h>
#include <asm/page.h>

#include "stopwatch_hw-sw.h"

#define DRIVERNAME "stopwatch"

struct stopwatch {
	struct StopWatch_regs __iomem *regs;	/* trapping: each access is a VM exit */
	struct StopWatch_mem __iomem *mem;	/* pass-through: shared memory */
	int irq;
	bool timeout_armed;			/* TIMEOUT sent, no ACK sent yet */
	atomic_t timeout_irqs;			/* times the handler ran */
	struct dentry *debugfs_dir;
	char text[STOPWATCH_MEM_DATA_LENGTH + 1];
	size_t text_len;
};

static struct stopwatch *the_stopwatch;

static void stopwatch_command(struct stopwatch *sw, u32 command)
{
	writel(command, &sw->regs->command);
}

/*
 * THE BUG: the device is never told that its interrupt was seen, so its line
 * stays high and this handler runs again as soon as it returns. It does not
 * print anything either: a printk per interrupt would bury the kernel's own
 * report under thousands of lines.
 */
static irqreturn_t stopwatch_timeout_irq(int irq, void *dev_id)
{
	struct stopwatch *sw = dev_id;

	/* FIX: stopwatch_command(sw, STOPWATCH_ACTION_TIMEOUT_ACK);
	 *      WRITE_ONCE(sw->timeout_armed, false);                */
	atomic_inc(&sw->timeout_irqs);
	return IRQ_HANDLED;
}

/* --- /sys/module/stopwatch/parameters/ --------------------------------- */

static int stopwatch_status_set(const char *val, const struct kernel_param *kp)
{
	unsigned int action;
	int ret;

	if (!the_stopwatch)
		return -ENODEV;
	ret = kstrtouint(val, 0, &action);
	if (ret)
		return ret;
	if (action >= STOPWATCH_ACTION_LAST)
		return -EINVAL;
	if (action == STOPWATCH_ACTION_TIMEOUT || action == STOPWATCH_ACTION_TIMEOUT_ACK)
		WRITE_ONCE(the_stopwatch->timeout_armed,
			   action == STOPWATCH_ACTION_TIMEOUT);
	stopwatch_command(the_stopwatch, action);
	return 0;
}

static int stopwatch_status_get(char *buffer, const struct kernel_param *kp)
{
	if (!the_stopwatch)
		return -ENODEV;
	return scnprintf(buffer, PAGE_SIZE, "%u\n",
			 readl(&the_stopwatch->regs->status));
}

static const struct kernel_param_ops stopwatch_status_ops = {
	.set = stopwatch_status_set,
	.get = stopwatch_status_get,
};
module_param_cb(stopwatch_status, &stopwatch_status_ops, NULL, 0644);
MODULE_PARM_DESC(stopwatch_status, "write a command 0-5; read the state");

/* The length goes into shared memory first, then the command that makes the
 * host read it. */
static int stopwatch_timeout_set(const char *val, const struct kernel_param *kp)
{
	struct stopwatch *sw = the_stopwatch;
	u32 __iomem *len;
	unsigned int seconds;
	int ret;

	if (!sw)
		return -ENODEV;
	ret = kstrtouint(val, 0, &seconds);
	if (ret)
		return ret;
	if (seconds < 1 || seconds > STOPWATCH_TIMEOUT_MAX_S - 1)
		return -EINVAL;
	len = (u32 __iomem *)&sw->mem->data_len;
	writel(seconds, &len[0]);
	writel(0, &len[1]);
	WRITE_ONCE(sw->timeout_armed, true);
	stopwatch_command(sw, STOPWATCH_ACTION_TIMEOUT);
	return 0;
}

static int stopwatch_timeout_get(char *buffer, const struct kernel_param *kp)
{
	if (!the_stopwatch)
		return -ENODEV;
	return scnprintf(buffer, PAGE_SIZE, "%d\n",
			 atomic_read(&the_stopwatch->timeout_irqs));
}

static const struct kernel_param_ops stopwatch_timeout_ops = {
	.set = stopwatch_timeout_set,
	.get = stopwatch_timeout_get,
};
module_param_cb(stopwatch_timeout, &stopwatch_timeout_ops, NULL, 0644);
MODULE_PARM_DESC(stopwatch_timeout, "write N (1-9): interrupt in N seconds; read: times the handler ran");

/* --- /sys/kernel/debug/stopwatch/stopwatch ----------------------------- */

static ssize_t stopwatch_time_read(struct file *file, char __user *buf,
				   size_t count, loff_t *ppos)
{
	struct stopwatch *sw = file->private_data;
	u32 len;

	if (*ppos == 0) {
		stopwatch_command(sw, STOPWATCH_ACTION_UPDATE);
		len = readl(&sw->mem->data_len);
		if (len == 0 || len > STOPWATCH_MEM_DATA_LENGTH)
			len = 1;
		memcpy_fromio(sw->text, sw->mem->data, len);
		sw->text[len - 1] = '\n';
		sw->text_len = len;
	}
	return simple_read_from_buffer(buf, count, ppos, sw->text, sw->text_len);
}

static const struct file_operations stopwatch_time_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = stopwatch_time_read,
	.llseek = default_llseek,
};

/* --- Probe and remove -------------------------------------------------- */

static int stopwatch_probe(struct platform_device *pdev)
{
	struct stopwatch *sw;
	int ret;

	sw = devm_kzalloc(&pdev->dev, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	sw->mem = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sw->mem))
		return PTR_ERR(sw->mem);
	sw->regs = devm_platform_ioremap_resource(pdev, 1);
	if (IS_ERR(sw->regs))
		return PTR_ERR(sw->regs);
	sw->irq = platform_get_irq(pdev, 0);
	if (sw->irq < 0)
		return sw->irq;
	ret = devm_request_irq(&pdev->dev, sw->irq, stopwatch_timeout_irq, 0,
			       "stopwatch timeout", sw);
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "cannot get irq %d\n", sw->irq);

	sw->debugfs_dir = debugfs_create_dir(DRIVERNAME, NULL);
	debugfs_create_file(DRIVERNAME, 0444, sw->debugfs_dir, sw,
			    &stopwatch_time_fops);
	platform_set_drvdata(pdev, sw);
	the_stopwatch = sw;
	dev_info(&pdev->dev, "stopwatch (never ACKs its interrupt) ready: irq %d\n", sw->irq);
	return 0;
}

/* Unlike the handler, remove does ACK a timeout still pending: without it
 * the line would stay high for the next driver loaded, which would then see
 * an interrupt it never asked for. */
static int stopwatch_remove(struct platform_device *pdev)
{
	struct stopwatch *sw = platform_get_drvdata(pdev);

	the_stopwatch = NULL;
	debugfs_remove(sw->debugfs_dir);
	disable_irq(sw->irq);
	if (READ_ONCE(sw->timeout_armed))
		stopwatch_command(sw, STOPWATCH_ACTION_TIMEOUT_ACK);
	stopwatch_command(sw, STOPWATCH_ACTION_RESET);
	return 0;
}

static const struct of_device_id stopwatch_of_match[] = {
	{ .compatible = STOPWATCH_COMPATIBLE },
	{ }
};
MODULE_DEVICE_TABLE(of, stopwatch_of_match);

static struct platform_driver stopwatch_driver = {
	.probe = stopwatch_probe,
	.remove = stopwatch_remove,
	.driver = {
		.name = DRIVERNAME,
		.of_match_table = of_match_ptr(stopwatch_of_match),
	},
};
module_platform_driver(stopwatch_driver);

MODULE_AUTHOR("Paravirt Playground");
MODULE_DESCRIPTION("The stopwatch driver with its interrupt ACK left out: an interrupt storm");
MODULE_LICENSE("GPL");
