/* ilp32 calling convention corners not in cg-abi.c: a two-word struct split between a7 and the
 * stack, odd-sized structs (3, 5, 6, 7 bytes) passed and returned in registers, structs with a
 * long long member (8-byte aligned) in argument registers and on the stack, big structs by
 * reference after the registers run out, and the same calls made through function pointers. */
#include "../runtime/printf.c"
#include <stdarg.h>

struct pair { int x, y; };
struct three { char c[3]; };
struct five { char c[5]; };
struct six { short s[3]; };
struct seven { char c[7]; };
struct ll { long long v; };
struct mixed { char tag; long long v; };
struct big { int v[6]; };

static int split(int a, int b, int c, int d, int e, int f, int g, struct pair p)
{
	return a + b + c + d + e + f + g + p.x * 1000 + p.y * 100000;
}
static int after(int a, int b, int c, int d, int e, int f, int g, int h, struct pair p, struct three t, struct big bg, struct ll l)
{
	return a + b + c + d + e + f + g + h + p.x + p.y + t.c[0] + t.c[2] + bg.v[5] + (int)(l.v >> 32);
}
static struct three mk3(int k) { struct three t = { { (char)k, (char)(k + 1), (char)(k + 2) } }; return t; }
static struct five mk5(int k) { struct five t; for (int i = 0; i < 5; i++) t.c[i] = (char)(k * i); return t; }
static struct six mk6(int k) { struct six t = { { (short)k, (short)-k, (short)(k * 3) } }; return t; }
static struct seven mk7(int k) { struct seven t; for (int i = 0; i < 7; i++) t.c[i] = (char)(k + i * 2); return t; }
static struct ll mkll(long long k) { struct ll r = { k * 3 }; return r; }
static int odd_sum(struct three a, struct five b, struct six c, struct seven d)
{
	int s = 0;
	for (int i = 0; i < 3; i++) s = s * 3 + a.c[i];
	for (int i = 0; i < 5; i++) s = s * 3 + b.c[i];
	for (int i = 0; i < 3; i++) s = s * 3 + c.s[i];
	for (int i = 0; i < 7; i++) s = s * 3 + d.c[i];
	return s;
}
static long long lls(int a, struct ll x, int b, struct mixed m, struct ll y)
{
	return a + x.v + b + m.tag + m.v + y.v;
}
static long long vmixed(int n, ...)
{
	va_list ap;
	long long s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		struct three t = va_arg(ap, struct three);
		struct ll l = va_arg(ap, struct ll);
		struct big b = va_arg(ap, struct big);
		s = s * 7 + t.c[1] + l.v + b.v[0] + b.v[5];
	}
	va_end(ap);
	return s;
}

int main(void)
{
	struct pair p = { 3, 4 };
	struct big bg = { { 1, 2, 3, 4, 5, 600 } };
	int (*sp)(int, int, int, int, int, int, int, struct pair) = split;
	printf("split %d %d\n", split(1, 2, 3, 4, 5, 6, 7, p), sp(7, 6, 5, 4, 3, 2, 1, (struct pair){ 9, 8 }));
	printf("after %d\n", after(1, 2, 3, 4, 5, 6, 7, 8, p, mk3(40), bg, mkll(1LL << 33)));
	printf("odd %d\n", odd_sum(mk3(5), mk5(7), mk6(-300), mk7(11)));
	struct mixed m = { 'm', -(1LL << 40) };
	long long (*lp)(int, struct ll, int, struct mixed, struct ll) = lls;
	printf("lls %lld %lld\n", lls(1, mkll(5), 2, m, mkll(1LL << 35)), lp(-1, mkll(-5), -2, m, mkll(7)));
	printf("vmixed %lld\n", vmixed(2, mk3(10), mkll(100), bg, mk3(20), mkll(-1LL << 34), bg));
	struct seven s7 = mk7(1);
	struct six s6 = mk6(12);
	printf("ret %d %d %d %d\n", s7.c[6], s6.s[1], mk5(3).c[4], mk3(120).c[2]);
	return 0;
}
