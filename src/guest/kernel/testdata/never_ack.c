// A bad driver: it arms the stopwatch's timeout and its interrupt handler
// never sends TIMEOUT_ACK, so the level-triggered line stays high. With
// claim=1 the handler says IRQ_HANDLED anyway (an interrupt storm), with
// claim=0 it says IRQ_NONE ("nobody cared").
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include "../../drivers/stopwatch/stopwatch_hw-sw.h"

static bool claim = true;
module_param(claim, bool, 0444);

static irqreturn_t never_ack_irq(int irq, void *dev_id)
{
	return claim ? IRQ_HANDLED : IRQ_NONE;
}

static int never_ack_probe(struct platform_device *pdev)
{
	struct StopWatch_mem __iomem *mem = devm_platform_ioremap_resource(pdev, 0);
	struct StopWatch_regs __iomem *regs = devm_platform_ioremap_resource(pdev, 1);
	u32 __iomem *len = (u32 __iomem *)&mem->data_len;
	int irq = platform_get_irq(pdev, 0);
	int ret = devm_request_irq(&pdev->dev, irq, never_ack_irq, 0, "never ack", pdev);

	if (ret)
		return ret;
	writel(1, &len[0]);
	writel(0, &len[1]);
	writel(STOPWATCH_ACTION_TIMEOUT, &regs->command);
	return 0;
}

static const struct of_device_id never_ack_ids[] = {
	{ .compatible = "stopwatch" },
	{ }
};

static struct platform_driver never_ack_driver = {
	.probe = never_ack_probe,
	.driver = { .name = "never_ack", .of_match_table = never_ack_ids },
};
module_platform_driver(never_ack_driver);
MODULE_LICENSE("GPL");
