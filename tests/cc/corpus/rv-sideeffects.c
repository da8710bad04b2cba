/* Side effects evaluated exactly once in compound assignments and increments through complex
 * lvalues (indexes from calls, post-incremented pointers, bit-fields behind pointers, 64-bit
 * elements), short-circuit evaluation, values of assignment expressions in narrow types,
 * division and remainder by constant powers of two on negative values, GNU case ranges,
 * sizeof of array expressions, static locals holding addresses, 2-D char arrays. */
#include "../runtime/printf.c"
#include <stdint.h>

static int calls;
static int idx(int i) { calls++; return i; }
struct node { unsigned flags : 4; unsigned count : 12; long long acc; struct node *next; };
static volatile int vneg[] = { -7, -8, -9, -1, -1024, -2147483647 };
static volatile long long vneg64[] = { -7, -9, -(1LL << 40) - 1, -1 };

static void once(void)
{
	int arr[5] = { 1, 2, 3, 4, 5 };
	long long wide[3] = { 1, 2, 3 };
	struct node nodes[3] = { { 1, 10, 100, 0 }, { 2, 20, 200, 0 }, { 3, 30, 300, 0 } };
	arr[idx(1)] += 10;
	arr[idx(2)]++;
	--arr[idx(3)];
	wide[idx(2)] <<= 33;
	wide[idx(0)] *= -3;
	int *p = arr;
	*p++ += 100;
	*p++ *= 2;
	long long *w = wide;
	*w++ -= 1;
	struct node *n = nodes;
	(n++)->count += 5;
	(n++)->flags |= 8;
	n->acc += n[-1].acc;
	nodes[idx(0)].count--;
	printf("once %d arr %d %d %d %d %d wide %lld %lld %lld p %d w %lld\n", calls, arr[0], arr[1], arr[2], arr[3], arr[4], wide[0],
	       wide[1], wide[2], (int)(p - arr), *w);
	printf("nodes %u %u %u %u %lld\n", nodes[0].count, nodes[0].flags, nodes[1].flags, nodes[1].count, nodes[2].acc);
}

static void shortcircuit(void)
{
	calls = 0;
	long long z = 0, nz = 1LL << 40;
	int a = (z && idx(1)) + (nz || idx(2)) + (nz && idx(3)) + (z || idx(0));
	int b = idx(0) ? idx(10) : idx(20);
	printf("short %d %d calls %d\n", a, b, calls);
	char c;
	unsigned char uc;
	short s;
	int x = (c = 300), y = (uc = -1), t = (s = 70000);
	long long ll;
	int i;
	ll = i = 0x80000000u;
	printf("assign %d %d %d %lld %d\n", x, y, t, ll, (c = 'A') + 1);
}

static void pow2(void)
{
	for (unsigned k = 0; k < sizeof vneg / sizeof vneg[0]; k++) {
		int v = vneg[k];
		printf("%d: %d %d %d %d %d %u %u\n", v, v / 2, v % 2, v / 8, v % 8, v >> 2, (unsigned)v / 4, (unsigned)v % 16);
	}
	for (unsigned k = 0; k < sizeof vneg64 / sizeof vneg64[0]; k++) {
		long long v = vneg64[k];
		printf("%lld: %lld %lld %lld %lld %llu\n", v, v / 4, v % 4, v / 1024, v >> 3, (unsigned long long)v / 65536);
	}
	unsigned u = 5;
	char ch = (char)0xff;
	printf("cmp %d %d %d %d\n", u >= 0, u < 0 ? 1 : 0, ch == -1, ch == 255);
}

static const char *kind(int c)
{
	switch (c) {
	case '0' ... '9': return "digit";
	case 'a' ... 'z': case 'A' ... 'Z': return "letter";
	case -100 ... -1: return "negative";
	default: return "other";
	}
}

static int *counter_slot(void)
{
	static int slots[4];
	static int *cur = &slots[1];
	return cur++;
}

int main(void)
{
	once();
	shortcircuit();
	pow2();
	printf("kinds %s %s %s %s %s\n", kind('5'), kind('q'), kind('Q'), kind(-5), kind('#'));
	int arr[10];
	char names[3][8] = { "a", "bb", "ccc" };
	printf("sizeof %u %u %u %u %u %u\n", (unsigned)sizeof(arr + 0), (unsigned)sizeof(&arr), (unsigned)sizeof(*&arr),
	       (unsigned)sizeof("abc"), (unsigned)sizeof names, (unsigned)sizeof names[1]);
	printf("names %s %s %s %d\n", names[0], names[1], names[2], names[1][5]);
	int *s1 = counter_slot(), *s2 = counter_slot();
	*s1 = 5;
	*s2 = 6;
	printf("static %d %d\n", (int)(s2 - s1), *counter_slot() + s1[1]);
	uintptr_t up = (uintptr_t)&arr[3];
	int *back = (int *)(up + sizeof(int));
	printf("uintptr %d\n", (int)(back - arr));
	return 0;
}
