/* 64-bit division on a 32-bit CPU: RV32 has no 64-bit divide instruction and
 * the kernel does not link libgcc's __udivdi3, so divisions go through
 * div_u64/div_s64 (div64_u64_rem and friends in the kernel), as Linux 6.1's
 * include/linux/math64.h declares them for BITS_PER_LONG == 32. */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>
#include <linux/compiler.h>

extern u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder);
extern u64 div64_u64(u64 dividend, u64 divisor);
extern s64 div64_s64(s64 dividend, s64 divisor);

/* do_div(n, base): n becomes n / base, the remainder is the value (asm-generic/
 * div64.h: __div64_32 does the work on 32-bit). */
extern uint32_t __div64_32(uint64_t *dividend, uint32_t divisor);

#define do_div(n, base) ({					\
	uint32_t __base = (base);				\
	uint32_t __rem;						\
	(void)(((typeof((n)) *)0) == ((uint64_t *)0));		\
	if (__builtin_constant_p(__base) &&			\
	    (__base & (__base - 1)) == 0) {			\
		__rem = (n) & (__base - 1);			\
		(n) >>= __builtin_ctz(__base);			\
	} else if (likely(((n) >> 32) == 0)) {			\
		__rem = (uint32_t)(n) % __base;			\
		(n) = (uint32_t)(n) / __base;			\
	} else {						\
		__rem = __div64_32(&(n), __base);		\
	}							\
	__rem;							\
 })

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = do_div(dividend, divisor);
	return dividend;
}

extern s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder);

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	u32 remainder;
	return div_u64_rem(dividend, divisor, &remainder);
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	s32 remainder;
	return div_s64_rem(dividend, divisor, &remainder);
}

#endif
