/* Conversions and operators where compilers slip: compound assignment into narrow types,
 * ++/-- on _Bool, char, pointers and long long, conversions to _Bool from 64-bit values,
 * 64-bit truth values whose low word is zero, ?: with mixed signedness, string literals
 * and escapes, pointer arithmetic across multi-dimensional arrays, flexible array members. */
#include "../runtime/printf.c"
#include <stdint.h>

struct msg { uint16_t len; uint8_t kind; char body[]; };
static char storage[32] = { 5, 0, 7, 'h', 'e', 'l', 'l', 'o' };
static volatile long long v40 = 1LL << 40, vneg = -1;
static volatile unsigned vu = 3000000000u;

static _Bool truthy64(long long x) { return x; }
static int count64(unsigned long long x) { int n = 0; while (x) { n += x & 1; x >>= 1; } return n; }

static void compound(void)
{
	char c = 100;
	c += 300;
	signed char sc = 120;
	sc += 10;
	unsigned char uc = 200;
	uc <<= 3;
	short s = 30000;
	s *= 3;
	unsigned short us = 1;
	us -= 2;
	int i = 7;
	i += v40;
	i *= -1;
	long long ll = 5;
	ll += vu;
	ll -= -vneg * 10;
	ll *= vu;
	unsigned u = 17;
	u /= -1;
	int j = -17;
	j %= 5LL;
	uint32_t m = 0xf0f0f0f0;
	m ^= 0xff;
	m >>= 4;
	m |= 1u << 31;
	printf("compound %d %d %u %d %u %d %lld %u %d %x\n", c, sc, uc, s, us, i, ll, u, j, m);
}

static void incdec(void)
{
	_Bool b = 0;
	b++;
	_Bool b2 = b++;
	_Bool b3 = 1;
	b3--;
	_Bool b4 = 0;
	b4--;
	unsigned char uc = 255;
	uc++;
	char c = 0;
	c--;
	long long ll = 0xffffffffLL;
	ll++;
	long long before = ll--;
	unsigned long long ull = 0;
	ull--;
	int arr[4] = { 10, 20, 30, 40 }, *p = arr;
	int first = *p++, second = *++p, third = (*p)++;
	p--;
	printf("incdec %d %d %d %d %u %d %lld %lld %llx %d %d %d %d %d\n", b, b2, b3, b4, uc, c, ll, before, ull, first, second, third,
	       *p, arr[2]);
}

static void truth(void)
{
	long long hi = v40, lo = 0;
	unsigned long long big = 0x100000000ULL;
	printf("truth %d %d %d %d %d %d\n", truthy64(hi), (_Bool)big, !big, hi && 1, lo || hi, (_Bool)(hi & 0xffffffff));
	if (big) printf("big true\n");
	printf("ternary %d %lld %d\n", hi ? 1 : 2, big ? hi : lo, count64(~0ULL));
	int neg = -1;
	unsigned zero = 0;
	printf("mixed %d %d %u\n", (neg < 0 ? neg : zero) > 0, (int)sizeof(1 ? neg : zero), 1 ? neg : zero);
	printf("mixed64 %lld %llu\n", 1 ? neg : 5LL, 1 ? neg : 5ULL);
	printf("bool %d %d %d\n", (_Bool)256, (_Bool)-1, (_Bool)0 + (_Bool)3);
	printf("casts %d %d %u %d %u %lld %llu\n", (signed char)300, (short)70000, (unsigned short)-1, (int)3000000000u,
	       (unsigned)-5LL, (long long)vu, (unsigned long long)(int)vu);
}

static void strings(void)
{
	const char *s = "ab" "cd" "\x41\102\0hidden";
	char exact[3] = "xyz";
	char pad[6] = "q";
	printf("str %s %u %u %d %d %c%c%c %d\n", s, (unsigned)sizeof("ab" "cd"), (unsigned)sizeof "a\0b", s[6], s[7], exact[0], exact[1],
	       exact[2], pad[5]);
	printf("esc %d %d %d %d %d %d %d\n", '\n', '\t', '\\', '\'', '\0', '\377', "\xff"[0]);
	printf("chars %d %d %u\n", (char)-1 > 0, 'a' + 1, (unsigned)sizeof 'a');
}

static void arrays(void)
{
	int a[3][4][5];
	for (int i = 0; i < 60; i++)
		(&a[0][0][0])[i] = i;
	int (*pa)[4][5] = a;
	int (*row)[5] = a[1];
	int *cell = &a[2][1][3];
	printf("arr %d %d %d %d %d\n", pa[1][2][3], row[3][4], *cell, (int)(cell - &a[0][0][0]), (int)(&a[2] - &a[0]));
	printf("arr %d %d %u %u\n", cell[-5], *(*(*(a + 1) + 2) + 3), (unsigned)sizeof a[1], (unsigned)sizeof *pa[0]);
	int idx = 2;
	printf("idx %d %d\n", idx[a[1][1]], 3[a[0][0]]);
	struct msg *m = (struct msg *)storage;
	printf("flex %u %u %s %u\n", m->len, m->kind, m->body, (unsigned)sizeof(struct msg));
}

int main(void)
{
	compound();
	incdec();
	truth();
	strings();
	arrays();
	return 0;
}
