/* The rate-limit state type (printk_ratelimited), as in Linux 6.1's
 * include/linux/ratelimit_types.h, without its lock. */
#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H

struct ratelimit_state {
	int		interval;
	int		burst;
	int		printed;
	int		missed;
	unsigned long	begin;
	unsigned long	flags;
};

#endif
