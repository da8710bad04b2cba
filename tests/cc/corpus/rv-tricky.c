/* Corner cases that break compilers: integer promotions of unsigned char/short, signed vs
 * unsigned comparisons, 64-bit shifts by 0/31/32/63 (constant and variable), unsigned wraps,
 * struct copy/assign/return of many sizes, arrays of function pointers, recursion, expressions
 * deep enough to spill registers, varargs mixing 32- and 64-bit, sparse/negative switch cases. */
#include "../runtime/printf.c"
#include <stdarg.h>
#include <stdint.h>

static volatile int vshift[] = { 0, 1, 31, 32, 33, 63 };

static void promotions(void)
{
	unsigned char a = 200, b = 100;
	unsigned short s = 65535, t = 2;
	signed char sc = -1;
	short ss = -2;
	printf("uc %d %d %d %u\n", a + b, (unsigned char)(a + b), a * b, (unsigned)(a - b - 101));
	printf("us %d %d %u\n", s * t, s + 1, (unsigned short)(s + 1));
	printf("neg %d %d %d\n", -a, ~a, ~(unsigned char)0);
	printf("cmp %d %d %d %d\n", sc < a, sc == 255, (unsigned char)sc == 255, ss < (unsigned short)1);
	printf("su %d %d %d %d\n", -1 < 0u, -1 > 0u, (int)-1 < (long long)0u, -1L < 1UL);
	printf("sizes %u %u %u\n", (unsigned)sizeof(a + b), (unsigned)sizeof(+a), (unsigned)sizeof(a ? s : b));
	unsigned char acc = 0;
	for (int i = 0; i < 300; i++)
		acc += 3;
	unsigned short sacc = 65530;
	sacc += 10;
	printf("wrap %u %u %d\n", acc, sacc, (signed char)(a + 100));
	char c = (char)0x80;
	printf("char %d %d\n", c, c >> 1);
	int bits = 0x8000;
	short sb = (short)bits;
	printf("trunc %d %d\n", sb, (short)(sb << 1));
}

static void wraps(void)
{
	unsigned u = 0;
	u--;
	unsigned v = 0x80000000u;
	printf("u %u %u %u %u\n", u, u + 2, v * 2, v + v + 1);
	unsigned long long z = 0;
	z--;
	printf("ull %llu %llu %llx\n", z, z + 2, 0x8000000000000000ULL * 2 + 5);
	uint32_t m = 0xffffffffu;
	printf("mul %u %llu\n", m * m, (uint64_t)m * m);
	int32_t big = 0x7fffffff;
	printf("int %d %d %d\n", big / -1, (-big - 1) / 2, (-big - 1) % 7);
	printf("umod %u %u\n", 0xffffffffu / 0xfffffffeu, 7u % 0xffffffffu);
}

static void shifts(void)
{
	uint64_t one = 1, all = ~0ULL;
	int64_t neg = -0x123456789LL;
	for (unsigned i = 0; i < sizeof vshift / sizeof vshift[0]; i++) {
		int s = vshift[i];
		printf("s%d %llx %llx %llx\n", s, one << s, all >> s, (uint64_t)(neg >> s));
	}
	printf("k %llx %llx %llx %llx\n", one << 0, one << 31, one << 32, one << 63);
	printf("k %llx %llx %llx %llx\n", all >> 0, all >> 31, all >> 32, all >> 63);
	printf("k %llx %llx %llx %llx\n", (uint64_t)(neg >> 0), (uint64_t)(neg >> 31), (uint64_t)(neg >> 32), (uint64_t)(neg >> 63));
	uint32_t w = 0x80000001u;
	int32_t sw = (int32_t)0x80000001u;
	for (int s = 0; s < 32; s += 31)
		printf("w%d %x %x %x\n", s, w >> s, w << s, (uint32_t)(sw >> s));
	printf("mix %llx %x\n", (uint64_t)w << 16, (uint32_t)(one << 35 >> 4));
}

struct s1 { char a; };
struct s2 { short a; };
struct s3 { char a[3]; };
struct s5 { char a[5]; };
struct s7 { char a[7]; };
struct s8 { int a, b; };
struct s12 { int a[3]; };
struct s16 { long long a, b; };
struct s17 { char a[17]; };
struct s64 { int a[16]; };

#define MAKER(T, N) \
	static struct T make_##T(int seed) { struct T r; for (unsigned i = 0; i < sizeof r; i++) ((unsigned char *)&r)[i] = (unsigned char)(seed + i * N); return r; } \
	static unsigned sum_##T(struct T v) { unsigned s = 0; for (unsigned i = 0; i < sizeof v; i++) s = s * 31 + ((unsigned char *)&v)[i]; return s; }
MAKER(s1, 3) MAKER(s2, 5) MAKER(s3, 7) MAKER(s5, 11) MAKER(s7, 13) MAKER(s8, 17) MAKER(s12, 19) MAKER(s16, 23) MAKER(s17, 29) MAKER(s64, 31)

static struct s17 g17;
static struct s64 g64[2];

static void struct_copies(void)
{
#define CHECK(T) do { struct T x = make_##T(7), y; y = x; y = y; struct T z = y; printf(#T " %u %u\n", sum_##T(z), (unsigned)sizeof z); } while (0)
	CHECK(s1); CHECK(s2); CHECK(s3); CHECK(s5); CHECK(s7); CHECK(s8); CHECK(s12); CHECK(s16); CHECK(s17); CHECK(s64);
	g17 = make_s17(1);
	g64[1] = make_s64(2);
	g64[0] = g64[1];
	g64[0].a[3] = 99;
	printf("globals %u %u %u\n", sum_s17(g17), sum_s64(g64[0]), sum_s64(g64[1]));
	struct s5 arr[3] = { make_s5(1), make_s5(2), make_s5(3) };
	arr[0] = arr[2];
	printf("arr %u %u\n", sum_s5(arr[0]), sum_s5(arr[1]));
	struct s3 cond = g17.a[0] ? make_s3(4) : make_s3(5);
	printf("cond %u\n", sum_s3(cond));
}

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_shl(int a, int b) { return a << b; }
static int op_xor(int a, int b) { return a ^ b; }
static int (*const optab[])(int, int) = { op_add, op_sub, op_shl, op_xor };
static int (*table2[2][2])(int, int) = { { op_add, op_sub }, { op_shl, op_xor } };

static int ack(int m, int n)
{
	if (m == 0) return n + 1;
	if (n == 0) return ack(m - 1, 1);
	return ack(m - 1, ack(m, n - 1));
}
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int deep(int a, int b, int c, int d, int e, int f)
{
	return ((a + b) * (c - d) + (e ^ f) * ((a - c) * (b + d) - (e + f) * (a ^ d))) -
	       (((a * b + c * d) - (e * f - a * c)) * ((b * d + e) - (f * a - b))) +
	       ((((a + 1) * (b + 2)) * ((c + 3) * (d + 4))) - (((e + 5) * (f + 6)) * ((a + 7) * (b + 8)))) +
	       (a + (b + (c + (d + (e + (f + (a + (b + (c + (d + (e + (f * 2))))))))))));
}
static long long deep64(long long a, long long b, long long c)
{
	return ((a * b) + (b * c) - (c * a)) * ((a + b + c) - ((a - b) * (b - c))) + ((a << 3) ^ (b >> 2) ^ (c * 7));
}

static long long vmix(const char *fmt, ...)
{
	va_list ap;
	long long acc = 0;
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		switch (*fmt) {
		case 'c': acc = acc * 3 + (char)va_arg(ap, int); break;
		case 'i': acc = acc * 3 + va_arg(ap, int); break;
		case 'u': acc = acc * 3 + va_arg(ap, unsigned); break;
		case 'L': acc = acc * 3 + va_arg(ap, long long); break;
		case 'U': acc = acc * 3 + (long long)(va_arg(ap, unsigned long long) >> 1); break;
		case 'p': acc = acc * 3 + *va_arg(ap, int *); break;
		}
	}
	va_end(ap);
	return acc;
}

static int sparse(long x)
{
	switch (x) {
	case -2147483647 - 1: return 1;
	case -1000000: return 2;
	case -1: return 3;
	case 0: return 4;
	case 3: case 4: case 5: return 5;
	case 1 << 20: return 6;
	case 0x7fffffff: return 7;
	default: return 0;
	}
}
static int sw_unsigned(unsigned char x)
{
	switch (x) {
	case 255: return 1;
	case 128: return 2;
	case 0: return 3;
	}
	return -1;
}
static int sw64(long long x)
{
	switch (x) {
	case 1LL << 40: return 1;
	case -(1LL << 33): return 2;
	case 5: return 3;
	default: return 0;
	}
}

int main(void)
{
	promotions();
	wraps();
	shifts();
	struct_copies();
	for (int i = 0; i < 4; i++)
		printf("op%d %d %d\n", i, optab[i](12, 3), table2[i / 2][i % 2](5, 2));
	printf("ack %d %d %d\n", ack(2, 3), ack(3, 3), is_even(101));
	printf("deep %d %d %lld\n", deep(1, 2, 3, 4, 5, 6), deep(-7, 11, 13, -17, 19, 23), deep64(123456789, -987654, 31337));
	int n = 42;
	printf("vmix %lld\n", vmix("ciLuULpic", 'x', -5, 1LL << 40, 3000000000u, 0xffffffffffffffffULL, -(1LL << 35), &n, 7, -1));
	long keys[] = { -2147483647 - 1, -1000000, -1, 0, 4, 1 << 20, 0x7fffffff, 6, -999999 };
	for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++)
		printf("%d", sparse(keys[i]));
	printf(" %d%d%d%d", sw_unsigned(255), sw_unsigned(128), sw_unsigned(0), sw_unsigned(1));
	printf(" %d%d%d%d\n", sw64(1LL << 40), sw64(-(1LL << 33)), sw64(5), sw64(1LL << 32 | 5));
	return 0;
}
