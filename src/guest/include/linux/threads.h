/* NR_CPUS: one hart on this board (CONFIG_NR_CPUS), as in Linux 6.1's
 * include/linux/threads.h. */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define NR_CPUS		CONFIG_NR_CPUS

#endif
