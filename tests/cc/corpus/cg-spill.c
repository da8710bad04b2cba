/* Deeply nested expressions with calls at every level: temporaries outgrow the
 * callee-saved registers s1-s11 and spill to the stack, and must survive every call. */
#include "../runtime/printf.c"

static int g(int x) { return x * 3 - 7; }
static long long h(int x) { return (long long)x << 33 | (unsigned)x; }

int main(void)
{
	int r = (g(15) * 15 + ((g(14) * 14 + ((g(13) * 13 + ((g(12) * 12 + ((g(11) * 11 + ((g(10) * 10 + ((g(9) * 9 + ((g(8) * 8 + ((g(7) * 7 + ((g(6) * 6 + ((g(5) * 5 + ((g(4) * 4 + ((g(3) * 3 + ((g(2) * 2 + (g(1)) - g(2 + 1))) - g(3 + 1))) - g(4 + 1))) - g(5 + 1))) - g(6 + 1))) - g(7 + 1))) - g(8 + 1))) - g(9 + 1))) - g(10 + 1))) - g(11 + 1))) - g(12 + 1))) - g(13 + 1))) - g(14 + 1))) - g(15 + 1));
	long long q = (h(8) * 8 + ((h(7) * 7 + ((h(6) * 6 + ((h(5) * 5 + ((h(4) * 4 + ((h(3) * 3 + ((h(2) * 2 + (h(1)) ^ h(2 + 1))) ^ h(3 + 1))) ^ h(4 + 1))) ^ h(5 + 1))) ^ h(6 + 1))) ^ h(7 + 1))) ^ h(8 + 1));
	printf("%d %lld\n", r, q);
	return 0;
}
