// A bad driver: its probe writes a command to the wrong register (status, at
// offset 0x8, is read-only), which the stopwatch reports as a device error.
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/io.h>
#include "../../drivers/stopwatch/stopwatch_hw-sw.h"

static int bad_write_probe(struct platform_device *pdev)
{
	struct StopWatch_regs __iomem *regs = devm_platform_ioremap_resource(pdev, 1);

	if (IS_ERR(regs))
		return PTR_ERR(regs);
	writel(STOPWATCH_ACTION_START, &regs->status);
	dev_info(&pdev->dev, "wrote START to offset 0x8\n");
	return 0;
}

static const struct of_device_id bad_write_ids[] = {
	{ .compatible = "stopwatch" },
	{ }
};

static struct platform_driver bad_write_driver = {
	.probe = bad_write_probe,
	.driver = { .name = "bad_write", .of_match_table = bad_write_ids },
};
module_platform_driver(bad_write_driver);
MODULE_LICENSE("GPL");
