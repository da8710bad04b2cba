// SPDX-License-Identifier: GPL-2.0
/*
 * Title: Lesson 5 solved
 * Summary: A completed skeleton of lesson 5, for the tests and the autograder
 *
 * lessons/drivers/show-path/stopwatch.c with stopwatch_update_text()
 * written in: what a student hands in when lesson 5 is done. The tests build
 * it, and `paravirt lesson check 5 --driver` must pass on it.
 *
 * The device (docs/devices/stopwatch.md):
 *  - regs, trapping: writing `command` runs that command in the host (an exit);
 *  - mem, pass-through: after UPDATE the host has left "<t> seconds" in
 *    mem->data and its length, NUL included, in mem->data_len (no exit to
 *    read them).
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

/* The shortest and longest timeout user space may ask for, in seconds. */
#define STOPWATCH_TIMEOUT_MIN 1
#define STOPWATCH_TIMEOUT_USER_MAX (STOPWATCH_TIMEOUT_MAX_S - 1)

/* Everything the driver knows about the (single) stopwatch device. */
struct stopwatch {
	struct StopWatch_regs __iomem *regs;	/* trapping */
	struct StopWatch_mem __iomem *mem;	/* pass-through */
	int irq;
	bool timeout_armed;		/* TIMEOUT sent, not yet acknowledged */
	atomic_t timeout_irqs;		/* timeout interrupts handled */
	struct dentry *debugfs_dir;
	char text[STOPWATCH_MEM_DATA_LENGTH + 1];	/* last UPDATE, plus '\n' */
	size_t text_len;
};

/* Set by probe, cleared by remove: the parameter files exist from module
 * load on, possibly before (or without) a device. */
static struct stopwatch *the_stopwatch;

/* --- The protocol ------------------------------------------------------ */

/* One VM exit: the host executes the command before this store retires. The
 * register is 64 bits; commands fit the low word and the upper word is
 * never needed (the device treats it as 0). */
static void stopwatch_command(struct stopwatch *sw, u32 command)
{
	writel(command, &sw->regs->command);
}

/* One VM exit: the host answers with its current state. */
static u32 stopwatch_status(struct stopwatch *sw)
{
	return readl(&sw->regs->status);
}

/* data_len is a u64 in shared memory; as a 32-bit CPU we store it in two
 * halves, low word first. No exit: the host reads it when TIMEOUT arrives. */
static void stopwatch_set_data_len(struct stopwatch *sw, u32 value)
{
	u32 __iomem *len = (u32 __iomem *)&sw->mem->data_len;

	writel(value, &len[0]);
	writel(0, &len[1]);
}

/* Makes the text `show` prints (lesson 5, solved): one exit for UPDATE, then
 * plain loads from the shared buffer. */
static void stopwatch_update_text(struct stopwatch *sw)
{
	u32 len;

	stopwatch_command(sw, STOPWATCH_ACTION_UPDATE);
	len = readl(&sw->mem->data_len);	/* the low word: at most 128 */
	if (len == 0 || len > STOPWATCH_MEM_DATA_LENGTH)
		len = 1;
	memcpy_fromio(sw->text, sw->mem->data, len);
	sw->text[len - 1] = '\n';
	sw->text_len = len;
}

/* The length goes into shared memory first, then the command that makes the
 * host read it: writel's "fence w,o" keeps the two in that order. */
static void stopwatch_start_timeout(struct stopwatch *sw, u32 seconds)
{
	stopwatch_set_data_len(sw, seconds);
	WRITE_ONCE(sw->timeout_armed, true);
	stopwatch_command(sw, STOPWATCH_ACTION_TIMEOUT);
}

/* The line stays high until the device hears TIMEOUT_ACK, so we acknowledge
 * before returning: otherwise the interrupt would fire again at once. With no
 * timeout armed the interrupt is not ours (and a TIMEOUT_ACK would be a device
 * error). */
static irqreturn_t stopwatch_timeout_irq(int irq, void *dev_id)
{
	struct stopwatch *sw = dev_id;

	if (!READ_ONCE(sw->timeout_armed))
		return IRQ_NONE;
	stopwatch_command(sw, STOPWATCH_ACTION_TIMEOUT_ACK);
	WRITE_ONCE(sw->timeout_armed, false);
	atomic_inc(&sw->timeout_irqs);
	pr_info(DRIVERNAME ": timeout interrupt %d\n",
		atomic_read(&sw->timeout_irqs));
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
	/* Keep track of a timeout armed or acknowledged from here too. */
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
			 stopwatch_status(the_stopwatch));
}

static const struct kernel_param_ops stopwatch_status_ops = {
	.set = stopwatch_status_set,
	.get = stopwatch_status_get,
};

module_param_cb(stopwatch_status, &stopwatch_status_ops, NULL, 0644);
MODULE_PARM_DESC(stopwatch_status,
		 "write a command (0 reset, 1 start, 2 pause, 3 update, 4 timeout, 5 ack); read the state (0 running, 1 reset, 2 paused)");

static int stopwatch_timeout_set(const char *val, const struct kernel_param *kp)
{
	unsigned int seconds;
	int ret;

	if (!the_stopwatch)
		return -ENODEV;
	ret = kstrtouint(val, 0, &seconds);
	if (ret)
		return ret;
	if (seconds < STOPWATCH_TIMEOUT_MIN || seconds > STOPWATCH_TIMEOUT_USER_MAX)
		return -EINVAL;
	stopwatch_start_timeout(the_stopwatch, seconds);
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
MODULE_PARM_DESC(stopwatch_timeout,
		 "write N (1-9) for a timeout interrupt in N seconds; read the number of timeout interrupts");

/* --- /sys/kernel/debug/stopwatch/stopwatch ----------------------------- */

/* A fresh UPDATE at the start of each read (offset 0), so `cat` gets the time
 * of now; later chunks of the same read come from the saved text. */
static ssize_t stopwatch_time_read(struct file *file, char __user *buf,
				   size_t count, loff_t *ppos)
{
	struct stopwatch *sw = file->private_data;

	if (*ppos == 0)
		stopwatch_update_text(sw);
	return simple_read_from_buffer(buf, count, ppos, sw->text, sw->text_len);
}

static const struct file_operations stopwatch_time_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,	/* private_data = the stopwatch */
	.read = stopwatch_time_read,
	.llseek = default_llseek,
};

/* --- Probe and remove -------------------------------------------------- */

/* reg entry 0 is mem (pass-through), entry 1 is regs (trapping). */
static int stopwatch_map(struct platform_device *pdev, struct stopwatch *sw)
{
	sw->mem = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sw->mem))
		return dev_err_probe(&pdev->dev, PTR_ERR(sw->mem),
				     "cannot map the shared buffer (reg 0)\n");
	sw->regs = devm_platform_ioremap_resource(pdev, 1);
	if (IS_ERR(sw->regs))
		return dev_err_probe(&pdev->dev, PTR_ERR(sw->regs),
				     "cannot map the registers (reg 1)\n");
	return 0;
}

static int stopwatch_probe(struct platform_device *pdev)
{
	struct stopwatch *sw;
	int ret;

	sw = devm_kzalloc(&pdev->dev, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	ret = stopwatch_map(pdev, sw);
	if (ret)
		return ret;

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
	dev_info(&pdev->dev, "stopwatch ready: irq %d, status %u\n",
		 sw->irq, stopwatch_status(sw));
	return 0;
}

/* The devm_* resources (mappings, irq, memory) go away after this returns. A
 * timeout still armed is cancelled, so the line is low when nobody listens;
 * disable_irq() first, so that the handler cannot acknowledge it too (a
 * second TIMEOUT_ACK would be a device error). */
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
MODULE_DESCRIPTION("Guest driver for the para-virtual stopwatch device");
MODULE_VERSION("1.0");
MODULE_LICENSE("GPL");
