/* Kernel memory allocation: kmalloc, kzalloc, kcalloc, kmalloc_array, kfree,
 * krealloc, with the names of Linux 6.1's include/linux/slab.h (the inline
 * fast path into the size-class caches left out: every allocation goes
 * through __kmalloc). Array sizes are overflow-checked. DEFINE_FREE(kfree)
 * is Linux 6.5's, for __free(kfree). */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/types.h>
#include <linux/cleanup.h>
#include <linux/err.h>

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= \
				(unsigned long)ZERO_SIZE_PTR)

#define ARCH_KMALLOC_MINALIGN __alignof__(unsigned long long)

void * __must_check krealloc(const void *objp, size_t new_size, gfp_t flags) __alloc_size__(2);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t __ksize(const void *objp);
size_t ksize(const void *objp);

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))

void *__kmalloc(size_t size, gfp_t flags) __assume_aligned(ARCH_KMALLOC_MINALIGN) __alloc_size__(1);

/* size bytes, at least 8-byte aligned; NULL when there is no memory. */
static __always_inline __alloc_size__(1) void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

/* n elements of size bytes, or NULL if n * size overflows. */
static inline __alloc_size__(1, 2) void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kmalloc(bytes, flags);
}

static inline __alloc_size__(2, 3) void * __must_check krealloc_array(void *p,
								      size_t new_n,
								      size_t new_size,
								      gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;

	return krealloc(p, bytes, flags);
}

static inline __alloc_size__(1, 2) void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline __alloc_size__(1) void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

#endif
