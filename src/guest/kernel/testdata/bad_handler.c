// A bad driver: it arms the stopwatch's timeout, and its interrupt handler
// dereferences a NULL pointer (so the interrupt is never acknowledged either).
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include "../../drivers/stopwatch/stopwatch_hw-sw.h"

struct bad_state { int hits; };

static irqreturn_t bad_handler_irq(int irq, void *dev_id)
{
	struct bad_state *state = NULL;

	state->hits++;
	return IRQ_HANDLED;
}

static int bad_handler_probe(struct platform_device *pdev)
{
	struct StopWatch_mem __iomem *mem = devm_platform_ioremap_resource(pdev, 0);
	struct StopWatch_regs __iomem *regs = devm_platform_ioremap_resource(pdev, 1);
	u32 __iomem *len = (u32 __iomem *)&mem->data_len;
	int irq = platform_get_irq(pdev, 0);
	int ret = devm_request_irq(&pdev->dev, irq, bad_handler_irq, 0, "bad handler", NULL);

	if (ret)
		return ret;
	writel(1, &len[0]);
	writel(0, &len[1]);
	writel(STOPWATCH_ACTION_TIMEOUT, &regs->command);
	return 0;
}

static const struct of_device_id bad_handler_ids[] = {
	{ .compatible = "stopwatch" },
	{ }
};

static struct platform_driver bad_handler_driver = {
	.probe = bad_handler_probe,
	.driver = { .name = "bad_handler", .of_match_table = bad_handler_ids },
};
module_platform_driver(bad_handler_driver);
MODULE_LICENSE("GPL");
