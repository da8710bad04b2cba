/* atomic_t operations on RISC-V: a plain load/store for read/set, one AMO
 * (amoadd.w...) for each read-modify-write, with .aqrl on the ones that return
 * a value (fully ordered), as Linux 6.1's arch/riscv/include/asm/atomic.h. */
#ifndef _ASM_RISCV_ATOMIC_H
#define _ASM_RISCV_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/cmpxchg.h>
#include <asm/barrier.h>

static __always_inline int arch_atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void arch_atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

/* void ops: the AMO writes its old value to zero (discarded), no ordering. */
#define ATOMIC_OP(op, asm_op, I)					\
static __always_inline void arch_atomic_##op(int i, atomic_t *v)	\
{									\
	__asm__ __volatile__ (						\
		"	amo" #asm_op ".w zero, %1, %0"			\
		: "+A" (v->counter)					\
		: "r" (I)						\
		: "memory");						\
}

ATOMIC_OP(add, add,  i)
ATOMIC_OP(sub, add, -i)
ATOMIC_OP(and, and,  i)
ATOMIC_OP( or,  or,  i)
ATOMIC_OP(xor, xor,  i)

#undef ATOMIC_OP

/* fetch ops return the old value; *_return ones the new one. */
#define ATOMIC_FETCH_OP(op, asm_op, I)					\
static __always_inline int arch_atomic_fetch_##op(int i, atomic_t *v)	\
{									\
	register int ret;						\
	__asm__ __volatile__ (						\
		"	amo" #asm_op ".w.aqrl  %1, %2, %0"		\
		: "+A" (v->counter), "=r" (ret)				\
		: "r" (I)						\
		: "memory");						\
	return ret;							\
}

#define ATOMIC_OP_RETURN(op, asm_op, c_op, I)				\
static __always_inline int arch_atomic_##op##_return(int i, atomic_t *v)\
{									\
	return arch_atomic_fetch_##op(i, v) c_op I;			\
}

ATOMIC_FETCH_OP(add, add,  i)
ATOMIC_FETCH_OP(sub, add, -i)
ATOMIC_FETCH_OP(and, and,  i)
ATOMIC_FETCH_OP( or,  or,  i)
ATOMIC_FETCH_OP(xor, xor,  i)
ATOMIC_OP_RETURN(add, add, +,  i)
ATOMIC_OP_RETURN(sub, add, +, -i)

#undef ATOMIC_FETCH_OP
#undef ATOMIC_OP_RETURN

static __always_inline int arch_atomic_xchg(atomic_t *v, int n)
{
	return arch_xchg(&v->counter, n);
}

static __always_inline int arch_atomic_cmpxchg(atomic_t *v, int o, int n)
{
	return arch_cmpxchg(&v->counter, o, n);
}

#endif
