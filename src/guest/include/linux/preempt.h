/* preempt_disable/enable. This guest kernel does not preempt kernel code
 * (no CONFIG_PREEMPT_COUNT), so they only stop the compiler from moving memory
 * accesses across them, as in Linux 6.1's include/linux/preempt.h. */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H

#include <linux/compiler.h>

#define preempt_disable()			barrier()
#define preempt_enable()			barrier()
#define preempt_enable_no_resched()		barrier()
#define preempt_count()				0
#define in_interrupt()				(0)
#define in_atomic()				(0)

#endif
