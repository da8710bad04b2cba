/* Bit-field corner cases: sign extension of signed fields, promotion of narrow unsigned fields
 * to int, the value of an assignment to a field (truncated), ++/-- and compound assignment on
 * fields, 64-bit fields, fields crossing a storage-unit boundary, packed structs with fields. */
#include "../runtime/printf.c"

struct sf { signed a : 3; int b : 5; unsigned c : 31; unsigned d : 1; };
struct wide { unsigned long long lo : 40; unsigned long long hi : 24; long long s : 33; unsigned x : 7; unsigned long long w32 : 32; };
struct cross { unsigned char a : 5; unsigned char b : 5; unsigned short c : 10; unsigned short d : 9; };
struct __attribute__((packed)) pk { unsigned char t : 4; unsigned v : 20; unsigned char tail; };
struct mix { char tag; int f : 9; char after; short g : 4; };

static struct sf gsf = { -4, 15, 0x7fffffff, 1 };

int main(void)
{
	struct sf s = gsf;
	printf("sf %d %d %u %u size %u\n", s.a, s.b, s.c, s.d, (unsigned)sizeof s);
	s.a = 3;
	s.a++;
	int v = (s.b = 300);
	printf("trunc %d %d %d\n", s.a, s.b, v);
	printf("promo %d %d %d %d %d %d\n", s.c - 0x7fffffff - 1 < 0, s.d - 2 < 0, -s.c < 0, (s.d ? s.d : -1) < 0,
	       (unsigned)s.d - 2 < 0, (int)sizeof(s.d + 0));
	s.c -= 0x7ffffff0; /* c promotes to int: adding would overflow (UB) */
	s.d ^= 1;
	int post = s.b--;
	printf("ops %u %u %d %d\n", s.c, s.d, post, s.b);

	struct sf wrap = { 3, -16, 0, 1 };
	int o1 = wrap.a++, o2 = wrap.b--, o3 = wrap.d++, o4 = wrap.d--, o5 = --wrap.c, o6 = ++wrap.a;
	printf("postinc %d %d %d %d %d %d now %d %d %u %u\n", o1, o2, o3, o4, o5, o6, wrap.a, wrap.b, wrap.c, wrap.d);
	struct wide w = { 0xffffffffffULL, 0xabcdef, -(1LL << 32), 100, 0xffffffff };
	printf("wide %llx %llx %lld %u size %u\n", (unsigned long long)w.lo, (unsigned long long)w.hi, (long long)w.s, w.x, (unsigned)sizeof w);
	w.lo += 1;
	w.hi <<= 4;
	w.s -= 1;
	printf("wide %llx %llx %lld\n", (unsigned long long)w.lo, (unsigned long long)w.hi, (long long)w.s);
	printf("w32 %d %d %d %d %llx\n", w.w32 + 1 == 0, (int)sizeof(w.w32 + 0), (int)sizeof(w.lo + 0), w.hi - 0xbcdef1 < 0, (unsigned long long)w.lo + w.w32);

	struct cross c = { 31, 17, 1023, 511 };
	c.b += 20;
	printf("cross %u %u %u %u size %u\n", c.a, c.b, c.c, c.d, (unsigned)sizeof c);
	unsigned char *cb = (unsigned char *)&c;
	for (unsigned i = 0; i < sizeof c; i++)
		printf("%02x", cb[i]);
	printf("\n");

	struct pk p = { 9, 0xabcde, 0x77 };
	p.v |= 0x10;
	printf("packed %u %x %x size %u\n", p.t, p.v, p.tail, (unsigned)sizeof p);
	struct mix m = { 'm', -200, 'a', -3 };
	m.f *= 2;
	printf("mix %c %d %c %d size %u\n", m.tag, m.f, m.after, m.g, (unsigned)sizeof m);
	return 0;
}
