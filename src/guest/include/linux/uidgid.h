/* Kernel-internal user and group ids (kuid_t/kgid_t), wrapped in structs so
 * that they cannot be mixed up with plain numbers, as Linux 6.1's
 * include/linux/uidgid.h (without user namespaces). */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/types.h>

typedef struct {
	uid_t val;
} kuid_t;

typedef struct {
	gid_t val;
} kgid_t;

#define KUIDT_INIT(value) (kuid_t){ value }
#define KGIDT_INIT(value) (kgid_t){ value }

#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)

#endif
