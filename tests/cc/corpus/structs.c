/* Structs and unions (nested, anonymous members), arrays of structs, multi-dimensional
 * arrays, struct copy/pass/return by value, sizeof and __builtin_offsetof. */
#include "../runtime/printf.c"

struct point { int x, y; };
struct rect { struct point tl, br; const char *name; };
struct regs {
	unsigned int ctrl;
	union {
		unsigned int word;
		struct { unsigned short lo, hi; };
		unsigned char bytes[4];
	};
	struct { int a; char b; } inner;
	long long wide;
	char tail[3];
};
union any { int i; unsigned char c[8]; long long ll; };

static struct point add(struct point a, struct point b)
{
	struct point r = { a.x + b.x, a.y + b.y };
	return r;
}

static int area(const struct rect *r)
{
	return (r->br.x - r->tl.x) * (r->br.y - r->tl.y);
}

static struct rect big(int n)
{
	struct rect r = { { 0, 0 }, { n, 2 * n }, "big" };
	return r;
}

int grid[3][4];
int cube[2][3][4];

int main(void)
{
	struct rect r = { { 1, 2 }, { 11, 7 }, "r" };
	struct rect copy = r;
	copy.br.x = 21;
	printf("area %d %d name %s\n", area(&r), area(&copy), copy.name);
	struct point p = add(r.tl, r.br);
	printf("add %d %d\n", p.x, p.y);
	struct rect b = big(9);
	printf("big %d %s\n", area(&b), b.name);

	struct regs g = { 0 };
	g.word = 0x11223344;
	g.inner.a = -1;
	g.inner.b = 'z';
	printf("union %x %x %x %d %c\n", g.lo, g.hi, g.bytes[3], g.inner.a, g.inner.b);
	printf("sizeof %u %u %u %u\n", (unsigned)sizeof(struct point), (unsigned)sizeof(struct rect),
	       (unsigned)sizeof(struct regs), (unsigned)sizeof(union any));
	printf("offsetof %u %u %u %u %u\n", (unsigned)__builtin_offsetof(struct regs, word),
	       (unsigned)__builtin_offsetof(struct regs, hi), (unsigned)__builtin_offsetof(struct regs, inner.b),
	       (unsigned)__builtin_offsetof(struct regs, wide), (unsigned)__builtin_offsetof(struct regs, tail));

	union any a;
	a.ll = 0x0102030405060708LL;
	printf("any %x %x %x\n", a.c[0], a.c[7], a.i);

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4; j++)
			grid[i][j] = i * 10 + j;
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 3; j++)
			for (int k = 0; k < 4; k++)
				cube[i][j][k] = i * 100 + j * 10 + k;
	int (*row)[4] = grid + 1;
	printf("grid %d %d %d cube %d %d\n", grid[2][3], row[1][2], *(*(grid + 1) + 1), cube[1][2][3], cube[0][1][2]);
	printf("sizes %u %u %u\n", (unsigned)sizeof grid, (unsigned)sizeof grid[0], (unsigned)sizeof cube[1][2]);

	struct point pts[4];
	for (int i = 0; i < 4; i++) {
		pts[i].x = i;
		pts[i].y = i * i;
	}
	struct point *pp = &pts[1];
	pp++;
	printf("pts %d %d %d\n", pp->x, pp->y, (int)(pp - pts));
	return 0;
}
