// A bad driver: its probe requests the stopwatch's interrupt and frees it
// twice; the second free_irq finds no handler and the kernel WARNs.
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>

static irqreturn_t double_free_irq_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static int double_free_irq_probe(struct platform_device *pdev)
{
	int irq = platform_get_irq(pdev, 0);
	int ret = request_irq(irq, double_free_irq_handler, 0, "double free", pdev);

	if (ret)
		return ret;
	free_irq(irq, pdev);
	free_irq(irq, pdev);
	return 0;
}

static const struct of_device_id double_free_irq_ids[] = {
	{ .compatible = "stopwatch" },
	{ }
};

static struct platform_driver double_free_irq_driver = {
	.probe = double_free_irq_probe,
	.driver = { .name = "double_free_irq", .of_match_table = double_free_irq_ids },
};
module_platform_driver(double_free_irq_driver);
MODULE_LICENSE("GPL");
