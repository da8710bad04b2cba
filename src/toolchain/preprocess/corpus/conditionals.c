/* #if arithmetic: intmax_t/uintmax_t rules, short-circuit, defined, nesting. */
#define ONE 1
#define TWO (ONE + ONE)
#define EMPTY
#define FN(x) ((x) * 2)
#if ONE + TWO == 3
r1_yes
#endif
#if -1 < 0u
r2_wrong
#else
r2_unsigned
#endif
#if (-1 > 0 ? 1 : 2) == 2 && (1 ? -1 : 0u) > 0
r3_yes
#endif
#if 0 && (1 / 0)
r4_wrong
#elif 1 || (1 % 0)
r4_shortcircuit
#endif
#if defined ONE && defined(TWO) && !defined THREE && !defined(EMPTY_NOT)
r5_defined
#endif
#if UNKNOWN_NAME == 0 && !UNKNOWN_FN
r6_unknown_is_zero
#endif
#if FN(3) == 6 && (1 << 62) > 0 && (1 << 63) < 0 && (0x8000000000000000 > 0)
r7_shifts
#endif
#if 0xffffffffffffffff == -1 && 18446744073709551615u == -1
r8_wrap
#endif
#if 'A' == 65 && '\n' == 10 && '\377' == 255 && 'ab' == 24930 && '\0' == 0
r9_chars
#endif
#if (2 || 0) == 1 && (5 & 3) == 1 && (5 | 3) == 7 && (5 ^ 3) == 6 && ~0 == -1 && !0 == 1
r10_ops
#endif
#if -7 / 2 == -3 && -7 % 2 == -1 && 7 >> 1 == 3 && -8 >> 1 == -4 && 10 - 3 - 2 == 5
r11_division
#endif
#if 1 ? 2 : 3 ? 4 : 5
r12_ternary
#endif
#ifdef ONE
#  ifndef TWO
r13_wrong
#  elif TWO == 2
r13_nested
#  else
r13_wrong2
#  endif
#else
#  if 1
r13_wrong3
#  endif
#endif
#if 0
this isn't lexed as an error: it's skipped
#if also nested groups are skipped
#error not reached
#endif
#else
r14_skipped_ok
#endif
#if 0
#elif 0
#elif 1
r15_third
#elif 1
r15_wrong
#else
r15_wrong2
#endif
#if (1, 2) == 2
r16_comma
#endif
#if 0x7fffffffffffffff + 0 > 0 && 1000000000000 * 1000 == 1000000000000000
r17_64bit
#endif
#if EMPTY 1 EMPTY
r18_empty_macros
#endif
#define DEF defined(ONE)
#if DEF
r19_defined_from_macro
#endif
#undef ONE
#ifndef ONE
r20_undef
#endif
#if 0u - 1 > 0 && -1 / 2u > 0 && (0 ? 1u : -1) > 0
r21_unsigned_conversions
#endif
#if 077 == 63 && 0x1F == 31 && 10L == 10 && 10ULL == 10u && 0b101 == 5
r22_bases
#endif
#if -0x80000000 < 0 && 'a' - 98 > 0 && 'ab' - 30000 < 0 && L'a' - 98 < 0
r23_gcc_cpp_signedness
#endif
