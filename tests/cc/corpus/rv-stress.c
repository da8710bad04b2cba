/* Stress for the code generator: 64-bit division and comparison corner values, temporaries that
 * live across calls (32- and 64-bit), chained calls returning structs, a 130-case switch, and
 * recursion that passes and returns structs by value. */
#include "../runtime/printf.c"
#include <stdint.h>

static volatile int64_t vals[] = { 0, 1, -1, 7, -7, INT64_MAX, INT64_MIN + 1, 1LL << 32, -(1LL << 32), 0x7fffffff, -0x80000000LL, 0xffffffffLL };
static volatile uint64_t uvals[] = { 1, 3, 0xffffffffULL, 0x100000000ULL, 0x8000000000000000ULL, ~0ULL, 12345678901234567ULL };

static int64_t f64(int64_t x) { return x * 3 - 1; }
static int g32(int x) { return x ^ 0x55; }

static void div64(void)
{
	unsigned n = sizeof vals / sizeof vals[0];
	uint32_t h = 0;
	for (unsigned i = 0; i < n; i++)
		for (unsigned j = 0; j < n; j++) {
			int64_t a = vals[i], b = vals[j];
			if (b == 0) continue;
			int64_t q = a / b, r = a % b;
			h = h * 31 + (uint32_t)q + (uint32_t)(q >> 32) * 7 + (uint32_t)r * 13 + (uint32_t)(r >> 32);
			h += (a < b) + 2 * (a <= b) + 4 * (a > b) + 8 * (a == b) + 16 * ((uint64_t)a < (uint64_t)b);
		}
	printf("sdiv hash %x\n", h);
	n = sizeof uvals / sizeof uvals[0];
	h = 0;
	for (unsigned i = 0; i < n; i++)
		for (unsigned j = 0; j < n; j++) {
			uint64_t a = uvals[i], b = uvals[j];
			uint64_t q = a / b, r = a % b;
			printf("%llx/%llx=%llx,%llx ", a, b, q, r);
			h = h * 17 + (uint32_t)(q ^ (q >> 32)) + (uint32_t)r;
		}
	printf("\nudiv hash %x\n", h);
	printf("min %lld %lld %d\n", INT64_MIN / 1, (INT64_MIN + 5) % 3, INT64_MIN < INT64_MAX);
}

static void across_calls(void)
{
	int64_t a = vals[7], b = vals[4];
	int x = 9, y = -3;
	int64_t r = a * f64(b) + (f64(a) - b) * g32(x) + f64(f64(b) + g32(y) * a) - (x + g32(y + g32(x))) * (b - f64(a));
	int s = x * g32(y) + g32(x * g32(y * g32(x))) - (y + x) * g32(g32(g32(1)));
	printf("across %lld %d\n", r, s);
}

struct v2 { int x, y; };
struct box { struct v2 lo, hi; int64_t tag; };
static struct box mkbox(int k) { struct box b = { { k, k + 1 }, { k * 10, k * 20 }, (int64_t)k << 33 }; return b; }
static struct v2 mid(struct box b) { struct v2 m = { (b.lo.x + b.hi.x) / 2, (b.lo.y + b.hi.y) / 2 }; return m; }
struct maker { struct box (*make)(int); struct v2 (*center)(struct box); };
static const struct maker mk = { mkbox, mid };

static struct box fold(struct box b, int depth)
{
	if (depth == 0) return b;
	struct box n = fold(b, depth - 1);
	n.lo.x += depth;
	n.tag += depth;
	return n;
}

static int big_switch(int x)
{
	switch (x) {
#define C(n) case n: return n * 3 + 1;
#define C10(n) C(n##0) C(n##1) C(n##2) C(n##3) C(n##4) C(n##5) C(n##6) C(n##7) C(n##8) C(n##9)
	C10(1) C10(2) C10(3) C10(4) C10(5) C10(6) C10(7) C10(8) C10(9) C10(10) C10(11) C10(12) C10(13)
	case -5: return -1;
	default: return 0;
	}
}

int main(void)
{
	div64();
	across_calls();
	printf("chain %d %d %lld\n", mk.center(mk.make(4)).y, mk.make(2).hi.y, mk.make(3).tag);
	struct box f = fold(mkbox(1), 10);
	printf("fold %d %d %lld\n", f.lo.x, f.hi.y, f.tag);
	int s = 0;
	for (int i = -10; i < 150; i++)
		s = s * 7 + big_switch(i);
	printf("switch %d\n", s);
	return 0;
}
