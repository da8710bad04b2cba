/* KASAN/KCSAN hooks around memory accesses; none are configured here
 * (Linux 6.1's include/linux/instrumented.h reduces to nothing). */
#ifndef _LINUX_INSTRUMENTED_H
#define _LINUX_INSTRUMENTED_H

#include <linux/compiler.h>

#endif
