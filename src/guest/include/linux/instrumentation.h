/* instrumentation_begin/end mark code objtool may instrument; without objtool
 * they are empty, as in Linux 6.1's include/linux/instrumentation.h. */
#ifndef __LINUX_INSTRUMENTATION_H
#define __LINUX_INSTRUMENTATION_H

#define instrumentation_begin()	do { } while (0)
#define instrumentation_end()	do { } while (0)

#endif
