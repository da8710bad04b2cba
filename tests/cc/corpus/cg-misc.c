/* Larger frames (offsets beyond 12-bit immediates), struct-returning function pointers,
 * variadic calls spilling to the stack, array parameters, volatile, 64-bit variable shifts,
 * nested ternaries and sequence points, enum switch, string walking. */
#include "../runtime/printf.c"
#include <stdarg.h>
#include <stdint.h>

struct vec { int x, y, z; };
typedef struct vec (*maker_t)(int);
enum color { RED, GREEN = 4, BLUE };

static struct vec mk(int k) { struct vec v = { k, k * 2, k * 3 }; return v; }
static struct vec mk_neg(int k) { return (struct vec){ -k, -2 * k, -3 * k }; }

static int big_frame(int n)
{
	char buf[5000];
	int total = 0;
	for (int i = 0; i < 5000; i++)
		buf[i] = (char)(i * 7 + n);
	for (int i = 0; i < 5000; i += 37)
		total += (unsigned char)buf[i];
	return total + buf[4999];
}

static long long vmany(int n, ...)
{
	va_list ap;
	long long s = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		s = s * 3 + (i % 3 == 2 ? va_arg(ap, long long) : va_arg(ap, int));
	va_end(ap);
	return s;
}

static int sum2d(int rows, int m[][3])
{
	int s = 0;
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < 3; c++)
			s += m[r][c] * (r + 1);
	return s;
}

static const char *color_name(enum color c)
{
	switch (c) {
	case RED: return "red";
	case GREEN: return "green";
	case BLUE: return "blue";
	}
	return "?";
}

static int count_words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t')
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

static volatile uint32_t vreg;

int main(void)
{
	maker_t makers[2] = { mk, mk_neg };
	for (int i = 0; i < 2; i++) {
		struct vec v = makers[i](i + 5);
		printf("vec %d %d %d\n", v.x, v.y, v.z);
	}
	printf("frame %d\n", big_frame(3));
	printf("vmany %lld\n", vmany(12, 1, 2, 3LL, 4, 5, 6LL << 33, 7, 8, -9LL, 10, 11, 12LL));
	int m[3][3] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
	printf("2d %d\n", sum2d(3, m));
	for (enum color c = RED; c <= BLUE; c++)
		printf("color %d %s\n", c, color_name(c));
	printf("words %d\n", count_words("  the quick\tbrown  fox "));
	uint64_t one = 1;
	for (int s = 0; s < 64; s += 9) {
		uint64_t a = one << s, b = ~0ULL >> s;
		int64_t c = (int64_t)0x8000000000000000ULL >> s;
		printf("sh %d %llx %llx %llx\n", s, a, b, (uint64_t)c);
	}
	int x = 7;
	printf("tern %d %d\n", x > 5 ? x > 6 ? 1 : 2 : 3, x < 0 ? -1 : x == 0 ? 0 : 1);
	vreg = 5;
	vreg += 3;
	vreg <<= 2;
	printf("volatile %u\n", vreg);
	unsigned u = 1000;
	int neg = -1000;
	printf("divs %u %u %d %d %d %d\n", u / 8, u % 7, neg / 8, neg % 7, neg >> 3, -(neg / -3));
	int arr[5] = { 5, 4, 3, 2, 1 }, *p = arr, *q = &arr[4];
	int first = *p++;
	printf("ptr %d %d %d %d\n", (int)(q - p), first + *p, q > p, p[-1]);
	return x - 7;
}
