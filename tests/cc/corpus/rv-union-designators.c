/* Designated initializers into unions: naming another member discards what the union held,
 * naming the same member again (through anonymous structs too) keeps its other fields. */
#include "../runtime/printf.c"
union u { int a; struct { short x, y; } s; };
struct o { int k; union { int w; struct { short lo, hi; }; }; };
static union u g1 = { .s.x = 1, .a = 5 };
static union u g2 = { .a = 0x11112222, .s.y = 3 };
static union u g3 = { .s.x = 7, .s.y = 8 };
static struct o g4 = { .lo = 1, .k = 3, .hi = 2 };
int main(void) {
	union u l1 = { .s.x = 1, .a = 5 }, l2 = { .a = 0x11112222, .s.y = 3 }, l3 = { .s.x = 7, .s.y = 8 };
	struct o l4 = { .lo = 1, .k = 3, .hi = 2 }, l5 = { .w = 0x55556666, .hi = 1 };
	printf("%x %x %x %x\n", g1.a, g2.a, g3.a, g4.w);
	printf("%x %x %x %x %x\n", l1.a, l2.a, l3.a, l4.w, l5.w);
	return 0;
}
