/* Preprocessor corners: stringizing strings and escapes, pasting into operators and numbers,
 * self-referential macros, function-like names used without parentheses, commas inside
 * parenthesized arguments, empty arguments, a macro-expanded #include, __LINE__ across a
 * multi-line invocation, line splices, __func__, __COUNTER__, skipped groups full of junk. */
#include "../runtime/printf.c"
#define HDR "preproc-once.h"
#include HDR
#include HDR

#define STR(x) #x
#define XSTR(x) STR(x)
#define PASTE(a, b) a##b
#define OPEQ(a, op, b) a op##= b
#define fn(x) (x * 2)
#define FIRST(a, ...) a
#define REST(a, ...) __VA_ARGS__
#define COUNT(...) sizeof((int[]){ 0, ##__VA_ARGS__ }) / sizeof(int) - 1
#define EMPTY
#define WRAP(x) [x]
#define LINE_OF(a, b) __LINE__
#define pr_err(fmt, ...) printf("%s: " fmt, __func__, ##__VA_ARGS__)

#if 0
#error "never"
this is 'not C' at all "
#elif 1
#define SKIPPED_ELIF_TAKEN 1
#endif
#ifdef NOT_DEFINED
#if 1/0
#endif
#else
#define TAKEN 1
#endif

static int fn = 3;

static void report(void)
{
	pr_err("failed %d\n", -5);
	pr_err("plain\n");
}

int main(void)
{
	int x = 10, foo = 4, PASTE(va, r1) = PASTE(1, 2);
#define foo (foo + 1)
	OPEQ(x, +, 5);
	OPEQ(x, <<, 1);
	printf("%s|%s|%s|%s\n", STR("a\n" 'q'), STR(  spaced   out  ), XSTR(PASTE(1, 2)), STR(a\b));
	printf("x %d foo %d var1 %d fn %d %d\n", x, foo, var1, fn, fn(fn));
	printf("first %d rest %d %d count %u %u\n", FIRST((1, 2), 3), REST(0, 7, 8), (int)COUNT(), (unsigned)COUNT(x, 2, 3));
	int arr[4] = { 1, 2, 3, 4 };
	printf("empty %d%s\n", arr WRAP(EMPTY 2), STR(EMPTY));
	int line = LINE_OF(1,
			   2);
	printf("line %d %d once %d taken %d %d\n", line, __LINE__, ONCE_VALUE, TAKEN, SKIPPED_ELIF_TAKEN);
	int spl\
ice = 5;
	printf("splice %d counter %d %d\n", splice, __COUNTER__, __COUNTER__);
	report();
	printf("func %s %s\n", __func__, __FUNCTION__);
	return 0;
}
