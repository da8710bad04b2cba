/* The atomic_*() API drivers call (atomic_read, atomic_inc_return,
 * atomic_dec_and_test, atomic_long_*...), mapped onto the arch_atomic_*()
 * operations. Linux 6.1 generates these wrappers (the linux/atomic/ directory) with
 * KASAN/KCSAN instrumentation; without those they reduce to the calls below. */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <asm/atomic.h>
#include <asm/barrier.h>

#define atomic_read(v)			arch_atomic_read(v)
#define atomic_set(v, i)		arch_atomic_set(v, i)
#define atomic_add(i, v)		arch_atomic_add(i, v)
#define atomic_sub(i, v)		arch_atomic_sub(i, v)
#define atomic_and(i, v)		arch_atomic_and(i, v)
#define atomic_or(i, v)			arch_atomic_or(i, v)
#define atomic_xor(i, v)		arch_atomic_xor(i, v)
#define atomic_inc(v)			arch_atomic_add(1, v)
#define atomic_dec(v)			arch_atomic_sub(1, v)
#define atomic_add_return(i, v)		arch_atomic_add_return(i, v)
#define atomic_sub_return(i, v)		arch_atomic_sub_return(i, v)
#define atomic_inc_return(v)		arch_atomic_add_return(1, v)
#define atomic_dec_return(v)		arch_atomic_sub_return(1, v)
#define atomic_fetch_add(i, v)		arch_atomic_fetch_add(i, v)
#define atomic_fetch_sub(i, v)		arch_atomic_fetch_sub(i, v)
#define atomic_fetch_inc(v)		arch_atomic_fetch_add(1, v)
#define atomic_fetch_dec(v)		arch_atomic_fetch_sub(1, v)
#define atomic_xchg(v, n)		arch_atomic_xchg(v, n)
#define atomic_cmpxchg(v, o, n)		arch_atomic_cmpxchg(v, o, n)

#define atomic_dec_and_test(v)		(arch_atomic_sub_return(1, v) == 0)
#define atomic_inc_and_test(v)		(arch_atomic_add_return(1, v) == 0)
#define atomic_sub_and_test(i, v)	(arch_atomic_sub_return(i, v) == 0)

/* Adds a unless *v == u; true if it added. */
static __always_inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	for (;;) {
		int old;

		if (unlikely(c == u))
			return false;
		old = atomic_cmpxchg(v, c, c + a);
		if (likely(old == c))
			return true;
		c = old;
	}
}

#define atomic_inc_not_zero(v)		atomic_add_unless((v), 1, 0)

/* On RV32 an atomic long is an atomic int. */
#define ATOMIC_LONG_INIT(i)		ATOMIC_INIT(i)
#define atomic_long_read(v)		atomic_read(v)
#define atomic_long_set(v, i)		atomic_set(v, i)
#define atomic_long_inc(v)		atomic_inc(v)
#define atomic_long_dec(v)		atomic_dec(v)
#define atomic_long_add(i, v)		atomic_add(i, v)
#define atomic_long_inc_return(v)	atomic_inc_return(v)
#define atomic_long_dec_return(v)	atomic_dec_return(v)
#define atomic_long_xchg(v, n)		atomic_xchg(v, n)
#define atomic_long_cmpxchg(v, o, n)	atomic_cmpxchg(v, o, n)

#endif
