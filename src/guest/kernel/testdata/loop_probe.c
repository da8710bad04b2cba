// A bad driver: its probe never returns (it waits for a flag nobody sets).
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>

static int loop_probe_probe(struct platform_device *pdev)
{
	volatile int ready = 0;

	while (!ready)
		;
	return 0;
}

static const struct of_device_id loop_probe_ids[] = {
	{ .compatible = "stopwatch" },
	{ }
};

static struct platform_driver loop_probe_driver = {
	.probe = loop_probe_probe,
	.driver = { .name = "loop_probe", .of_match_table = loop_probe_ids },
};
module_platform_driver(loop_probe_driver);
MODULE_LICENSE("GPL");
