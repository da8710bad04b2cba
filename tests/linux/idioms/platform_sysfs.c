// SPDX-License-Identifier: GPL-2.0
/*
 * Idiom: a platform driver with sysfs attributes and a tasklet. The device's
 * interrupt handler only acknowledges and schedules a tasklet; the tasklet
 * counts in soft-interrupt context. Two attributes in the device's sysfs
 * directory: `events` (read: the count; write 0: clear it) and `threshold`
 * (read/write a number). It binds to the stopwatch node, whose interrupt it
 * acknowledges with TIMEOUT_ACK.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/sysfs.h>
#include <linux/device.h>
#include <linux/spinlock.h>
#include <linux/kstrtox.h>

#define CMD_TIMEOUT_ACK 5	/* the stopwatch's STOPWATCH_ACTION_TIMEOUT_ACK */

struct counter {
	void __iomem *regs;
	struct tasklet_struct tasklet;
	spinlock_t lock;
	unsigned long events;
	unsigned int threshold;
};

static void counter_tasklet(struct tasklet_struct *t)
{
	struct counter *c = from_tasklet(c, t, tasklet);
	unsigned long flags;

	spin_lock_irqsave(&c->lock, flags);
	c->events++;
	if (c->events == c->threshold)
		pr_info("counter: threshold %u reached\n", c->threshold);
	spin_unlock_irqrestore(&c->lock, flags);
}

static irqreturn_t counter_irq(int irq, void *dev_id)
{
	struct counter *c = dev_id;

	writel(CMD_TIMEOUT_ACK, c->regs);
	tasklet_schedule(&c->tasklet);
	return IRQ_HANDLED;
}

static ssize_t events_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct counter *c = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%lu\n", READ_ONCE(c->events));
}

static ssize_t events_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct counter *c = dev_get_drvdata(dev);
	unsigned long value;
	int ret;

	ret = kstrtoul(buf, 0, &value);
	if (ret)
		return ret;
	if (value != 0)
		return -EINVAL;
	spin_lock_bh(&c->lock);
	c->events = 0;
	spin_unlock_bh(&c->lock);
	return count;
}
static DEVICE_ATTR_RW(events);

static ssize_t threshold_show(struct device *dev, struct device_attribute *attr,
			      char *buf)
{
	struct counter *c = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", READ_ONCE(c->threshold));
}

static ssize_t threshold_store(struct device *dev, struct device_attribute *attr,
			       const char *buf, size_t count)
{
	struct counter *c = dev_get_drvdata(dev);
	unsigned int value;
	int ret;

	ret = kstrtouint(buf, 0, &value);
	if (ret)
		return ret;
	WRITE_ONCE(c->threshold, value);
	return count;
}
static DEVICE_ATTR_RW(threshold);

static struct attribute *counter_attrs[] = {
	&dev_attr_events.attr,
	&dev_attr_threshold.attr,
	NULL,
};
ATTRIBUTE_GROUPS(counter);

static int counter_probe(struct platform_device *pdev)
{
	struct counter *c;
	int irq;

	c = devm_kzalloc(&pdev->dev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	spin_lock_init(&c->lock);
	c->threshold = 10;
	tasklet_setup(&c->tasklet, counter_tasklet);
	c->regs = devm_platform_ioremap_resource(pdev, 1);
	if (IS_ERR(c->regs))
		return PTR_ERR(c->regs);
	platform_set_drvdata(pdev, c);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, counter_irq, 0, "counter", c);
}

static int counter_remove(struct platform_device *pdev)
{
	struct counter *c = platform_get_drvdata(pdev);

	tasklet_kill(&c->tasklet);
	return 0;
}

static const struct of_device_id counter_of_match[] = {
	{ .compatible = "stopwatch" },
	{ }
};
MODULE_DEVICE_TABLE(of, counter_of_match);

static struct platform_driver counter_driver = {
	.probe = counter_probe,
	.remove = counter_remove,
	.driver = {
		.name = "irq-counter",
		.of_match_table = counter_of_match,
		.dev_groups = counter_groups,	/* created before probe returns */
	},
};
module_platform_driver(counter_driver);

MODULE_DESCRIPTION("Interrupt counter with sysfs attributes and a tasklet");
MODULE_LICENSE("GPL");
