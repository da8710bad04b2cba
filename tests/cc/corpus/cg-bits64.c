/* 64-bit bit-fields, including fields straddling the two words of their unit, in
 * expressions, compound assignments, raw memory and static initializers. */
#include "../runtime/printf.c"
struct r { unsigned long long a : 20, b : 30, c : 14; long long d : 40; int e : 7; unsigned long long f : 33; };
int main(void) {
	struct r x = { 0 };
	x.a = 0xfffff; x.b = 0x2aaaaaaa; x.c = 0x1234; x.d = -12345678901LL; x.e = -9; x.f = 0x1ffffffffULL;
	printf("%llx %llx %llx %lld %d %llx\n", (unsigned long long)x.a, (unsigned long long)x.b, (unsigned long long)x.c, (long long)x.d, x.e, (unsigned long long)x.f);
	x.b += 0x10000001; x.d -= 1; x.f++;
	unsigned long long raw[3];
	__builtin_memcpy(raw, &x, sizeof raw);
	printf("%llx %lld %llx | %llx %llx %llx | %u\n", (unsigned long long)x.b, (long long)x.d, (unsigned long long)x.f, raw[0], raw[1], raw[2], (unsigned)sizeof x);
	static struct r g = { 1, 0x3fffffff, 2, -1, 3, 0x100000000ULL };
	printf("%llx %lld %llx\n", (unsigned long long)g.b, (long long)g.d, (unsigned long long)g.f);
	return 0;
}
