// A bad driver: its init turns interrupts off and spins forever.
#include <linux/module.h>
#include <linux/irqflags.h>

static int __init irqs_off_loop_init(void)
{
	volatile int forever = 1;

	local_irq_disable();
	while (forever)
		;
	return 0;
}

module_init(irqs_off_loop_init);
MODULE_LICENSE("GPL");
