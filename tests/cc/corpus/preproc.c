/* Preprocessor: object/function-like macros, # and ##, __VA_ARGS__, GNU named
 * variadics, conditionals with defined(), #pragma once headers, predefined macros. */
#include "../runtime/printf.c"
#include "preproc-once.h"
#include "preproc-once.h"

#define SQUARE(x) ((x) * (x))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define VERSION 3
#define LOG(fmt, ...) printf("log: " fmt "\n", __VA_ARGS__)
#define PR(fmt, args...) printf(fmt, ##args)
#define EMPTY()
#define MAX3(a, b, c) ((a) > (b) ? ((a) > (c) ? (a) : (c)) : ((b) > (c) ? (b) : (c)))

#if VERSION >= 3 && defined(VERSION) && !defined(NOT_DEFINED)
#define LEVEL "high"
#elif VERSION == 2
#define LEVEL "mid"
#else
#define LEVEL "low"
#endif

#ifdef __riscv
#define ARCH "riscv"
#else
#define ARCH "other"
#endif

#ifndef ONCE_VALUE
#error "the header was not included"
#endif

#if (1 << 4) != 16 || (-1 > 0)
#error "integer arithmetic in #if is wrong"
#endif

int main(void)
{
	int CAT(my, var) = SQUARE(7);
	printf("square %d %s %s\n", myvar, STR(a + b), XSTR(VERSION));
	LOG("%d and %d", 1, 2);
	PR("no args\n");
	PR("one arg %d\n", 5);
	printf("level %s arch %s xlen %d once %d\n", LEVEL, ARCH, __riscv_xlen, ONCE_VALUE);
	printf("line %d file %s\n", __LINE__, __FILE__);
	printf("max %d %d\n", MAX3(1, 9, 4), MAX3(SQUARE(2), 3, 1) EMPTY());
#undef SQUARE
#define SQUARE(x) 0
	printf("redefined %d\n", SQUARE(4));
	return 0;
}
