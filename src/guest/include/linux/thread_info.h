/* check_copy_size(): the compile-time and run-time bounds check every
 * copy_to_user/copy_from_user makes on its kernel buffer, as Linux 6.1's
 * include/linux/thread_info.h defines it (without hardened usercopy). */
#ifndef _LINUX_THREAD_INFO_H
#define _LINUX_THREAD_INFO_H

#include <linux/types.h>
#include <linux/limits.h>
#include <linux/bug.h>
#include <asm/thread_info.h>

/* Calls to these survive only when a copy is provably too large: the build
 * then fails with the attribute's message. */
extern void __compiletime_error("copy source size is too small")
__bad_copy_from(void);
extern void __compiletime_error("copy destination size is too small")
__bad_copy_to(void);

void __copy_overflow(int size, unsigned long count);

static inline void copy_overflow(int size, unsigned long count)
{
	__copy_overflow(size, count);
}

static inline void check_object_size(const void *ptr, unsigned long n,
				     bool to_user)
{ }

/* GCC knows the size of many kernel buffers (__builtin_object_size, -1 when
 * it does not): a copy larger than the buffer is refused, at build time for
 * a constant length, at run time (with a warning) otherwise. */
static __always_inline __must_check bool
check_copy_size(const void *addr, size_t bytes, bool is_source)
{
	int sz = __builtin_object_size(addr, 0);
	if (unlikely(sz >= 0 && sz < bytes)) {
		if (!__builtin_constant_p(bytes))
			copy_overflow(sz, bytes);
		else if (is_source)
			__bad_copy_from();
		else
			__bad_copy_to();
		return false;
	}
	if (WARN_ON_ONCE(bytes > INT_MAX))
		return false;
	check_object_size(addr, bytes, is_source);
	return true;
}

#endif
