/* Lists safe to walk while they change (the driver core's), as named in Linux
 * 6.1's include/linux/klist.h; drivers only see the type. */
#ifndef _LINUX_KLIST_H
#define _LINUX_KLIST_H

#include <linux/spinlock.h>
#include <linux/kref.h>
#include <linux/list.h>

struct klist_node {
	void			*n_klist;
	struct list_head	n_node;
	struct kref		n_ref;
};

#endif
