/* The architecture-independent I/O layer: ioremap over ioremap_prot (with
 * CONFIG_GENERIC_IOREMAP), ioread/iowrite, and memcpy_fromio/memcpy_toio/
 * memset_io, as Linux 6.1's include/asm-generic/io.h defines them. The
 * mapped address is what readl/writel take. */
#ifndef __ASM_GENERIC_IO_H
#define __ASM_GENERIC_IO_H

#include <linux/string.h>
#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable-bits.h>
#include <asm/mmio.h>
#include <asm/barrier.h>

/* The kernel's virtual address for a device's physical range. */
void __iomem *ioremap_prot(phys_addr_t addr, size_t size, unsigned long prot);
void iounmap(volatile void __iomem *addr);

static inline void __iomem *ioremap(phys_addr_t addr, size_t size)
{
	return ioremap_prot(addr, size, _PAGE_IOREMAP);
}

#define ioremap_wc ioremap
#define ioremap_uc ioremap

/* The iomap interface: the same accessors under other names. */
static inline u8 ioread8(const volatile void __iomem *addr)
{
	return readb(addr);
}

static inline u16 ioread16(const volatile void __iomem *addr)
{
	return readw(addr);
}

static inline u32 ioread32(const volatile void __iomem *addr)
{
	return readl(addr);
}

static inline void iowrite8(u8 value, volatile void __iomem *addr)
{
	writeb(value, addr);
}

static inline void iowrite16(u16 value, volatile void __iomem *addr)
{
	writew(value, addr);
}

static inline void iowrite32(u32 value, volatile void __iomem *addr)
{
	writel(value, addr);
}

/* Casts an I/O cookie to a plain pointer (memory-like device regions). */
#define __io_virt(x) ((void __force *)(x))

/* Copies between RAM and a memory-like device region (a shared buffer, not
 * registers with side effects). */
static inline void memcpy_fromio(void *buffer,
				 const volatile void __iomem *addr,
				 size_t size)
{
	memcpy(buffer, __io_virt(addr), size);
}

static inline void memcpy_toio(volatile void __iomem *addr, const void *buffer,
			       size_t size)
{
	memcpy(__io_virt(addr), buffer, size);
}

static inline void memset_io(volatile void __iomem *addr, int value,
			     size_t size)
{
	memset(__io_virt(addr), value, size);
}

/* A 64-bit register as two 32-bit accesses, low word first
 * (linux/io-64-nonatomic-lo-hi.h). */
static inline void lo_hi_writeq(__u64 val, volatile void __iomem *addr)
{
	writel(val, addr);
	writel(val >> 32, addr + 4);
}

static inline __u64 lo_hi_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 low, high;

	low = readl(p);
	high = readl(p + 1);

	return low + ((u64)high << 32);
}

#endif
