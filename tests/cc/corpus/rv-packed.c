/* Packed structs as wire headers use them: unaligned members read, written and updated in place
 * (bytewise: misaligned accesses trap on this board), through pointers, copied, passed and returned. */
#include "../runtime/printf.c"
#include <stdint.h>
struct __attribute__((packed)) hdr { uint8_t kind; uint32_t len; uint16_t crc; uint64_t stamp; };
struct wrap { char c; struct hdr h; };
struct __attribute__((packed)) pk2 { char c; struct { int a, b; } in; short s; };
static struct hdr g = { 1, 0x11223344, 0xabcd, 0x0102030405060708ULL };
static struct wrap gw[2];
static uint32_t sum(struct hdr h) { return h.kind + h.len + h.crc + (uint32_t)h.stamp; }
static struct hdr mk(uint32_t n) { struct hdr h = { 2, n, (uint16_t)n, (uint64_t)n << 32 }; return h; }
int main(void) {
	struct hdr l = g;
	l.len += 0x100;
	l.crc ^= 0xffff;
	l.stamp++;
	gw[1].h = l;
	gw[1].h.len *= 2;
	struct hdr *p = &gw[1].h;
	p->kind = 9;
	p->stamp -= 2;
	printf("%x %x %x %llx %u\n", p->kind, p->len, p->crc, p->stamp, (unsigned)sizeof(struct wrap));
	printf("%x %x\n", sum(l), sum(mk(77)));
	struct pk2 q = { 'q', { 5, 6 }, -7 };
	q.in.b += q.in.a;
	q.s--;
	printf("%c %d %d %d %u\n", q.c, q.in.a, q.in.b, q.s, (unsigned)sizeof q);
	unsigned char *b = (unsigned char *)&gw[1];
	for (unsigned i = 0; i < sizeof gw[1]; i++) printf("%02x", b[i]);
	printf("\n");
	return 0;
}
