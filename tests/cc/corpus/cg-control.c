/* Control flow: switch (fall-through, ranges, default in the middle, nested), goto,
 * break/continue in every loop, statement expressions, comma, short-circuit effects,
 * compound literals, typeof, __builtin_offsetof, static locals and recursion. */
#include "../runtime/printf.c"
#include <stddef.h>

#define max(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })

struct pt { int x, y; };
struct rec { char c; struct pt p[3]; long long z; };

static int classify(int v)
{
	switch (v) {
	case 0:
		return 100;
	case 1:
	case 2:
		v += 10;
		/* fall through */
	case 3:
		return v * 2;
	default:
		return -1;
	case 10 ... 19:
		return 1000 + v;
	case -5:
		break;
	}
	return 55;
}

static int walk(int n)
{
	int steps = 0;
again:
	steps++;
	if (n == 1)
		goto done;
	n = n % 2 ? 3 * n + 1 : n / 2;
	goto again;
done:
	return steps;
}

static int calls;
static int bump(int r) { calls++; return r; }

static long long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

int main(void)
{
	for (int v = -5; v < 21; v += 3)
		printf("class %d %d\n", v, classify(v));
	printf("walk %d %d\n", walk(27), walk(1));
	int s = 0, i = 0;
	while (1) {
		if (++i > 20)
			break;
		if (i % 3 == 0)
			continue;
		s += i;
	}
	do {
		s--;
		if (s < 100)
			break;
	} while (s > 50);
	printf("loops %d %d\n", s, i);
	int r = bump(0) && bump(1);
	r += bump(1) || bump(1);
	r += (bump(2), bump(3));
	printf("short %d calls %d\n", r, calls);
	printf("max %d %lld\n", max(3, 9), max(-1LL, 5LL));
	struct pt *pp = &(struct pt){ 7, 8 };
	int *arr = (int[]){ 1, 2, 3, 4 };
	printf("compound %d %d %d\n", pp->x + pp->y, arr[3], ((struct pt){ .y = 5 }).y);
	printf("offsetof %u %u %u\n", (unsigned)offsetof(struct rec, p[2].y), (unsigned)offsetof(struct rec, z),
	       (unsigned)sizeof(struct rec));
	printf("fact %lld\n", fact(20));
	int m[3][4];
	for (int a = 0; a < 3; a++)
		for (int b = 0; b < 4; b++)
			m[a][b] = a * 10 + b;
	int (*row)[4] = m + 1;
	printf("multi %d %d %u\n", m[2][3], row[1][2], (unsigned)sizeof m[0]);
	int x = 5;
	int *px = &x;
	*px += 2;
	(*px)++;
	x <<= 2;
	x %= 7;
	printf("ops %d %d %d\n", x, -x, ~x);
	char buf[8];
	char *q = buf;
	*q++ = 'o';
	*q++ = 'k';
	*q = 0;
	printf("str %s %d\n", buf, (int)(q - buf));
	return 0;
}
