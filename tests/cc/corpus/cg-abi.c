/* Calling convention corner cases (RISC-V ilp32 psABI): small structs in registers,
 * large structs by reference and returned through a hidden pointer, a 64-bit argument
 * split between a7 and the stack, variadic long long in even register pairs, unions. */
#include "../runtime/printf.c"
#include <stdarg.h>

struct small { short a; char b; };
struct pair { int x, y; };
struct big { int v[5]; char tag; };
struct wide { long long w; };
union u { int i; unsigned char b[4]; };

static struct pair make_pair(int x, int y) { struct pair p = { x, y }; return p; }
static struct big make_big(int base)
{
	struct big b;
	for (int i = 0; i < 5; i++)
		b.v[i] = base + i;
	b.tag = 'B';
	return b;
}
static int sum_big(struct big b) { b.v[0] = 1000; return b.v[0] + b.v[1] + b.v[2] + b.v[3] + b.v[4] + b.tag; }
static int small_sum(struct small s, struct pair p) { return s.a + s.b + p.x * p.y; }
static long long split(int a, int b, int c, int d, int e, int f, int g, long long h, int i)
{
	return a + b + c + d + e + f + g + h + i;
}
static long long wide_sum(int a, struct wide w, struct wide v) { return a + w.w + v.w; }
static struct small mod_small(struct small s) { s.a *= 2; s.b += 1; return s; }
static union u flip(union u x) { union u y; for (int i = 0; i < 4; i++) y.b[i] = x.b[3 - i]; return y; }

static long long vsum(int n, ...)
{
	va_list ap, ap2;
	long long s = 0;
	va_start(ap, n);
	va_copy(ap2, ap);
	for (int i = 0; i < n; i++) {
		int k = va_arg(ap, int);
		long long v = va_arg(ap, long long);
		struct pair p = va_arg(ap, struct pair);
		s += k * v + p.x - p.y;
	}
	va_end(ap);
	s += va_arg(ap2, int);
	va_end(ap2);
	return s;
}

static int fmt_count(const char *fmt, ...)
{
	va_list ap;
	int n = 0;
	va_start(ap, fmt);
	for (; *fmt; fmt++)
		if (*fmt == '%')
			n += va_arg(ap, int);
	va_end(ap);
	return n;
}

int main(void)
{
	struct pair p = make_pair(3, 4);
	printf("pair %d %d\n", p.x, p.y);
	struct big b = make_big(10);
	printf("big %d %d %c sum %d after %d\n", b.v[0], b.v[4], b.tag, sum_big(b), b.v[0]);
	struct small s = { -7, 9 };
	printf("small %d\n", small_sum(s, p));
	struct small m = mod_small(s);
	printf("mod %d %d orig %d %d\n", m.a, m.b, s.a, s.b);
	printf("split %lld\n", split(1, 2, 3, 4, 5, 6, 7, 0x100000000LL, 9));
	struct wide w1 = { 1LL << 40 }, w2 = { -5 };
	printf("wide %lld\n", wide_sum(1, w1, w2));
	union u x = { .i = 0x11223344 };
	printf("flip %x\n", flip(x).i);
	struct pair q1 = { 1, 2 }, q2 = { 30, 4 };
	printf("vsum %lld\n", vsum(2, 3, 1LL << 35, q1, -2, 7LL, q2, 99));
	printf("fmt %d\n", fmt_count("%a%b%c", 1, 20, 300));
	printf("chain %d\n", make_pair(5, 6).y + make_big(1).v[2]);
	return 0;
}
