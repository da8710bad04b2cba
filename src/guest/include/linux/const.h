/* UL()/ULL() and __is_constexpr, following Linux 6.1's include/linux/const.h
 * (with vdso/const.h folded in). */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#include <uapi/linux/const.h>

#define UL(x)		(_UL(x))
#define ULL(x)		(_ULL(x))

/* 1 when x is an integer constant expression, without evaluating x: only then
 * is `(void *)((long)(x) * 0l)` a null pointer constant, and the conditional
 * takes the type of its other operand (int *) instead of void *. */
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

#endif
