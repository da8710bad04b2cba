/* READ_ONCE/WRITE_ONCE: one untorn access the compiler may neither merge,
 * repeat nor drop, as Linux 6.1's include/asm-generic/rwonce.h provides them. */
#ifndef __ASM_GENERIC_RWONCE_H
#define __ASM_GENERIC_RWONCE_H

#ifndef __ASSEMBLY__

#include <linux/compiler_types.h>

/* Only native words (and 64-bit values, torn on 32-bit like Linux allows) can be
 * read or written in one access. */
#define compiletime_assert_rwonce_type(t)					\
	compiletime_assert(__native_word(t) || sizeof(t) == sizeof(long long),	\
		"Unsupported access size for {READ,WRITE}_ONCE().")

/* The volatile access; the result has x's type without qualifiers, so
 * `typeof(READ_ONCE(x)) tmp` is assignable. */
#define __READ_ONCE(x)	(*(const volatile __unqual_scalar_typeof(x) *)&(x))

#define READ_ONCE(x)							\
({									\
	compiletime_assert_rwonce_type(x);				\
	__READ_ONCE(x);							\
})

#define __WRITE_ONCE(x, val)						\
do {									\
	*(volatile typeof(x) *)&(x) = (val);				\
} while (0)

#define WRITE_ONCE(x, val)						\
do {									\
	compiletime_assert_rwonce_type(x);				\
	__WRITE_ONCE(x, val);						\
} while (0)

#endif /* __ASSEMBLY__ */
#endif
