/* 64-bit constant expressions at full width: static initializers with + and - near INT64_MIN/MAX,
 * 64-bit case labels that differ only below 2^63 precision, array sizes and enumerators from
 * 64-bit arithmetic. (Both once wrapped at 32 bits or went through a double.) */
#include "../runtime/printf.c"
#include <stdint.h>
static int sw(long long x) { switch (x) { case INT64_MIN: return 1; case INT64_MIN + 1: return 2; case INT64_MAX - 1: return 3; case 0x100000000LL + 5: return 4; } return 0; }
static const long long tab[] = { INT64_MIN, INT64_MIN + 1, INT64_MAX - 1, UINT64_MAX - 1, (1LL << 40) + 3, 0x100000000LL - 1, -0x100000000LL + 1 };
static char sized[(1LL << 33) - (1LL << 33) + 4];
struct s { int a[(int)((1LL << 40) / (1LL << 38))]; };
enum { E1 = (int)((1LL << 35) + 7 - (1LL << 35)) };
int main(void) {
	volatile long long m = INT64_MIN;
	printf("%d%d%d%d%d\n", sw(m), sw(m + 1), sw(INT64_MAX - 1), sw(0x100000005LL), sw(5));
	for (unsigned i = 0; i < sizeof tab / sizeof tab[0]; i++) printf("%llx ", tab[i]);
	printf("\n%u %u %d\n", (unsigned)sizeof sized, (unsigned)sizeof(struct s), E1);
	return 0;
}
