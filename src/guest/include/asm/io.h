/* RISC-V's I/O accessors: the MMIO primitives of asm/mmio.h, then the generic
 * layer (ioremap, memcpy_fromio, ioread32...), as Linux 6.1's
 * arch/riscv/include/asm/io.h stacks them. */
#ifndef _ASM_RISCV_IO_H
#define _ASM_RISCV_IO_H

#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/mmio.h>

#include <asm/pgtable-bits.h>
#include <asm-generic/io.h>

#endif
