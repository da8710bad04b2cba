/* Time unit constants (MSEC_PER_SEC, NSEC_PER_MSEC...), as Linux 6.1's
 * include/vdso/time64.h and linux/time64.h define them. */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/math64.h>

typedef __s64 time64_t;
typedef __u64 timeu64_t;

#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define PSEC_PER_SEC	1000000000000LL
#define FSEC_PER_SEC	1000000000000000LL

struct timespec64 {
	time64_t	tv_sec;
	long		tv_nsec;
};

#endif
