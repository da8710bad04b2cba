/* Completions: "wait until this has happened once", e.g. a read that waits
 * for the device's interrupt. struct completion, init_completion,
 * wait_for_completion*(), complete(), with the names and layout of Linux
 * 6.1's include/linux/completion.h. */
#ifndef __LINUX_COMPLETION_H
#define __LINUX_COMPLETION_H

#include <linux/swait.h>

/* done counts complete() calls not yet consumed by a waiter. */
struct completion {
	unsigned int done;
	struct swait_queue_head wait;
};

#define init_completion_map(x, m) init_completion(x)

#define COMPLETION_INITIALIZER(work) \
	{ 0, __SWAIT_QUEUE_HEAD_INITIALIZER((work).wait) }

#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_swait_queue_head(&x->wait);
}

/* Forgets earlier complete() calls, to reuse the completion. */
static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

extern void wait_for_completion(struct completion *);
extern void wait_for_completion_io(struct completion *);
/* 0, or -ERESTARTSYS if a signal came first. */
extern int wait_for_completion_interruptible(struct completion *x);
extern int wait_for_completion_killable(struct completion *x);
/* 0 on timeout, else the jiffies left (at least 1). */
extern unsigned long wait_for_completion_timeout(struct completion *x,
						   unsigned long timeout);
/* As above, or -ERESTARTSYS on a signal. */
extern long wait_for_completion_interruptible_timeout(
	struct completion *x, unsigned long timeout);
extern long wait_for_completion_killable_timeout(
	struct completion *x, unsigned long timeout);
extern bool try_wait_for_completion(struct completion *x);
extern bool completion_done(struct completion *x);

/* Wakes one waiter (or lets the next wait return at once). Safe in an
 * interrupt handler. */
extern void complete(struct completion *);
extern void complete_all(struct completion *);

#endif
