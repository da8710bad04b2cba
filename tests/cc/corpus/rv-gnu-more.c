/* More of what kernel code writes: GNU range designators [a ... b], overriding designators,
 * designators through anonymous members, static compound literals, Duff's device, jumps out of
 * statement expressions, unevaluated sizeof/typeof operands, __alignof__, offsetof with an array
 * index, builtins the kernel's headers use, and deep argument lists built from nested calls. */
#include "../runtime/printf.c"
#include <stddef.h>
#include <stdarg.h>

struct cfg { int id; union { unsigned word; struct { unsigned short lo, hi; }; }; struct { int x, y; } pos; int tab[4]; };

static int ranges[10] = { [0 ... 3] = 7, [5 ... 8] = 9, [2] = 1 };
static struct cfg cfgs[] = {
	{ .id = 1, .word = 0x12345678, .pos.y = 4, .tab = { [1 ... 2] = 5 } },
	{ .id = 2, .lo = 1, .hi = 2, .pos = { 6, 7 }, .tab[3] = 8, .tab[0] = 1, .tab[3] = 9 },
};
static int *lit = (int[]){ 3, 1, 4, 1, 5 };
static const char *const names[] = { [2] = "two", [0] = "zero" };

static void copy_duff(char *to, const char *from, int count)
{
	int n = (count + 7) / 8;
	switch (count % 8) {
	case 0: do { *to++ = *from++;
	case 7:      *to++ = *from++;
	case 6:      *to++ = *from++;
	case 5:      *to++ = *from++;
	case 4:      *to++ = *from++;
	case 3:      *to++ = *from++;
	case 2:      *to++ = *from++;
	case 1:      *to++ = *from++;
		} while (--n > 0);
	}
}

static int early(int x)
{
	int r = ({ if (x < 0) return -100; x * 2; });
	for (int i = 0; i < 10; i++) {
		int v = ({ if (i == 3) continue; if (i == 6) break; i; });
		r += v;
	}
	return r;
}

static int add3(int a, int b, int c) { return a * 100 + b * 10 + c; }
static long long wide(long long a, int b, long long c) { return a - b + c; }
static int nine(int a, int b, int c, int d, int e, int f, int g, int h, int i)
{
	return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9;
}
static int sumv(int n, ...)
{
	va_list ap;
	int s = 0;
	va_start(ap, n);
	while (n--) s += va_arg(ap, int);
	va_end(ap);
	return s;
}

int main(void)
{
	for (int i = 0; i < 10; i++)
		printf("%d", ranges[i]);
	printf("\n");
	for (int i = 0; i < 2; i++)
		printf("cfg %d %x %x %x %d %d %d %d %d %d\n", cfgs[i].id, cfgs[i].word, cfgs[i].lo, cfgs[i].hi, cfgs[i].pos.x, cfgs[i].pos.y,
		       cfgs[i].tab[0], cfgs[i].tab[1], cfgs[i].tab[2], cfgs[i].tab[3]);
	printf("lit %d %d %s %s\n", lit[2], lit[4], names[0], names[1] ? names[1] : "null");
	char dst[20] = { 0 };
	copy_duff(dst, "duff's device!!", 15);
	printf("duff %s\n", dst);
	printf("early %d %d\n", early(-1), early(5));
	int i = 5;
	unsigned sz = sizeof(i++);
	typeof(i++) j = 3;
	printf("unevaluated %d %u %d\n", i, sz, j);
	printf("align %u %u %u %u\n", (unsigned)__alignof__(long long), (unsigned)__alignof__(struct cfg), (unsigned)_Alignof(short),
	       (unsigned)offsetof(struct cfg, tab[2]));
	printf("builtins %d %d %d %d %d %x\n", __builtin_constant_p(42), __builtin_constant_p("x"[0] == 1) * 0, __builtin_clz(1u << 20),
	       __builtin_ctz(0x80u), __builtin_popcount(0xf0f0u), __builtin_bswap32(0x11223344u));
	int loop = 0;
	for (int k = 0; k < 3; k++) {
		int *fresh = (int[]){ k, k * 2 };
		loop += fresh[1];
		fresh[1] = 100;
	}
	printf("loop %d\n", loop);
	printf("nest %d\n", nine(add3(1, 2, 3), add3(add3(1, 1, 1), 2, 3), 3, nine(1, 2, 3, 4, 5, 6, 7, 8, 9), 5,
	       sumv(4, 1, add3(4, 5, 6), 3, nine(9, 8, 7, 6, 5, 4, 3, 2, 1)), 7, (int)wide(1LL << 33, add3(1, 0, 0), -(1LL << 33)), 9));
	return 0;
}
