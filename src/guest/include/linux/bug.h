/* BUG/WARN for drivers (the architecture's asm/bug.h), as Linux 6.1's
 * include/linux/bug.h exposes them. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <asm/bug.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>

#endif
