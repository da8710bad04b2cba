/* Copying between the kernel and user space (copy_to_user, copy_from_user,
 * strncpy_from_user...), as Linux 6.1's include/linux/uaccess.h wraps the
 * out-of-line _copy_to_user/_copy_from_user with a buffer-size check. A copy
 * returns the number of bytes it could NOT copy: 0 is success. */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/fault-inject-usercopy.h>
#include <linux/instrumented.h>
#include <linux/minmax.h>
#include <linux/sched.h>
#include <linux/thread_info.h>
#include <asm/processor.h>

/* The user range must lie below TASK_SIZE (arch/riscv/include/asm/uaccess.h). */
static inline int __access_ok(const void __user *ptr, unsigned long size)
{
	unsigned long limit = TASK_SIZE;
	unsigned long addr = (unsigned long)ptr;

	return size <= limit && addr <= limit - size;
}

#define access_ok(addr, size) likely(__access_ok(addr, size))

extern __must_check unsigned long
_copy_from_user(void *, const void __user *, unsigned long);
extern __must_check unsigned long
_copy_to_user(void __user *, const void *, unsigned long);

/* On a fault the rest of `to` is zeroed, so no stale kernel data leaks. */
static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (check_copy_size(to, n, false))
		n = _copy_from_user(to, from, n);
	return n;
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (check_copy_size(from, n, true))
		n = _copy_to_user(to, from, n);
	return n;
}

extern __must_check long strncpy_from_user(char *dst, const char __user *src, long count);
extern __must_check long strnlen_user(const char __user *str, long n);

/* Copies from user space into a new NUL-terminated kernel string. */
extern void *memdup_user(const void __user *, size_t);
extern void *memdup_user_nul(const void __user *, size_t);
extern char *strndup_user(const char __user *, long);

#endif
