/* `current`, the running task, on RISC-V: the tp register always holds it in
 * kernel mode (the guest kernel sets tp before it calls into a module), so a
 * global register variable reads it, as Linux 6.1's
 * arch/riscv/include/asm/current.h does. */
#ifndef _ASM_RISCV_CURRENT_H
#define _ASM_RISCV_CURRENT_H

#include <linux/bug.h>
#include <linux/compiler.h>

#ifndef __ASSEMBLY__

struct task_struct;

register struct task_struct *riscv_current_is_tp __asm__("tp");

static __always_inline struct task_struct *get_current(void)
{
	return riscv_current_is_tp;
}

#define current get_current()

#endif /* __ASSEMBLY__ */
#endif
