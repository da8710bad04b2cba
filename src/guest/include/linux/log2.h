/* ilog2, is_power_of_2, roundup_pow_of_two, as Linux 6.1's
 * include/linux/log2.h (with GCC's builtins doing the bit scans). */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/types.h>
#include <linux/bitops.h>

static inline __attribute__((const))
bool is_power_of_2(unsigned long n)
{
	return (n != 0 && ((n & (n - 1)) == 0));
}

static inline __attribute__((const))
int __ilog2_u32(u32 n)
{
	return fls(n) - 1;
}

static inline __attribute__((const))
int __ilog2_u64(u64 n)
{
	return fls64(n) - 1;
}

/* A constant for a constant argument, a bit scan otherwise. */
#define ilog2(n) \
( \
	__builtin_constant_p(n) ?	\
	((n) < 2 ? 0 :			\
	 63 - __builtin_clzll(n)) :	\
	(sizeof(n) <= 4) ?		\
	__ilog2_u32(n) :		\
	__ilog2_u64(n)			\
 )

#define roundup_pow_of_two(n)			\
(						\
	(n == 1) ? 1 :				\
	(1UL << (ilog2((n) - 1) + 1))		\
 )

#define rounddown_pow_of_two(n) (1UL << ilog2(n))

#endif
