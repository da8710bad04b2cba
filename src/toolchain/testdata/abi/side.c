/* Compiled once by gcc and once by our compiler (SIDE=peer or self): the same
 * functions, so each compiler calls the other's code across every ABI case. */
#include "abi.h"
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define F(name) CAT(SIDE, name)

long long F(_many)(int a, int b, int c, int d, int e, int f, int g, long long h, int i, struct s3 j)
{
	return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j.a + j.b * 10 + j.c * 100;
}

struct s8 F(_s8)(struct s8 in, int k)
{
	struct s8 r = { in.x * k, (short)(in.y - k) };
	return r;
}

struct s20 F(_s20)(struct s20 in, struct sll w, char c)
{
	struct s20 r;
	for (int i = 0; i < 5; i++)
		r.v[i] = in.v[4 - i] + (int)w.v + c;
	in.v[0] = -1; /* the caller's copy must not change */
	return r;
}

long long F(_va)(int n, ...)
{
	va_list ap;
	long long s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		if (i % 2)
			s = s * 7 + va_arg(ap, long long);
		else
			s = s * 7 + va_arg(ap, int);
	}
	va_end(ap);
	return s;
}

unsigned long long F(_u64)(unsigned long long a, unsigned b) { return a / b + a % b; }

/* A two-word struct split between a7 and the stack. */
int F(_split)(int a, int b, int c, int d, int e, int f, int g, struct pair p)
{
	return a + b + c + d + e + f + g + p.x * 1000 + p.y * 100000;
}

struct s7 F(_s7)(struct s5 a, struct s7 b, struct s3 c)
{
	struct s7 r;
	for (int i = 0; i < 7; i++)
		r.c[i] = (char)(b.c[i] + (i < 5 ? a.c[i] : 0) + (i < 3 ? c.a * i : 0));
	return r;
}

long long F(_mixed)(int a, struct sll x, int b, struct mixed m, struct sll y)
{
	return a + x.v * 3 + b + m.tag + m.v + y.v * 5;
}

/* Registers used up: the structs go on the stack, the big one by reference. */
int F(_after)(int a, int b, int c, int d, int e, int f, int g, int h, struct pair p, struct s3 t, struct s20 bg, struct sll l)
{
	return a + b + c + d + e + f + g + h + p.x + p.y * 3 + t.a + t.c * 5 + bg.v[4] * 7 + (int)(l.v >> 32);
}

long long F(_vstruct)(int n, ...)
{
	va_list ap;
	long long s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		struct s3 t = va_arg(ap, struct s3);
		struct sll l = va_arg(ap, struct sll);
		struct s20 b = va_arg(ap, struct s20);
		s = s * 7 + t.b + l.v + b.v[0] + b.v[4];
	}
	va_end(ap);
	return s;
}
