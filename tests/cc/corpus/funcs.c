/* Functions: pointers to functions (arrays, typedefs, callbacks), static locals,
 * calls with many arguments (beyond the 8 argument registers), varargs with mixed types. */
#include "../runtime/printf.c"
#include <stdarg.h>

typedef int (*binop_t)(int, int);
typedef long long i64;

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static binop_t ops[] = { add, sub, mul };

static int apply(binop_t f, int a, int b) { return f(a, b); }

static int counter(void)
{
	static int n;
	return ++n;
}

static i64 many(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, i64 k, char l, int m)
{
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + k * 11 + l + m;
}

static i64 pairs(int a, i64 b, int c, i64 d, int e, i64 f, int g, i64 h)
{
	return a + b + c + d + e + f + g + h;
}

static int sum(int n, ...)
{
	va_list ap;
	int s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static long long mixed(const char *types, ...)
{
	va_list ap;
	long long s = 0;
	va_start(ap, types);
	for (; *types; types++) {
		if (*types == 'i')
			s += va_arg(ap, int);
		else if (*types == 'l')
			s += va_arg(ap, long long);
		else if (*types == 's')
			s += *va_arg(ap, const char *);
	}
	va_end(ap);
	return s;
}

struct ops_table { const char *name; int (*fn)(int, int); };

int main(void)
{
	for (int i = 0; i < 3; i++)
		printf("op%d %d\n", i, ops[i](7, 3));
	printf("apply %d %d\n", apply(mul, 6, 7), apply(&sub, 1, 2));
	int (*fp)(int, int) = add;
	printf("fp %d %d\n", fp(1, 1), (*fp)(2, 2));
	struct ops_table t[] = { { "add", add }, { "mul", mul } };
	printf("table %s=%d %s=%d\n", t[0].name, t[0].fn(3, 4), t[1].name, t[1].fn(3, 4));
	counter();
	counter();
	printf("counter %d\n", counter());
	printf("many %lld\n", many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1LL << 40, 'x', -3));
	printf("pairs %lld\n", pairs(1, 1LL << 33, 3, -4, 5, 6LL << 35, 7, 8));
	printf("sum %d %d\n", sum(3, 1, 2, 3), sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
	printf("mixed %lld\n", mixed("ilisil", 1, 1LL << 36, 2, "A", 3, -5LL));
	printf("printf %d %s %c %x %lld %u %p %5d|%-4d|%04x\n", -1, "str", 'q', 255, -9LL, 7u, (void *)0x1234, 42, 7, 0xab);
	return 0;
}
