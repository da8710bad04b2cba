/* The runtime helpers our code calls (RUNTIME_C: __divdi3 & co., bit builtins, mem*)
 * against libgcc: 64-bit division and remainder over edge values, clz/ctz/popcount/bswap. */
#include "../runtime/printf.c"
#include <stdint.h>

static const int64_t svals[] = { 0, 1, -1, 7, -7, 1000000007, -999999999999LL, 0x7fffffffffffffffLL,
				 (int64_t)0x8000000000000000ULL, 0x100000000LL, -0x100000001LL, 12345678901234LL };
static const uint64_t uvals[] = { 1, 3, 0xffffffffULL, 0x100000000ULL, 0xffffffffffffffffULL, 0x8000000000000000ULL,
				  10, 0x123456789abcdefULL, 4294967296000ULL };

int main(void)
{
	unsigned n = sizeof svals / sizeof svals[0];
	uint32_t h = 0;
	for (unsigned i = 0; i < n; i++)
		for (unsigned j = 0; j < n; j++) {
			int64_t a = svals[i], b = svals[j];
			if (b == 0 || (b == -1 && a == (int64_t)0x8000000000000000ULL))
				continue;
			int64_t q = a / b, r = a % b;
			h = h * 31 + (uint32_t)q + (uint32_t)(q >> 32) * 7 + (uint32_t)r * 3 + (uint32_t)(r >> 32);
			if (i == 6)
				printf("s %lld / %lld = %lld r %lld\n", a, b, q, r);
		}
	unsigned m = sizeof uvals / sizeof uvals[0];
	for (unsigned i = 0; i < m; i++)
		for (unsigned j = 0; j < m; j++) {
			uint64_t q = uvals[i] / uvals[j], r = uvals[i] % uvals[j];
			h = h * 31 + (uint32_t)q + (uint32_t)(q >> 32) * 7 + (uint32_t)r * 3 + (uint32_t)(r >> 32);
		}
	printf("hash %u\n", h);
	uint32_t x = 0x00f0a000u;
	printf("bits %d %d %d %d %d\n", __builtin_clz(x), __builtin_ctz(x), __builtin_popcount(x), __builtin_ffs(0), __builtin_ffs(x));
	printf("bits64 %d %d\n", __builtin_clzll(0x0000100000000000ULL), __builtin_ctzll(0x0000100000000000ULL));
	printf("bswap %x %x %llx\n", __builtin_bswap16(0x1234), __builtin_bswap32(0x12345678), __builtin_bswap64(0x0102030405060708ULL));
	char a[16] = "abcdefghijklmno", b[16];
	__builtin_memcpy(b, a, 16);
	__builtin_memset(b + 3, 'X', 4);
	printf("mem %s %d %d\n", b, __builtin_memcmp(a, b, 3), __builtin_memcmp(a, b, 4) < 0);
	return 0;
}
