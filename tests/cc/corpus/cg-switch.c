/* switch dispatch: dense runs (jump tables, holes going to default), sparse cases (a search
 * tree), both mixed with ranges, negative and unsigned values near the sign bit, a char
 * switch, fall-through, no default, nested switches, and a switch in a function placed in
 * its own section. Every input from -40 to 2100 and some extremes goes through each one. */
#include "../runtime/printf.c"

static int dense(int x)
{
	switch (x) {
	case 0: return 5;
	case 1: return 8;
	case 2: return 13;
	case 3: return 21;
	case 5: return 34;
	case 6: return 55;
	case 7: return 89;
	case 9: return 144;
	case 10: return 233;
	case 11: return 377;
	case 12 ... 15: return 610 + x;
	case 17: x *= 2; /* fall through */
	case 18: return x + 1;
	default: return -1;
	}
}

static int sparse(int x)
{
	switch (x) {
	case -1000000000: return 1;
	case -7: return 2;
	case 0: return 3;
	case 40: return 4;
	case 1000: return 5;
	case 1999: return 6;
	case 65536: return 7;
	case 104729: return 8;
	case 2000000000: return 9;
	case 2147483647: return 10;
	case -2147483647 - 1: return 11;
	case 300 ... 399: return 12;
	default: return 0;
	}
}

/* A dense run in the middle of outliers, and a second run far away. */
static int mixed(int x)
{
	int r = 100;
	switch (x) {
	case -30: r = 1; break;
	case 100: r = 2; break;
	case 101: r = 3; break;
	case 102: r = 4; break;
	case 104: r = 5; break;
	case 105: r = 6; break;
	case 106 ... 110: r = 7; break;
	case 112: r = 8; break;
	case 2000: r = 9; break;
	case 2001: r = 10; break;
	case 2002: r = 11; break;
	case 2003: r = 12; break;
	case 2005: r = 13; break;
	case 2006: r = 14; break;
	case 1 ... 1: r = 15; break;
	}
	return r;
}

static int negatives(int x)
{
	switch (x) {
	case -12: return 1;
	case -11: return 2;
	case -10: return 3;
	case -9: return 4;
	case -8: return 5;
	case -6: return 6;
	case -5: return 7;
	case -3: return 8;
	case -2: return 9;
	case -1: return 10;
	default: return 0;
	}
}

static int unsigned_switch(unsigned x)
{
	switch (x) {
	case 0x7ffffffeu: return 1;
	case 0x7fffffffu: return 2;
	case 0x80000000u: return 3;
	case 0x80000001u: return 4;
	case 0x80000002u: return 5;
	case 0x80000003u: return 6;
	case 0xfffffffeu: return 7;
	case 0xffffffffu: return 8;
	case 0u: return 9;
	case 7u ... 9u: return 10;
	case 0x90000000u ... 0xa0000000u: return 11;
	default: return 0;
	}
}

static int letters(char c)
{
	switch (c) {
	case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
	case 'b' ... 'd': case 'f' ... 'h': case 'j' ... 'n': return 2;
	case 'p' ... 't': case 'v' ... 'z': return 3;
	case '0' ... '9': return 4;
	case -1: return 5;
	}
	return 0;
}

static int nested(int x, int y)
{
	switch (x & 7) {
	case 0:
		switch (y & 7) {
		case 0: return 1;
		case 1: return 2;
		case 2: return 3;
		case 3: return 4;
		case 4: return 5;
		case 5: return 6;
		}
		return 7;
	case 1: return 8;
	case 2: return 9;
	case 3: return 10;
	case 4: return 11;
	case 6: return 12;
	default: return 13;
	}
}

__attribute__((section(".text.switches"))) static int sectioned(int x)
{
	switch (x) {
	case 10: return 1;
	case 11: return 2;
	case 12: return 3;
	case 13: return 4;
	case 14: return 5;
	case 16: return 6;
	}
	return 0;
}

#define C4(n) case n: return n * 7 + 1; case n + 1: return n - 3; case n + 2: return n ^ 5; case n + 3: return n | 9;
#define C16(n) C4(n) C4(n + 4) C4(n + 8) C4(n + 12)

/* Enough cases for a long table and a deep search tree. */
static int big(int x)
{
	switch (x) {
	C16(0) C16(16) C16(32) C16(48) C16(200) C16(216) C16(400) C16(1000)
	case 1500 ... 1700: return 77;
	}
	return -x;
}

static unsigned hash;

static void mix(int v)
{
	hash = hash * 31u + (unsigned)v;
}

int main(void)
{
	static const int extremes[] = { -2147483647 - 1, -1000000000, 104729, 65536, 2000000000, 2147483647, 0x7ffffffe, -7 };
	for (int x = -40; x <= 2100; x++) {
		mix(dense(x));
		mix(sparse(x));
		mix(mixed(x));
		mix(negatives(x));
		mix(unsigned_switch((unsigned)x));
		mix(letters((char)x));
		mix(nested(x, x >> 3));
		mix(sectioned(x));
		mix(big(x));
	}
	for (unsigned i = 0; i < sizeof extremes / sizeof extremes[0]; i++) {
		int x = extremes[i];
		printf("%d: %d %d %d %d %d\n", x, dense(x), sparse(x), mixed(x), unsigned_switch((unsigned)x), big(x));
	}
	for (unsigned u = 0x7ffffffcu; u != 0x80000006u; u++) printf("%d", unsigned_switch(u));
	printf("\n%d %d %d\n", unsigned_switch(0x95000000u), unsigned_switch(0xa0000001u), unsigned_switch(0xffffffffu));
	printf("dense %d %d %d %d big %d %d %d\n", dense(4), dense(17), dense(18), dense(16), big(1015), big(1016), big(199));
	printf("hash %u\n", hash);
	return 0;
}
