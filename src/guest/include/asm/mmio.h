/* Device register access on RISC-V, following Linux 6.1's
 * arch/riscv/include/asm/mmio.h: __raw_readl/__raw_writel are one lw/sw in
 * inline asm (so the compiler can neither split, merge nor drop the access);
 * readl/writel add the fences that order them against memory: after a read
 * "fence i,r" (later memory reads wait for the device's answer), before a
 * write "fence w,o" (the buffer the device will read is written first). */
#ifndef _ASM_RISCV_MMIO_H
#define _ASM_RISCV_MMIO_H

#include <linux/compiler_types.h>
#include <linux/types.h>
#include <asm/byteorder.h>

/* Plain accesses, no ordering beyond program order on the same device. */
#define __raw_writeb __raw_writeb
static inline void __raw_writeb(u8 val, volatile void __iomem *addr)
{
	asm volatile("sb %0, 0(%1)" : : "r" (val), "r" (addr));
}

#define __raw_writew __raw_writew
static inline void __raw_writew(u16 val, volatile void __iomem *addr)
{
	asm volatile("sh %0, 0(%1)" : : "r" (val), "r" (addr));
}

#define __raw_writel __raw_writel
static inline void __raw_writel(u32 val, volatile void __iomem *addr)
{
	asm volatile("sw %0, 0(%1)" : : "r" (val), "r" (addr));
}

#define __raw_readb __raw_readb
static inline u8 __raw_readb(const volatile void __iomem *addr)
{
	u8 val;

	asm volatile("lb %0, 0(%1)" : "=r" (val) : "r" (addr));
	return val;
}

#define __raw_readw __raw_readw
static inline u16 __raw_readw(const volatile void __iomem *addr)
{
	u16 val;

	asm volatile("lh %0, 0(%1)" : "=r" (val) : "r" (addr));
	return val;
}

#define __raw_readl __raw_readl
static inline u32 __raw_readl(const volatile void __iomem *addr)
{
	u32 val;

	asm volatile("lw %0, 0(%1)" : "=r" (val) : "r" (addr));
	return val;
}

/* Device registers are little-endian, as is the hart: no swap. */
#define readb_cpu(c)		({ u8  __r = __raw_readb(c); __r; })
#define readw_cpu(c)		({ u16 __r = le16_to_cpu((__force __le16)__raw_readw(c)); __r; })
#define readl_cpu(c)		({ u32 __r = le32_to_cpu((__force __le32)__raw_readl(c)); __r; })

#define writeb_cpu(v, c)	((void)__raw_writeb((v), (c)))
#define writew_cpu(v, c)	((void)__raw_writew((__force u16)cpu_to_le16(v), (c)))
#define writel_cpu(v, c)	((void)__raw_writel((__force u32)cpu_to_le32(v), (c)))

/* _relaxed: ordered against other accesses to the same device only. */
#define readb_relaxed(c)	({ u8  __v; __v = readb_cpu(c); __v; })
#define readw_relaxed(c)	({ u16 __v; __v = readw_cpu(c); __v; })
#define readl_relaxed(c)	({ u32 __v; __v = readl_cpu(c); __v; })

#define writeb_relaxed(v, c)	({ writeb_cpu((v), (c)); })
#define writew_relaxed(v, c)	({ writew_cpu((v), (c)); })
#define writel_relaxed(v, c)	({ writel_cpu((v), (c)); })

/* The fences around the ordered forms. */
#define __io_br()	do {} while (0)
#define __io_ar(v)	({ __asm__ __volatile__ ("fence i,r" : : : "memory"); })
#define __io_bw()	({ __asm__ __volatile__ ("fence w,o" : : : "memory"); })
#define __io_aw()	mmiowb_set_pending()

#define mmiowb_set_pending()	do {} while (0)

#define readb(c)	({ u8  __v; __io_br(); __v = readb_cpu(c); __io_ar(__v); __v; })
#define readw(c)	({ u16 __v; __io_br(); __v = readw_cpu(c); __io_ar(__v); __v; })
#define readl(c)	({ u32 __v; __io_br(); __v = readl_cpu(c); __io_ar(__v); __v; })

#define writeb(v, c)	({ __io_bw(); writeb_cpu((v), (c)); __io_aw(); })
#define writew(v, c)	({ __io_bw(); writew_cpu((v), (c)); __io_aw(); })
#define writel(v, c)	({ __io_bw(); writel_cpu((v), (c)); __io_aw(); })

#endif
