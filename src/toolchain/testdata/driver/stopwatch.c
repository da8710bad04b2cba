/* A Linux platform driver for the stopwatch device, against the stub headers. */
#include "linux/kernel-stub.h"

#define DRIVERNAME "stopwatch"
#define STOPWATCH_MEM_DATA_LENGTH 128

struct StopWatch_regs { uint64_t command; uint64_t status; };
struct StopWatch_mem { uint64_t data_len; char data[STOPWATCH_MEM_DATA_LENGTH]; };

enum { STOPWATCH_ACTION_RESET, STOPWATCH_ACTION_START, STOPWATCH_ACTION_PAUSE, STOPWATCH_ACTION_UPDATE,
       STOPWATCH_ACTION_TIMEOUT, STOPWATCH_ACTION_TIMEOUT_ACK, STOPWATCH_ACTION_LAST };
enum { STOPWATCH_STATE_RUNNING, STOPWATCH_STATE_RESET, STOPWATCH_STATE_PAUSED, STOPWATCH_STATE_LAST };

static const char *const state_names[STOPWATCH_STATE_LAST] = {
	[STOPWATCH_STATE_RUNNING] = "running",
	[STOPWATCH_STATE_RESET] = "reset",
	[STOPWATCH_STATE_PAUSED] = "paused",
};

struct stopwatch_data {
	struct miscdevice mdev;
	struct StopWatch_regs __iomem *regs_base_addr;
	resource_size_t regs_base_physaddr, regs_size;
	struct StopWatch_mem __iomem *mem_base_addr;
	resource_size_t mem_base_physaddr, mem_size;
	char data[STOPWATCH_MEM_DATA_LENGTH];
	size_t data_len;
	int timeouts;
	bool irq_pending : 1;
} *pdata;

static inline void trigger_cmd(uint64_t cmd) { writel(cmd, &pdata->regs_base_addr->command); }
static inline uint64_t get_status(void) { return readl(&pdata->regs_base_addr->status); }

static irqreturn_t timeout_irq_handler(int irq, void *dev_id)
{
	struct stopwatch_data *d = dev_id;
	d->timeouts++;
	d->irq_pending = true;
	trigger_cmd(STOPWATCH_ACTION_TIMEOUT_ACK);
	pr_info("stopwatch: timeout %d (irq %d)\n", d->timeouts, irq);
	return IRQ_HANDLED;
}

static ssize_t stopwatch_read(struct file *f, char *buf, size_t len, loff_t *off)
{
	struct miscdevice *m = f->private_data;
	struct stopwatch_data *d = container_of(m, struct stopwatch_data, mdev);
	uint64_t st = get_status();
	size_t n;

	if (st >= STOPWATCH_STATE_LAST)
		return -EINVAL;
	trigger_cmd(STOPWATCH_ACTION_UPDATE);
	d->data_len = readl(&d->mem_base_addr->data_len);
	if (d->data_len > sizeof(d->data))
		d->data_len = sizeof(d->data);
	memcpy_fromio(d->data, &d->mem_base_addr->data, d->data_len);
	if (*off >= (loff_t)d->data_len)
		return 0;
	n = d->data_len - *off < len ? d->data_len - *off : len;
	if (copy_to_user(buf, d->data + *off, n))
		return -EFAULT;
	*off += n;
	pr_info("stopwatch: %s, %u bytes\n", state_names[st], (unsigned)n);
	return n;
}

static ssize_t stopwatch_write(struct file *f, const char *buf, size_t len, loff_t *off)
{
	switch (buf[0]) {
	case 's': trigger_cmd(STOPWATCH_ACTION_START); break;
	case 'p': trigger_cmd(STOPWATCH_ACTION_PAUSE); break;
	case 'r': trigger_cmd(STOPWATCH_ACTION_RESET); break;
	case '0' ... '9':
		writel(buf[0] - '0', &pdata->mem_base_addr->data_len);
		trigger_cmd(STOPWATCH_ACTION_TIMEOUT);
		break;
	default:
		return -EINVAL;
	}
	(void)off;
	return len;
}

static const struct file_operations stopwatch_fops = {
	.owner = THIS_MODULE,
	.read = stopwatch_read,
	.write = stopwatch_write,
};

static int stopwatch_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct resource *mem_res, *regs_res;
	irqreturn_t timeout_irq_handler(int irq, void *dev_id);
	int timeout_irq_no;

	pdata = devm_kzalloc(dev, sizeof(*pdata), GFP_KERNEL);
	if (!pdata)
		return -ENOMEM;
	mem_res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	pdata->mem_base_physaddr = mem_res->start;
	pdata->mem_size = mem_res->end - mem_res->start + 1;
	pdata->mem_base_addr = devm_ioremap_resource(dev, mem_res);
	if (IS_ERR(pdata->mem_base_addr))
		return PTR_ERR(pdata->mem_base_addr);
	regs_res = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	pdata->regs_base_physaddr = regs_res->start;
	pdata->regs_size = regs_res->end - regs_res->start + 1;
	pdata->regs_base_addr = devm_ioremap_resource(dev, regs_res);
	timeout_irq_no = platform_get_irq(pdev, 0);
	if (unlikely(timeout_irq_no < 0)) {
		dev_err(dev, "no irq (%d)\n", timeout_irq_no);
		return timeout_irq_no;
	}
	devm_request_irq(dev, timeout_irq_no, timeout_irq_handler, 0, "stopwatch timeout", pdata);
	pdata->mdev = (struct miscdevice){ .minor = MISC_DYNAMIC_MINOR, .name = DRIVERNAME, .fops = &stopwatch_fops };
	pr_info("mapped mem 0x%lx size 0x%lx\n", (unsigned long)pdata->mem_base_physaddr, (unsigned long)pdata->mem_size);
	return misc_register(&pdata->mdev);
}

static int stopwatch_remove(struct platform_device *pdev)
{
	(void)pdev;
	misc_deregister(&pdata->mdev);
	return 0;
}

static const struct of_device_id stopwatch_match[] = {
	{ .compatible = "stopwatch", },
	{},
};

static struct platform_driver stopwatch_driver = {
	.probe = stopwatch_probe,
	.remove = stopwatch_remove,
	.driver = {
		.name = DRIVERNAME,
		.of_match_table = stopwatch_match,
	},
};

module_platform_driver(stopwatch_driver);
MODULE_LICENSE("GPL");
