/* panic() and the taint flags WARN sets, as declared by Linux 6.1's
 * include/linux/panic.h. */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler_attributes.h>
#include <linux/types.h>

__printf(1, 2)
void panic(const char *fmt, ...) __noreturn __cold;

#define TAINT_WARN			9
#define LOCKDEP_STILL_OK		0

extern void add_taint(unsigned flag, int lockdep_ok);

#endif
