/* likely/unlikely, barrier(), READ_ONCE/WRITE_ONCE, __must_be_array and
 * ___ADDRESSABLE, following Linux 6.1's include/linux/compiler.h. */
#ifndef __LINUX_COMPILER_H
#define __LINUX_COMPILER_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define likely_notrace(x)	likely(x)
#define unlikely_notrace(x)	unlikely(x)

/* A compiler-only fence: memory is not cached in registers across it. */
#define barrier() __asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr) __asm__ __volatile__("" : : "r"(ptr) : "memory")
#define barrier_before_unreachable() do { } while (0)

#define unreachable() do {			\
	barrier_before_unreachable();		\
	__builtin_unreachable();		\
} while (0)

/* Keeps a reference to sym in a (possibly discarded) section, so the compiler
 * and the linker both see sym as used. */
#define ___ADDRESSABLE(sym, __attrs)					\
	static void * __used __attrs					\
		__UNIQUE_ID(__PASTE(__addressable_, sym)) = (void *)&sym;
#define __ADDRESSABLE(sym) \
	___ADDRESSABLE(sym, __section(".discard.addressable"))

#define OPTIMIZER_HIDE_VAR(var)					\
	__asm__ ("" : "=r" (var) : "0" (var))

#include <linux/build_bug.h>

/* 0 for an array, a build error for a pointer (ARRAY_SIZE on a pointer). */
#define __must_be_array(a)	BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))

#define prevent_tail_call_optimization()	mb()

#include <asm/rwonce.h>

#endif /* __ASSEMBLY__ */
#endif
