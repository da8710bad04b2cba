/* Sleeping locks: struct mutex, DEFINE_MUTEX, mutex_init, mutex_lock and
 * friends, as Linux 6.1's include/linux/mutex.h declares them without
 * CONFIG_DEBUG_MUTEXES/lockdep (and without the SMP-only optimistic spinning
 * field). The guest kernel implements the lock and unlock calls. */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep_types.h>
#include <linux/atomic.h>
#include <linux/cleanup.h>
#include <asm/processor.h>

/* owner: the task holding the mutex (0 when free) plus low flag bits. */
struct mutex {
	atomic_long_t		owner;
	raw_spinlock_t		wait_lock;
	struct list_head	wait_list;
};

#define __MUTEX_INITIALIZER(lockname) \
		{ .owner = ATOMIC_LONG_INIT(0) \
		, .wait_lock = __RAW_SPIN_LOCK_UNLOCKED(lockname.wait_lock) \
		, .wait_list = LIST_HEAD_INIT(lockname.wait_list) }

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

extern void __mutex_init(struct mutex *lock, const char *name,
			 struct lock_class_key *key);

/* One class key per call site, named after the lock expression. */
#define mutex_init(mutex)						\
do {									\
	static struct lock_class_key __key;				\
									\
	__mutex_init((mutex), #mutex, &__key);				\
} while (0)

extern bool mutex_is_locked(struct mutex *lock);

extern void mutex_lock(struct mutex *lock);
/* 0, or -EINTR when a signal interrupted the wait. */
extern int __must_check mutex_lock_interruptible(struct mutex *lock);
extern int __must_check mutex_lock_killable(struct mutex *lock);
/* 1 if taken, 0 if it was held. */
extern int mutex_trylock(struct mutex *lock);
extern void mutex_unlock(struct mutex *lock);

#define mutex_lock_nested(lock, subclass) mutex_lock(lock)

extern int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock);

static inline void mutex_destroy(struct mutex *lock) {}

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif
