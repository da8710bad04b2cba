/* Bit-fields (gcc's layout), packed structs, anonymous members, flexible arrays,
 * and the integer corner cases of conversions, shifts and 64-bit comparisons. */
#include "../runtime/printf.c"
#include <stdint.h>

struct flags {
	unsigned int ready : 1;
	unsigned int mode : 3;
	int delta : 5;
	unsigned int : 0;
	unsigned char tail : 7;
	uint16_t half;
};
struct __attribute__((packed)) hdr { uint8_t kind; uint32_t len; uint16_t crc; };
struct anon { int tag; union { int i; char c[4]; }; struct { short lo, hi; }; };
struct flex { int n; int data[]; };
static int flexbuf[4] = { 3, 10, 20, 30 };

int main(void)
{
	struct flags f = { 0 };
	f.ready = 1;
	f.mode = 5;
	f.delta = -3;
	f.tail = 100;
	f.half = 0xbeef;
	printf("flags %u %u %d %u %x size %u\n", f.ready, f.mode, f.delta, f.tail, f.half, (unsigned)sizeof f);
	f.mode += 4;
	f.delta -= 20;
	f.ready++;
	printf("wrap %u %d %u\n", f.mode, f.delta, f.ready);
	struct hdr h = { 1, 0x12345678, 0xabcd };
	h.len += 1;
	printf("packed %u %x %x %u\n", h.kind, h.len, h.crc, (unsigned)sizeof h);
	struct anon a = { .tag = 1, .i = 0x41424344, .hi = -2 };
	printf("anon %d %c %d %d size %u\n", a.tag, a.c[0], a.lo, a.hi, (unsigned)sizeof a);
	struct flex *fx = (struct flex *)flexbuf;
	printf("flex %d %d size %u\n", fx->n, fx->data[2], (unsigned)sizeof(struct flex));

	char c = (char)0xf0;
	signed char sc = (signed char)0xf0;
	unsigned u = 0x80000000u;
	int i = -17;
	printf("chars %d %d %d\n", c, sc, c > 0);
	printf("shifts %u %d %d %u\n", u >> 31, i >> 2, i << 3, (unsigned)i >> 28);
	long long x = -1;
	unsigned long long y = 1;
	printf("cmp64 %d %d %d %d\n", x < (long long)y, (unsigned long long)x > y, x <= -1, y >= 2);
	long long big = 0x7fffffffffffffffLL;
	printf("big %lld %d\n", big, (unsigned long long)big + 1 == 0x8000000000000000ULL);
	printf("mix %lld %llu %lld\n", (long long)i * 3000000000LL, (unsigned long long)u << 4, -x >> 1);
	int64_t q = -1000000000000LL;
	printf("div %lld %lld %lld\n", q / 7, q % 7, q / -3);
	unsigned short us = 65535;
	us++;
	uint8_t b8 = 255;
	b8 += 3;
	printf("wrap %u %u %d\n", us, b8, (int)(int8_t)200);
	printf("ternary %d %lld\n", i < 0 ? -i : i, i < 0 ? 1LL << 40 : 0);
	return 0;
}
