/* Sparse address-space markers (__user, __iomem, __force...), __UNIQUE_ID,
 * __unqual_scalar_typeof, compile-time assertions and the section markers for
 * hot/cold code, following Linux 6.1's include/linux/compiler_types.h (with the
 * GCC parts of compiler-gcc.h). Kbuild force-includes this file; the guest's
 * headers include it themselves. */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#ifndef __ASSEMBLY__

#include <linux/kconfig.h>

/* Sparse is not run here, so the checker annotations expand to nothing. */
#define __user
#define __kernel
#define __safe
#define __force
#define __nocast
#define __iomem
#define __percpu
#define __rcu
#define __private
#define __chk_user_ptr(x)	(void)0
#define __chk_io_ptr(x)		(void)0
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)		(void)0
#define __release(x)		(void)0
#define __cond_lock(x, c)	(c)
#define ACCESS_PRIVATE(p, member) ((p)->member)

/* Token pasting that expands its arguments first. */
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)

#include <linux/compiler_attributes.h>

/* A name no other line of the file can produce: prefix plus a counter. */
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define randomized_struct_fields_start
#define randomized_struct_fields_end
#define __noretpoline
#define __visible		__attribute__((__externally_visible__))
#define __no_sanitize_address
#define __no_kcsan
#define __no_sanitize_or_inline __always_inline
#define noinstr			noinline notrace __section(".noinstr.text")
#define notrace			__attribute__((__no_instrument_function__))
#define asmlinkage
#define __weak_alias

#define inline inline __gnu_inline __inline_maybe_unused notrace
#define __inline__ inline
#define __inline_maybe_unused __maybe_unused
#define noinline_for_stack noinline

#define __must_be_array_dummy

/* Are a and b of the same type (qualifiers included)? */
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))

/* Is x a char, short, int or long (the sizes one load or store can move)? */
#define __native_word(x) \
	(sizeof(x) == sizeof(char) || sizeof(x) == sizeof(short) || \
	 sizeof(x) == sizeof(int) || sizeof(x) == sizeof(long))

/* The type of x without const/volatile, for scalar x: _Generic drops the
 * qualifiers of its controlling expression, so each arm names the plain type. */
#define __scalar_type_to_expr_cases(type)				\
		unsigned type:	(unsigned type)0,			\
		signed type:	(signed type)0

#define __unqual_scalar_typeof(x) typeof(				\
		_Generic((x),						\
			 char:	(char)0,				\
			 __scalar_type_to_expr_cases(char),		\
			 __scalar_type_to_expr_cases(short),		\
			 __scalar_type_to_expr_cases(int),		\
			 __scalar_type_to_expr_cases(long),		\
			 __scalar_type_to_expr_cases(long long),	\
			 default: (x)))

/* A compile-time assertion: a call to a function GCC refuses (attribute error)
 * survives only when the condition is true and cannot be optimised away. */
#define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		__noreturn extern void prefix ## suffix(void)		\
			__compiletime_error(msg);			\
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)

#define _compiletime_assert(condition, msg, prefix, suffix) \
	__compiletime_assert(condition, msg, prefix, suffix)

#define compiletime_assert(condition, msg) \
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)

#define compiletime_assert_atomic_type(t)				\
	compiletime_assert(__native_word(t),				\
		"Need native word sized stores/loads for atomicity.")

#define __diag_push()
#define __diag_pop()

#endif /* __ASSEMBLY__ */

#endif
