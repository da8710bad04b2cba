/* A reference count that calls a release function when it drops to zero, as
 * Linux 6.1's include/linux/kref.h (refcount_t reduced to an atomic_t). */
#ifndef _KREF_H_
#define _KREF_H_

#include <linux/atomic.h>

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = ATOMIC_INIT(n), }

struct kref {
	refcount_t refcount;
};

#define KREF_INIT(n)	{ .refcount = REFCOUNT_INIT(n), }

static inline void kref_init(struct kref *kref)
{
	atomic_set(&kref->refcount.refs, 1);
}

static inline unsigned int kref_read(const struct kref *kref)
{
	return atomic_read(&kref->refcount.refs);
}

static inline void kref_get(struct kref *kref)
{
	atomic_inc(&kref->refcount.refs);
}

/* Returns 1 when this call released the object. */
static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (atomic_dec_and_test(&kref->refcount.refs)) {
		release(kref);
		return 1;
	}
	return 0;
}

#endif
