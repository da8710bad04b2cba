/* MMIO for drivers: readl/writel, ioremap, memcpy_fromio... (asm/io.h) and the
 * device-managed mappings devm_ioremap/devm_ioremap_resource, as Linux 6.1's
 * include/linux/io.h declares them. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/init.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <asm/io.h>

struct device;
struct resource;

/* Unmapped automatically when the driver detaches from dev. */
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);
void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset,
				   resource_size_t size);
void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset,
				   resource_size_t size);
void devm_iounmap(struct device *dev, void __iomem *addr);

#endif
