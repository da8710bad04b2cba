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
