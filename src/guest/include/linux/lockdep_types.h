/* Lock classes for lockdep. Without CONFIG_LOCKDEP a class key is an empty
 * struct, as in Linux 6.1's include/linux/lockdep_types.h: the init macros
 * still declare one static key per call site. */
#ifndef __LINUX_LOCKDEP_TYPES_H
#define __LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>

struct lock_class_key { };

#define lockdep_set_class(lock, key)		do { (void)(key); } while (0)
#define lockdep_assert_held(l)			do { (void)(l); } while (0)

#endif
