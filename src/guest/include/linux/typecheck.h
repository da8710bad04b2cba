/* typecheck(type, x): a warning (an error with -Werror) when x is not of the
 * given type, as Linux 6.1's include/linux/typecheck.h does it. */
#ifndef TYPECHECK_H_INCLUDED
#define TYPECHECK_H_INCLUDED

/* Comparing pointers to two different types draws GCC's warning. */
#define typecheck(type, x) \
({	type __dummy; \
	typeof(x) __dummy2; \
	(void)(&__dummy == &__dummy2); \
	1; \
})

#define typecheck_fn(type, function) \
({	typeof(type) __tmp = function; \
	(void)__tmp; \
})

#endif
