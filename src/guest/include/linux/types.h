/* The kernel's basic types: u8..u64, size_t, loff_t, bool, dev_t, umode_t,
 * phys_addr_t, gfp_t, atomic_t, list_head/hlist, uint*_t..., as Linux 6.1's
 * include/linux/types.h (with asm-generic/int-ll64.h) defines them for RV32. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <uapi/linux/types.h>
#include <asm/bitsperlong.h>
#include <linux/stddef.h>

#ifndef __ASSEMBLY__

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

#define DECLARE_BITMAP(name, bits) \
	unsigned long name[BITS_TO_LONGS(bits)]

typedef u32 __kernel_dev_t;

typedef __kernel_dev_t		dev_t;
typedef __kernel_ulong_t	ino_t;
typedef __kernel_mode_t		mode_t;
typedef unsigned short		umode_t;
typedef u32			nlink_t;
typedef __kernel_loff_t		loff_t;
typedef __kernel_pid_t		pid_t;
typedef __kernel_clockid_t	clockid_t;
typedef __kernel_uid32_t	uid_t;
typedef __kernel_gid32_t	gid_t;

typedef _Bool			bool;

typedef __kernel_size_t		size_t;
typedef __kernel_ssize_t	ssize_t;
typedef __kernel_ptrdiff_t	ptrdiff_t;
typedef __kernel_clock_t	clock_t;
typedef __kernel_caddr_t	caddr_t;

typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;

typedef unsigned char		unchar;
typedef unsigned short		ushort;
typedef unsigned int		uint;
typedef unsigned long		ulong;

typedef u8			u_int8_t;
typedef s8			int8_t;
typedef u16			u_int16_t;
typedef s16			int16_t;
typedef u32			u_int32_t;
typedef s32			int32_t;

typedef u8			uint8_t;
typedef u16			uint16_t;
typedef u32			uint32_t;

typedef u64			uint64_t;
typedef u64			u_int64_t;
typedef s64			int64_t;

/* A pointer-sized integer: long on every Linux architecture. */
typedef unsigned long		uintptr_t;
typedef long			intptr_t;

typedef u64 sector_t;
typedef u64 blkcnt_t;

/* No LPAE-style 64-bit physical addresses on RV32 (Sv32 has 34-bit physical
 * addresses, but this guest keeps them below 4 GiB). */
typedef u32 dma_addr_t;
typedef u32 phys_addr_t;
typedef phys_addr_t resource_size_t;

typedef unsigned long irq_hw_number_t;

typedef unsigned int __bitwise gfp_t;
typedef unsigned int __bitwise slab_flags_t;
typedef unsigned int __bitwise fmode_t;

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

typedef struct {
	s64 counter;
} atomic64_t;

/* 32-bit: an atomic long is an atomic int (linux/atomic/atomic-long.h). */
typedef atomic_t atomic_long_t;

/* A doubly linked circular list node; the list head is a node too. */
struct list_head {
	struct list_head *next, *prev;
};

/* A hash-table list: one-pointer heads, nodes that point back at the pointer
 * that points at them. */
struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

/* A deferred callback (RCU, task work): the "rcu_head" drivers embed. */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);
typedef void (*call_rcu_func_t)(struct rcu_head *head, rcu_callback_t func);

typedef void (*swap_func_t)(void *a, void *b, int size);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef int (*cmp_func_t)(const void *a, const void *b);

#endif /* __ASSEMBLY__ */
#endif
