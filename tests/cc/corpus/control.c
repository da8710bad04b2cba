/* Statements: switch (dense, sparse, fall-through, default in the middle), goto and
 * labels, do/while, for/while with break/continue, comma and ternary operators, recursion. */
#include "../runtime/printf.c"

static const char *dense(int x)
{
	switch (x) {
	case 0: return "zero";
	case 1: return "one";
	case 2: return "two";
	case 3: return "three";
	case 4: return "four";
	case 5: return "five";
	case 6: return "six";
	default: return "many";
	}
}

static int sparse(int x)
{
	int r = 0;
	switch (x) {
	case -100: r = 1; break;
	case 7: r = 2; /* fall through */
	case 8: r += 3; break;
	default: r = -1; break;
	case 1000: r = 4; break;
	case 0x10000: r = 5;
	}
	return r;
}

static int find(const int *a, int n, int key)
{
	int i;
	for (i = 0; i < n; i++)
		if (a[i] == key)
			goto found;
	return -1;
found:
	return i;
}

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static unsigned gcd(unsigned a, unsigned b)
{
	while (b) {
		unsigned t = a % b;
		a = b;
		b = t;
	}
	return a;
}

int main(void)
{
	for (int i = -1; i < 9; i++)
		printf("%s ", dense(i));
	printf("\n");
	int keys[] = { -100, 7, 8, 9, 1000, 0x10000, 0 };
	for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++)
		printf("%d ", sparse(keys[i]));
	printf("\n");
	int arr[] = { 5, 3, 9, 1 };
	printf("find %d %d\n", find(arr, 4, 9), find(arr, 4, 4));

	int n = 0, sum = 0;
	do {
		sum += n;
		n++;
	} while (n < 10);
	printf("do %d %d\n", n, sum);
	int k = 0;
	do k++; while (0);
	printf("once %d\n", k);

	int evens = 0;
	for (int i = 0;; i++) {
		if (i > 20)
			break;
		if (i & 1)
			continue;
		evens += i;
	}
	printf("evens %d\n", evens);
	int a = 1, b = 2, c;
	c = (a++, b += a, a + b);
	printf("comma %d %d %d\n", a, b, c);
	printf("ternary %d %s %d\n", a > b ? a : b, c & 1 ? "odd" : "even", a ? b ? 1 : 2 : 3);
	printf("fib %d gcd %u\n", fib(20), gcd(1071, 462));
	int count = 0;
	int i = 10;
loop:
	if (i-- > 0) {
		count += i;
		goto loop;
	}
	printf("goto loop %d\n", count);
	int w = 100;
	while (w > 1)
		w = w & 1 ? 3 * w + 1 : w / 2;
	printf("collatz %d %d %d\n", w, !w, !!count);
	printf("logic %d %d %d\n", a && 0, a || 0, (a < b) + (b < a));
	return 0;
}
