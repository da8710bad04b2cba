/* Bit operations on unsigned long arrays (set_bit, test_bit, __ffs, fls,
 * for_each_set_bit...), following Linux 6.1's include/linux/bitops.h. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <asm/types.h>
#include <linux/types.h>
#include <linux/bits.h>
#include <linux/typecheck.h>

#define BITS_PER_TYPE(type)	(sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr)	__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))
#define BITS_TO_U32(nr)		__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr)	__KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(char))

#include <asm/bitops.h>

/* A simple loop over the set bits of a bitmap of `size` bits (Linux walks it
 * with find_next_bit; this inline scan gives the same order). */
static inline unsigned long __guest_next_set_bit(const unsigned long *addr,
						 unsigned long size,
						 unsigned long bit)
{
	while (bit < size && !test_bit(bit, addr))
		bit++;
	return bit;
}

#define for_each_set_bit(bit, addr, size) \
	for ((bit) = __guest_next_set_bit((addr), (size), 0); \
	     (bit) < (size); \
	     (bit) = __guest_next_set_bit((addr), (size), (bit) + 1))

static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

#endif
