/* GNU extensions the Linux kernel's macros rely on: statement expressions, typeof,
 * __builtin_expect (likely/unlikely), container_of, attributes, inline, kernel annotations. */
#include "../runtime/printf.c"
#include <stddef.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define min(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define container_of(ptr, type, member) ({ \
	const typeof(((type *)0)->member) *__mptr = (ptr); \
	(type *)((char *)__mptr - offsetof(type, member)); })
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __iomem
#define __init
#define __user

struct list_head { struct list_head *next, *prev; };
struct item { int value; struct list_head node; char name[8]; };

static inline int square(int x) { return x * x; }
static int __attribute__((noinline)) twice(int x) { return 2 * x; }
static int unused_fn(void) __attribute__((unused));
static int unused_fn(void) { return 0; }
struct __attribute__((packed)) packed { char c; int i; };
struct aligned { char c; int i __attribute__((aligned(8))); };

static int __init setup(int __iomem *regs) { return regs ? 1 : 0; }

int main(void)
{
	int a = 5, b = 9;
	printf("min %d max %d\n", min(a, b), max(a++, b));
	printf("a %d\n", a);
	long long big = max(1LL << 40, (long long)b);
	printf("big %lld\n", big);
	int s = ({ int t = 0; for (int i = 1; i <= 10; i++) t += i; t; });
	printf("stmt expr %d\n", s);
	typeof(big) copy = big + 1;
	typeof(int *) p = &a;
	printf("typeof %lld %d %u\n", copy, *p, (unsigned)sizeof(typeof(copy)));
	struct item items[3] = { { 1, { 0, 0 }, "one" }, { 2, { 0, 0 }, "two" }, { 3, { 0, 0 }, "three" } };
	struct list_head *n = &items[1].node;
	struct item *it = container_of(n, struct item, node);
	printf("container_of %d %s\n", it->value, it->name);
	int hits = 0;
	for (unsigned i = 0; i < ARRAY_SIZE(items); i++) {
		if (likely(items[i].value > 1))
			hits++;
		if (unlikely(items[i].value == 3))
			hits += 10;
	}
	printf("expect %d\n", hits);
	printf("inline %d %d\n", square(12), twice(21));
	printf("packed %u aligned %u\n", (unsigned)sizeof(struct packed), (unsigned)sizeof(struct aligned));
	printf("setup %d %d\n", setup(0), setup((int __iomem *)&a));
	const char __user *u = "user";
	printf("user %s\n", u);
	return 0;
}
