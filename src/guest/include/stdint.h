/* The guest kernel has no C library: a header shared with bare-metal programs
 * that includes <stdint.h> (such as the stopwatch's stopwatch_hw-sw.h) gets the
 * kernel's own fixed-width types, so that uintptr_t, int32_t... are the ones
 * <linux/types.h> declares (Linux's are not GCC's on ilp32). */
#ifndef _GUEST_STDINT_H
#define _GUEST_STDINT_H

#include <linux/types.h>

#endif
