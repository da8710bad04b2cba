/* Builtin headers: the macros must expand exactly as with gcc's own freestanding headers. */
#include <stdint.h>
#include <stddef.h>
#include <limits.h>
#include <stdbool.h>
#include <stdarg.h>
#include <iso646.h>
int begin_compare;
INT8_MIN INT8_MAX UINT8_MAX INT16_MIN INT16_MAX UINT16_MAX INT32_MIN INT32_MAX UINT32_MAX
INT64_MIN INT64_MAX UINT64_MAX INT_LEAST8_MIN INT_LEAST64_MAX UINT_LEAST32_MAX
INT_FAST8_MIN INT_FAST8_MAX INT_FAST16_MAX INT_FAST32_MIN INT_FAST64_MAX UINT_FAST8_MAX UINT_FAST64_MAX
INTPTR_MIN INTPTR_MAX UINTPTR_MAX INTMAX_MIN INTMAX_MAX UINTMAX_MAX PTRDIFF_MIN PTRDIFF_MAX SIZE_MAX
WCHAR_MIN WCHAR_MAX WINT_MIN WINT_MAX SIG_ATOMIC_MIN SIG_ATOMIC_MAX
INT8_C(1) INT16_C(2) INT32_C(3) INT64_C(4) UINT8_C(5) UINT16_C(6) UINT32_C(7) UINT64_C(8) INTMAX_C(9) UINTMAX_C(10)
CHAR_BIT SCHAR_MIN SCHAR_MAX UCHAR_MAX CHAR_MIN CHAR_MAX SHRT_MIN SHRT_MAX USHRT_MAX
INT_MIN INT_MAX UINT_MAX LONG_MIN LONG_MAX ULONG_MAX LLONG_MIN LLONG_MAX ULLONG_MAX
bool true false __bool_true_false_are_defined
and and_eq bitand bitor compl not not_eq or or_eq xor xor_eq
va_start(ap, fmt) va_arg(ap, int) va_end(ap) va_copy(a, b) offsetof(struct s, m) NULL
