/* Interrupts named by a device-tree node's `interrupts` property, as Linux
 * 6.1's include/linux/of_irq.h declares the lookups. */
#ifndef __OF_IRQ_H
#define __OF_IRQ_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/ioport.h>
#include <linux/of.h>

/* The Linux irq number for entry `index`, 0 if there is none. */
extern unsigned int irq_of_parse_and_map(struct device_node *node, int index);
/* The same, or a negative errno (-EPROBE_DEFER if the controller is late). */
extern int of_irq_get(struct device_node *dev, int index);
extern int of_irq_get_byname(struct device_node *dev, const char *name);
extern int of_irq_to_resource(struct device_node *dev, int index,
			      struct resource *r);
extern int of_irq_count(struct device_node *dev);

#endif
