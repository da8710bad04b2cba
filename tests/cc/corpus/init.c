/* Initializers: designated (.field, [index]), nested, string literals, static and global
 * data, compound literals; enums; const and volatile qualifiers. */
#include "../runtime/printf.c"

enum color { RED, GREEN = 5, BLUE, LAST = BLUE + 10 };
enum { FLAG_A = 1 << 0, FLAG_B = 1 << 1, FLAG_C = 1 << 4 };

struct dev {
	const char *name;
	int irq;
	unsigned flags;
	int regs[4];
	struct { char tag[6]; short ver; } info;
};

static const struct dev devices[] = {
	{ .name = "uart", .irq = 10, .flags = FLAG_A | FLAG_C, .regs = { [2] = 7, [0] = 1 }, .info = { "u16", 2 } },
	[2] = { "timer", 5, FLAG_B, { 1, 2, 3, 4 }, { .ver = 9 } },
	{ .info.tag = "last", .irq = -1 },
};

static int table[10] = { [3] = 30, [7] = 70, 80 };
static char msg[] = "hello, world";
static const char *words[] = { "alpha", "beta", [4] = "epsilon" };
static int zeroes[5];
int global_counter = 3;
static struct { int a, b; } pairs[] = { { 1, 2 }, { 3 } };
const volatile int cv = 17;
static unsigned char bytes[] = { 0x12, 0x34, 'A', '\n', '\x7f', 255 };
static long long wide[] = { 1, -1, 0x123456789LL };
static int *ptr_to_table = &table[3];
static const char *const nested_strs[2][2] = { { "a", "b" }, { "c", "d" } };

static int sum(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

int main(void)
{
	printf("enum %d %d %d %d flags %d\n", RED, GREEN, BLUE, LAST, FLAG_A | FLAG_B | FLAG_C);
	enum color c = BLUE;
	printf("color %d size %u\n", c, (unsigned)sizeof c);
	for (unsigned i = 0; i < sizeof devices / sizeof devices[0]; i++) {
		const struct dev *d = &devices[i];
		printf("dev%u %s irq %d flags %x regs %d %d %d %d info %s %d\n", i, d->name ? d->name : "-", d->irq, d->flags,
		       d->regs[0], d->regs[1], d->regs[2], d->regs[3], d->info.tag, d->info.ver);
	}
	for (int i = 0; i < 10; i++)
		printf("%d ", table[i]);
	printf("\nmsg %s %u %c\n", msg, (unsigned)sizeof msg, msg[7]);
	msg[0] = 'J';
	printf("msg %s words %s %s %s\n", msg, words[0], words[1], words[4]);
	printf("words[2] %s zeroes %d pairs %d %d %d\n", words[2] ? words[2] : "null", sum(zeroes, 5), pairs[0].b, pairs[1].a, pairs[1].b);
	printf("cv %d bytes %x %x %c %d %d %d\n", cv, bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]);
	printf("wide %lld %lld %llx ptr %d %s%s\n", wide[0], wide[1], wide[2], *ptr_to_table, nested_strs[1][0], nested_strs[0][1]);
	int local[] = { 1, 2, 3, [6] = 6 };
	printf("local %u %d\n", (unsigned)(sizeof local / sizeof local[0]), sum(local, 7));
	int *cl = (int[]){ 10, 20, 30 };
	struct dev *cd = &(struct dev){ .name = "compound", .irq = 3 };
	printf("compound %d %s %d %d\n", cl[1] + cl[2], cd->name, cd->irq, sum((int[]){ 4, 5, 6 }, 3));
	struct dev copy = devices[0];
	copy.irq++;
	printf("copy %s %d %d\n", copy.name, copy.irq, devices[0].irq);
	char local_str[8] = "abc";
	printf("local_str %s %d %d\n", local_str, local_str[3], local_str[7]);
	global_counter += 2;
	printf("global %d\n", global_counter);
	return 0;
}
