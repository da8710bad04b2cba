/* RISC-V's I/O accessors: the MMIO primitives of asm/mmio.h, then the generic
 * layer (ioremap, memcpy_fromio, ioread32...), as Linux 6.1's
 * arch/riscv/include/asm/io.h stacks them. */
#ifndef _ASM_RISCV_IO_H
#define _ASM_RISCV_IO_H

#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/mmio.h>

/* Sv32 kernel mappings for device memory: read, write, global, accessed,
 * dirty, present (arch/riscv/include/asm/pgtable-bits.h). */
#define _PAGE_PRESENT	(1 << 0)
#define _PAGE_READ	(1 << 1)
#define _PAGE_WRITE	(1 << 2)
#define _PAGE_GLOBAL	(1 << 5)
#define _PAGE_ACCESSED	(1 << 6)
#define _PAGE_DIRTY	(1 << 7)
#define _PAGE_KERNEL	(_PAGE_READ | _PAGE_WRITE | _PAGE_PRESENT | \
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL)
#define _PAGE_IOREMAP	_PAGE_KERNEL

#include <asm-generic/io.h>

#endif
