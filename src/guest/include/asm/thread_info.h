/* RISC-V's thread_info (kept inside task_struct) and its flag bits, as Linux
 * 6.1's arch/riscv/include/asm/thread_info.h lays them out. */
#ifndef _ASM_RISCV_THREAD_INFO_H
#define _ASM_RISCV_THREAD_INFO_H

#include <linux/const.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define THREAD_SIZE	(PAGE_SIZE << 1)

#ifndef __ASSEMBLY__
struct thread_info {
	unsigned long		flags;		/* TIF_* below */
	int			preempt_count;	/* 0: preemptible, <0: bug */
	long			kernel_sp;	/* kernel stack while in user mode */
	long			user_sp;	/* user stack while in the kernel */
	int			cpu;
};
#endif

#define TIF_SYSCALL_TRACE	0
#define TIF_NOTIFY_RESUME	1
#define TIF_SIGPENDING		2	/* a signal is pending */
#define TIF_NEED_RESCHED	3	/* rescheduling is needed */

#endif
