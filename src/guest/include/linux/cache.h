/* Cache-line alignment markers; RISC-V's L1 line is 64 bytes. With one hart
 * (no CONFIG_SMP) the _in_smp variants align nothing, as in Linux 6.1's
 * include/linux/cache.h. */
#ifndef __LINUX_CACHE_H
#define __LINUX_CACHE_H

#include <uapi/linux/kernel.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp
#define __cacheline_aligned_in_smp
#define __read_mostly __section(".data..read_mostly")

#endif
