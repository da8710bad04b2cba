/* The grab bag every driver includes: ARRAY_SIZE, upper/lower_32_bits,
 * might_sleep, the sprintf family, VERIFY_OCTAL_PERMISSIONS, plus the headers
 * Linux 6.1's include/linux/kernel.h pulls in (min/max, container_of,
 * printk, kstrto*...). */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/limits.h>
#include <linux/linkage.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/static_call_types.h>
#include <linux/instruction_pointer.h>

#include <asm/byteorder.h>
#include <uapi/linux/kernel.h>

#define STACK_MAGIC	0xdeadbeef

/* The number of elements of an array; a build error for a pointer. */
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#define PTR_IF(cond, ptr)	((cond) ? (ptr) : NULL)

#define u64_to_user_ptr(x) (		\
{					\
	typecheck(u64, (x));		\
	(void __user *)(uintptr_t)(x);	\
}					\
)

/* The two halves of a 64-bit value (the shift is split so that a 32-bit
 * argument does not shift by its own width). */
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))

/* Without CONFIG_DEBUG_ATOMIC_SLEEP and without preemption these only
 * document that the caller may sleep. */
# define might_resched() do { } while (0)
# define might_sleep() do { might_resched(); } while (0)
# define cant_sleep() do { } while (0)
# define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

extern __printf(2, 3) int sprintf(char *buf, const char * fmt, ...);
extern __printf(2, 0) int vsprintf(char *buf, const char *, va_list);
extern __printf(3, 4)
int snprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(3, 0)
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
/* Like snprintf, but returns what was written, not what would have been. */
extern __printf(3, 4)
int scnprintf(char *buf, size_t size, const char *fmt, ...);
extern __printf(3, 0)
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
extern __printf(2, 3) __malloc
char *kasprintf(gfp_t gfp, const char *fmt, ...);

extern __scanf(2, 3)
int sscanf(const char *, const char *, ...);

extern int hex_to_bin(unsigned char ch);
extern const char hex_asc[];
#define hex_asc_lo(x)	hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x)	hex_asc[((x) & 0xf0) >> 4]

/* Rejects sysfs/module-parameter permissions that make no sense (group more
 * than owner, world-writable...) at build time, then yields them. */
#define VERIFY_OCTAL_PERMISSIONS(perms)						\
	(BUILD_BUG_ON_ZERO((perms) < 0) +					\
	 BUILD_BUG_ON_ZERO((perms) > 0777) +					\
	 /* owner can read if group can, group if others can */		\
	 BUILD_BUG_ON_ZERO((((perms) >> 6) & 4) < (((perms) >> 3) & 4)) +	\
	 BUILD_BUG_ON_ZERO((((perms) >> 3) & 4) < ((perms) & 4)) +		\
	 /* owner can write if group can */					\
	 BUILD_BUG_ON_ZERO((((perms) >> 6) & 2) < (((perms) >> 3) & 2)) +	\
	 /* nobody else may write */						\
	 BUILD_BUG_ON_ZERO((perms) & 2) +					\
	 (perms))

#endif
