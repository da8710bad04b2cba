// SPDX-License-Identifier: GPL-2.0
/*
 * stopwatch_misc.c: a second driver for the para-virtual stopwatch
 * (docs/devices/stopwatch.md), written the other way round from
 * drivers/stopwatch: one character device, /dev/stopwatch, instead of module
 * parameters, and a read that can sleep until the device's interrupt.
 *
 *   echo start > /dev/stopwatch          (also: pause, reset)
 *   echo "timeout 2" > /dev/stopwatch    arm a 2-second timeout
 *   cat /dev/stopwatch                   waits for a pending timeout, then
 *                                        prints the time ("2.00 seconds")
 *   ioctl(fd, STOPWATCH_IOC_TIMEOUT, &seconds), ioctl(fd, STOPWATCH_IOC_STATUS, &status)
 *
 * The interrupt handler and the file operations share the device (a command
 * then its data) and the driver state, so both take one spinlock: the file
 * side with spin_lock_irqsave (which also masks the interrupt on this hart),
 * the handler with spin_lock. Every resource is device-managed (devm_*), so
 * probe has no unwinding code and remove has nothing to free.
 */

#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/of.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ioctl.h>
#include <linux/string_helpers.h>

#include "../stopwatch/stopwatch_hw-sw.h"

#define DRIVERNAME "stopwatch"

#define STOPWATCH_IOC_MAGIC	's'
/* Arms a timeout of *(u32 *)arg seconds (1-10). */
#define STOPWATCH_IOC_TIMEOUT	_IOW(STOPWATCH_IOC_MAGIC, 1, __u32)
/* Stores the device's status (STOPWATCH_STATE_*) in *(u32 *)arg. */
#define STOPWATCH_IOC_STATUS	_IOR(STOPWATCH_IOC_MAGIC, 2, __u32)

struct stopwatch_misc {
	struct miscdevice misc;		/* /dev/stopwatch; open() finds us from it */
	struct StopWatch_regs __iomem *regs;
	struct StopWatch_mem __iomem *mem;
	spinlock_t lock;		/* the device, and the fields below */
	bool timeout_pending;		/* armed, its interrupt not yet seen */
	unsigned int timeouts;		/* interrupts handled */
	struct completion timeout_done;	/* completed by the interrupt */
	struct dentry *debugfs_dir;
	int irq;
};

/* --- Device access (callers hold sw->lock) ------------------------------ */

static void sw_command(struct stopwatch_misc *sw, u32 command)
{
	writel(command, &sw->regs->command);	/* VM exit */
}

static u32 sw_status(struct stopwatch_misc *sw)
{
	return readl(&sw->regs->status);	/* VM exit */
}

/* Asks the host for the time and copies its text out of shared memory;
 * returns the length without the NUL. */
static size_t sw_read_time(struct stopwatch_misc *sw, char *text, size_t size)
{
	u32 len;

	sw_command(sw, STOPWATCH_ACTION_UPDATE);
	len = min_t(u32, readl(&sw->mem->data_len), size);
	memcpy_fromio(text, sw->mem->data, len);
	text[len ? len - 1 : 0] = '\0';
	return strlen(text);
}

/* Returns -EBUSY if one is pending already (the device would ignore it). */
static int sw_arm_timeout(struct stopwatch_misc *sw, u32 seconds)
{
	unsigned long flags;
	int ret = 0;

	if (seconds < 1 || seconds > STOPWATCH_TIMEOUT_MAX_S)
		return -EINVAL;
	spin_lock_irqsave(&sw->lock, flags);
	if (sw->timeout_pending) {
		ret = -EBUSY;
	} else {
		reinit_completion(&sw->timeout_done);
		lo_hi_writeq(seconds, &sw->mem->data_len);	/* pass-through */
		sw_command(sw, STOPWATCH_ACTION_TIMEOUT);
		sw->timeout_pending = true;
	}
	spin_unlock_irqrestore(&sw->lock, flags);
	return ret;
}

/* ACK first: the level-triggered line stays high until the device hears it.
 * An interrupt with no timeout pending is not ours to acknowledge (a second
 * TIMEOUT_ACK is a device error). */
static irqreturn_t sw_timeout_irq(int irq, void *dev_id)
{
	struct stopwatch_misc *sw = dev_id;

	spin_lock(&sw->lock);
	if (!sw->timeout_pending) {
		spin_unlock(&sw->lock);
		return IRQ_NONE;
	}
	sw_command(sw, STOPWATCH_ACTION_TIMEOUT_ACK);
	sw->timeout_pending = false;
	sw->timeouts++;
	spin_unlock(&sw->lock);
	complete_all(&sw->timeout_done);
	return IRQ_HANDLED;
}

/* --- /dev/stopwatch ----------------------------------------------------- */

static struct stopwatch_misc *file_to_sw(struct file *file)
{
	return container_of(file->private_data, struct stopwatch_misc, misc);
}

/* Sleeps while a timeout is pending, then returns the time, one line. */
static ssize_t sw_read(struct file *file, char __user *buf, size_t count,
		       loff_t *ppos)
{
	struct stopwatch_misc *sw = file_to_sw(file);
	char text[STOPWATCH_MEM_DATA_LENGTH + 1];
	unsigned long flags;
	size_t len;
	int ret;

	if (*ppos == 0) {
		ret = wait_for_completion_interruptible(&sw->timeout_done);
		if (ret)
			return ret;	/* a signal: -ERESTARTSYS */
	}
	spin_lock_irqsave(&sw->lock, flags);
	len = sw_read_time(sw, text, STOPWATCH_MEM_DATA_LENGTH);
	spin_unlock_irqrestore(&sw->lock, flags);
	text[len++] = '\n';

	if (*ppos >= len)
		return 0;
	count = min_t(size_t, count, len - *ppos);
	if (copy_to_user(buf, text + *ppos, count))
		return -EFAULT;
	*ppos += count;
	return count;
}

static int sw_simple_command(struct stopwatch_misc *sw, u32 command)
{
	guard(spinlock_irqsave)(&sw->lock);
	sw_command(sw, command);
	return 0;
}

/* "start", "pause", "reset" or "timeout N", with or without a newline. */
static int sw_parse_command(struct stopwatch_misc *sw, char *line)
{
	unsigned int seconds;

	if (sysfs_streq(line, "start"))
		return sw_simple_command(sw, STOPWATCH_ACTION_START);
	if (sysfs_streq(line, "pause"))
		return sw_simple_command(sw, STOPWATCH_ACTION_PAUSE);
	if (sysfs_streq(line, "reset"))
		return sw_simple_command(sw, STOPWATCH_ACTION_RESET);
	if (strstarts(line, "timeout ")) {
		if (kstrtouint(skip_spaces(line + 8), 10, &seconds))
			return -EINVAL;
		return sw_arm_timeout(sw, seconds);
	}
	return -EINVAL;
}

static ssize_t sw_write(struct file *file, const char __user *buf,
			size_t count, loff_t *ppos)
{
	struct stopwatch_misc *sw = file_to_sw(file);
	char *line __free(kfree) = NULL;
	int ret;

	if (count > 32)
		return -EINVAL;
	line = memdup_user_nul(buf, count);
	if (IS_ERR(line))
		return PTR_ERR(no_free_ptr(line));
	ret = sw_parse_command(sw, line);
	return ret ? ret : count;
}

static long sw_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct stopwatch_misc *sw = file_to_sw(file);
	u32 __user *uarg = (u32 __user *)arg;
	u32 value;

	switch (cmd) {
	case STOPWATCH_IOC_TIMEOUT:
		if (copy_from_user(&value, uarg, sizeof(value)))
			return -EFAULT;
		return sw_arm_timeout(sw, value);
	case STOPWATCH_IOC_STATUS:
		scoped_guard(spinlock_irqsave, &sw->lock)
			value = sw_status(sw);
		return copy_to_user(uarg, &value, sizeof(value)) ? -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations sw_fops = {
	.owner = THIS_MODULE,
	.read = sw_read,
	.write = sw_write,
	.unlocked_ioctl = sw_ioctl,
	.llseek = noop_llseek,
};

/* --- debugfs: /sys/kernel/debug/stopwatch/state ------------------------ */

static int sw_state_show(struct seq_file *m, void *unused)
{
	struct stopwatch_misc *sw = m->private;
	unsigned long flags;
	u32 status;

	spin_lock_irqsave(&sw->lock, flags);
	status = sw_status(sw);
	spin_unlock_irqrestore(&sw->lock, flags);
	seq_printf(m, "status: %u\ntimeout pending: %s\ntimeouts: %u\n",
		   status, str_yes_no(READ_ONCE(sw->timeout_pending)),
		   READ_ONCE(sw->timeouts));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sw_state);

/* --- Probe: everything devm_, undone in reverse order on detach --------- */

static void sw_misc_deregister(void *data)
{
	misc_deregister(data);
}

static void sw_debugfs_remove(void *data)
{
	debugfs_remove(data);
}

/* On detach, before the irq is freed: no handler may run any more, and a
 * timeout still armed is cancelled so the line is low when nobody listens. */
static void sw_cancel_timeout(void *data)
{
	struct stopwatch_misc *sw = data;

	disable_irq(sw->irq);
	if (sw->timeout_pending) {
		sw_command(sw, STOPWATCH_ACTION_TIMEOUT_ACK);
		sw->timeout_pending = false;
		complete_all(&sw->timeout_done);
	}
}

static int sw_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct stopwatch_misc *sw;
	int ret;

	sw = devm_kzalloc(dev, sizeof(*sw), GFP_KERNEL);
	if (!sw)
		return -ENOMEM;
	spin_lock_init(&sw->lock);
	init_completion(&sw->timeout_done);
	complete_all(&sw->timeout_done);	/* nothing pending: reads don't wait */

	sw->mem = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sw->mem))
		return PTR_ERR(sw->mem);
	sw->regs = devm_platform_ioremap_resource(pdev, 1);
	if (IS_ERR(sw->regs))
		return PTR_ERR(sw->regs);

	sw->irq = platform_get_irq(pdev, 0);
	if (sw->irq < 0)
		return sw->irq;
	ret = devm_request_irq(dev, sw->irq, sw_timeout_irq, 0, dev_name(dev), sw);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, sw_cancel_timeout, sw);
	if (ret)
		return ret;

	sw->misc.minor = MISC_DYNAMIC_MINOR;
	sw->misc.name = DRIVERNAME;
	sw->misc.fops = &sw_fops;
	sw->misc.parent = dev;
	ret = misc_register(&sw->misc);
	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, sw_misc_deregister, &sw->misc);
	if (ret)
		return ret;

	sw->debugfs_dir = debugfs_create_dir(DRIVERNAME, NULL);
	debugfs_create_file("state", 0444, sw->debugfs_dir, sw, &sw_state_fops);
	ret = devm_add_action_or_reset(dev, sw_debugfs_remove, sw->debugfs_dir);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, sw);
	dev_info(dev, "/dev/%s ready, irq %d\n", sw->misc.name, sw->irq);
	return 0;
}

static const struct of_device_id sw_of_match[] = {
	{ .compatible = STOPWATCH_COMPATIBLE },
	{ }
};
MODULE_DEVICE_TABLE(of, sw_of_match);

static struct platform_driver sw_driver = {
	.probe = sw_probe,
	.driver = {
		.name = "stopwatch-misc",
		.of_match_table = sw_of_match,
	},
};
module_platform_driver(sw_driver);

MODULE_DESCRIPTION("Stopwatch as a misc character device with a blocking read");
MODULE_LICENSE("GPL");
