/* local_bh_disable/enable: soft interrupts (tasklets) kept from running on this
 * hart, with the names of Linux 6.1's include/linux/bottom_half.h. */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

#include <linux/instruction_pointer.h>

#define SOFTIRQ_DISABLE_OFFSET	(2 * (1UL << 8))
#define SOFTIRQ_LOCK_OFFSET	(SOFTIRQ_DISABLE_OFFSET)

extern void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
extern void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);

#undef local_bh_disable
#undef local_bh_enable
static inline void local_bh_disable(void)
{
	__local_bh_disable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

static inline void local_bh_enable(void)
{
	__local_bh_enable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

#endif
