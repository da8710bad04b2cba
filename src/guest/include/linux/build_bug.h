/* Compile-time checks: BUILD_BUG_ON, BUILD_BUG_ON_ZERO, BUILD_BUG_ON_MSG and
 * static_assert, following Linux 6.1's include/linux/build_bug.h. */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/* An expression of value 0 when e is false; when e is true the bit-field width
 * is negative and the build stops. Usable where a statement is not. */
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))

#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((__force long)(e))))

#define BUILD_BUG_ON_MSG(cond, msg) compiletime_assert(!(cond), msg)

#define BUILD_BUG_ON(condition) \
	BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)

#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")

/* C11's _Static_assert with the message made optional. */
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif
