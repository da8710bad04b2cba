// The C runtime our generated code calls (libgcc's 64-bit division names and bit
// helpers, and the freestanding mem*/str* functions gcc may also emit calls to),
// written in kernel-C and compiled by our own compiler.

export const RUNTIME_C = String.raw`
typedef unsigned long long __rt_u64;
typedef long long __rt_s64;
typedef unsigned int __rt_size_t;

static __rt_u64 __rt_udivmod(__rt_u64 n, __rt_u64 d, __rt_u64 *rem)
{
	__rt_u64 q = 0, r = 0;
	int i;
	if (d == 0) {
		/* RISC-V division by zero: quotient all ones, remainder the dividend. */
		*rem = n;
		return ~0ULL;
	}
	if ((n >> 32) == 0 && (d >> 32) == 0) {
		unsigned int a = (unsigned int)n, b = (unsigned int)d;
		*rem = a % b;
		return a / b;
	}
	for (i = 63; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= 1ULL << i;
		}
	}
	*rem = r;
	return q;
}

__rt_u64 __udivdi3(__rt_u64 n, __rt_u64 d)
{
	__rt_u64 r;
	return __rt_udivmod(n, d, &r);
}

__rt_u64 __umoddi3(__rt_u64 n, __rt_u64 d)
{
	__rt_u64 r;
	__rt_udivmod(n, d, &r);
	return r;
}

__rt_s64 __divdi3(__rt_s64 a, __rt_s64 b)
{
	__rt_u64 r, q;
	int neg = (a < 0) != (b < 0);
	if (b == 0)
		return -1;
	q = __rt_udivmod(a < 0 ? -(__rt_u64)a : (__rt_u64)a, b < 0 ? -(__rt_u64)b : (__rt_u64)b, &r);
	return neg ? -(__rt_s64)q : (__rt_s64)q;
}

__rt_s64 __moddi3(__rt_s64 a, __rt_s64 b)
{
	__rt_u64 r;
	if (b == 0)
		return a;
	__rt_udivmod(a < 0 ? -(__rt_u64)a : (__rt_u64)a, b < 0 ? -(__rt_u64)b : (__rt_u64)b, &r);
	return a < 0 ? -(__rt_s64)r : (__rt_s64)r;
}

int __clzsi2(unsigned int x)
{
	int n = 0;
	if (x == 0)
		return 32;
	while (!(x & 0x80000000u)) {
		x <<= 1;
		n++;
	}
	return n;
}

int __ctzsi2(unsigned int x)
{
	int n = 0;
	if (x == 0)
		return 32;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
}

int __clzdi2(__rt_u64 x)
{
	unsigned int hi = (unsigned int)(x >> 32);
	return hi ? __clzsi2(hi) : 32 + __clzsi2((unsigned int)x);
}

int __ctzdi2(__rt_u64 x)
{
	unsigned int lo = (unsigned int)x;
	return lo ? __ctzsi2(lo) : 32 + __ctzsi2((unsigned int)(x >> 32));
}

int __popcountsi2(unsigned int x)
{
	int n = 0;
	while (x) {
		n += x & 1;
		x >>= 1;
	}
	return n;
}

int __ffssi2(int x)
{
	return x ? __ctzsi2((unsigned int)x) + 1 : 0;
}

int __popcountdi2(__rt_u64 x)
{
	return __popcountsi2((unsigned int)x) + __popcountsi2((unsigned int)(x >> 32));
}

int __ffsdi2(__rt_u64 x)
{
	return x ? __ctzdi2(x) + 1 : 0;
}

unsigned int __bswapsi2(unsigned int x)
{
	return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
}

__rt_u64 __bswapdi2(__rt_u64 x)
{
	return ((__rt_u64)__bswapsi2((unsigned int)x) << 32) | __bswapsi2((unsigned int)(x >> 32));
}

void *memcpy(void *dst, const void *src, __rt_size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if ((((unsigned int)d | (unsigned int)s | n) & 3) == 0) {
		unsigned int *dw = dst;
		const unsigned int *sw = src;
		for (; n; n -= 4)
			*dw++ = *sw++;
		return dst;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, __rt_size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d == s || n == 0)
		return dst;
	if (d < s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, __rt_size_t n)
{
	unsigned char *d = dst;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, __rt_size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

__rt_size_t strlen(const char *s)
{
	const char *p = s;
	while (*p)
		p++;
	return p - s;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}
`;
