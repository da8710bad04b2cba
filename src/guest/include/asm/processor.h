/* cpu_relax() for busy-wait loops, as Linux 6.1's
 * arch/riscv/include/asm/processor.h: a division by zero (a few idle cycles
 * on most cores, no trap on RISC-V) plus a compiler barrier. */
#ifndef _ASM_RISCV_PROCESSOR_H
#define _ASM_RISCV_PROCESSOR_H

#include <linux/const.h>
#include <linux/compiler.h>

#define TASK_SIZE	_AC(0x9fc00000, UL)

static inline void cpu_relax(void)
{
#ifdef __riscv_muldiv
	int dummy;
	__asm__ __volatile__ ("div %0, %0, zero" : "=r" (dummy));
#endif
	barrier();
}

#endif
