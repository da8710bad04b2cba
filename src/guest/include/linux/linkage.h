/* asmlinkage and friends (nothing to do on RISC-V: C calls and assembly calls
 * use the same convention), as Linux 6.1's include/linux/linkage.h. */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>
#include <linux/export.h>

#ifndef asmlinkage
#define asmlinkage
#endif

#endif
