/* Every integer type, conversions and promotions, and 64-bit arithmetic on RV32
 * (multiply, divide, modulo, shifts, comparisons: the libgcc/runtime helpers). */
#include "../runtime/printf.c"
#include <stdint.h>

static volatile long long vzero_ll;

int main(void)
{
	char c = (char)200;
	signed char sc = -5;
	unsigned char uc = 250;
	short s = -30000;
	unsigned short us = 65000;
	int i = -123456;
	unsigned int u = 4000000000u;
	long l = -7;
	unsigned long ul = 0xfffffff0ul;
	long long ll = -1234567890123LL;
	unsigned long long ull = 0xfedcba9876543210ULL;
	_Bool b = 42;
	int8_t i8 = -128; uint16_t u16 = 0xbeef; int32_t i32 = 0x7fffffff; uint64_t u64 = 1ULL << 63;

	printf("char %d schar %d uchar %u\n", c, sc, uc);
	printf("short %d ushort %u int %d uint %u\n", s, us, i, u);
	printf("long %ld ulong %lu bool %d\n", l, ul, b);
	printf("ll %lld ull %llu ullx %llx\n", ll, ull, ull);
	printf("fixed %d %u %d %llu\n", i8, u16, i32, u64);
	printf("sizes %u %u %u %u %u %u\n", (unsigned)sizeof(char), (unsigned)sizeof(short), (unsigned)sizeof(int),
	       (unsigned)sizeof(long), (unsigned)sizeof(long long), (unsigned)sizeof(void *));
	printf("promote %d %d %u\n", uc + sc, (unsigned char)(uc + 10), (unsigned)(s * 2));
	printf("compare %d %d %d\n", -1 < 1u, (long long)-1 < 1, us > s);

	long long a = 123456789012345LL, d = -98765LL;
	unsigned long long ua = 0x123456789abcdefULL, ud = 12345ULL;
	printf("add %lld sub %lld mul %lld\n", a + d, a - d, a * d);
	printf("div %lld mod %lld udiv %llu umod %llu\n", a / d, a % d, ua / ud, ua % ud);
	printf("shifts %llx %llx %lld\n", ua << 13, ua >> 17, d >> 3);
	for (int k = 0; k < 64; k += 21)
		printf("shift%d %llx %lld\n", k, ull >> k, ll << (k / 3));
	printf("neg %lld not %llx and %llx or %llx xor %llx\n", -a, ~ua, ua & ull, ua | 1, ua ^ ull);
	printf("cmp %d %d %d %d\n", a > d, ua < ud, a == a + vzero_ll, ull >= ua);
	printf("conv %d %u %lld %llu\n", (int)a, (unsigned)ull, (long long)i, (unsigned long long)i);
	long long fact = 1;
	for (int k = 1; k <= 20; k++)
		fact *= k;
	printf("fact20 %lld\n", fact);
	unsigned x = 0xdeadbeef;
	printf("u32 %x %x %x %u %u\n", x >> 4, x << 4, x * 3, x / 7, x % 7);
	int neg = -17;
	printf("s32 %d %d %d %d\n", neg / 4, neg % 4, neg >> 2, neg * neg);
	return 0;
}
