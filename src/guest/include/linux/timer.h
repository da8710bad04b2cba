/* Kernel timers: struct timer_list, timer_setup(), mod_timer(), del_timer(),
 * from_timer(), as Linux 6.1's include/linux/timer.h declares them. The
 * callback runs in soft-interrupt context, once, at `expires` (in jiffies). */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/stringify.h>
#include <linux/lockdep_types.h>
#include <linux/jiffies.h>

struct timer_list {
	/* On the timer wheel while pending: entry.pprev is then non-NULL. */
	struct hlist_node	entry;
	unsigned long		expires;
	void			(*function)(struct timer_list *);
	u32			flags;
};

#define TIMER_CPUMASK		0x0003FFFF
#define TIMER_MIGRATING		0x00040000
#define TIMER_BASEMASK		(TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000
#define TIMER_INIT_FLAGS	(TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
#define TIMER_ARRAYSHIFT	22
#define TIMER_ARRAYMASK		0xFFC00000

#define __TIMER_INITIALIZER(_function, _flags) {		\
		.entry = { .next = TIMER_ENTRY_STATIC },	\
		.function = (_function),			\
		.flags = (_flags),				\
	}

#define DEFINE_TIMER(_name, _function)				\
	struct timer_list _name =				\
		__TIMER_INITIALIZER(_function, 0)

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key);

#define __init_timer(_timer, _fn, _flags)				\
	do {								\
		static struct lock_class_key __key;			\
		init_timer_key((_timer), (_fn), (_flags), #_timer, &__key);\
	} while (0)

#define timer_setup(timer, callback, flags)			\
	__init_timer((timer), (callback), (flags))

/* In the callback: from the timer back to the structure that embeds it. */
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

static inline int timer_pending(const struct timer_list * timer)
{
	return !hlist_unhashed(&timer->entry);
}

extern void add_timer_on(struct timer_list *timer, int cpu);
/* 1 if the timer was pending (and is now stopped), 0 otherwise. */
extern int del_timer(struct timer_list * timer);
/* (Re)arms the timer for `expires`; 1 if it was pending. */
extern int mod_timer(struct timer_list *timer, unsigned long expires);
extern int mod_timer_pending(struct timer_list *timer, unsigned long expires);
extern int timer_reduce(struct timer_list *timer, unsigned long expires);
extern void add_timer(struct timer_list *timer);
extern int try_to_del_timer_sync(struct timer_list *timer);

/* One hart: the callback cannot be running elsewhere, so waiting for it is
 * the same as deleting (as Linux 6.1 does without CONFIG_SMP). */
# define del_timer_sync(t)		del_timer(t)

#define del_singleshot_timer_sync(t) del_timer_sync(t)

extern unsigned long round_jiffies(unsigned long j);
extern unsigned long round_jiffies_relative(unsigned long j);

#endif
