/* Static data: designated and nested initializers, brace elision, zero fill, string
 * tables, addresses of globals and functions with offsets (relocations), const data. */
#include "../runtime/printf.c"

struct reg { const char *name; unsigned off; unsigned char width; };
struct dev { const char *compat; struct reg regs[3]; int irq; int (*probe)(int); };

static int probe_a(int x) { return x + 1; }

static const struct reg table[] = {
	[2] = { "status", 0x8, 64 },
	[0] = { .name = "data", .off = 0x0 },
	{ "len", 0x80, 64 },
};
static struct dev devs[2] = {
	{ "stopwatch", { { "cmd", 0x90, 64 }, { "st", 0x98 } }, 64, probe_a },
	{ .compat = "uart", .irq = 10, .regs[1].name = "lsr", .regs[1].off = 5 },
};
static int grid[3][3] = { 1, 2, 3, { 4 }, 7, 8 };
static char greeting[] = "hi there";
static char sized[10] = "abc";
static const char *names[] = { "zero", "one", "two" };
static int values[5] = { 10, 20, 30, 40, 50 };
static int *pv = &values[3];
static int *pv2 = values + 1;
static char *pc = greeting + 3;
static long long big = -42;
static unsigned short halfs[] = { 1, 0xffff, 3 };
int global_counter = 7;
int bss_array[16];
struct { int a; char b; } anon_global = { 5, 'z' };

int main(void)
{
	printf("table %u: %s@%x/%u %s@%x %s@%x/%u\n", (unsigned)(sizeof table / sizeof table[0]), table[0].name,
	       table[0].off, table[0].width, table[1].name, table[1].off, table[2].name, table[2].off, table[2].width);
	printf("dev0 %s %s %x %s %d %d\n", devs[0].compat, devs[0].regs[0].name, devs[0].regs[0].off, devs[0].regs[1].name,
	       devs[0].irq, devs[0].probe(41));
	printf("dev1 %s %d %s %x %d\n", devs[1].compat, devs[1].irq, devs[1].regs[1].name, devs[1].regs[1].off,
	       devs[1].probe == 0);
	for (int i = 0; i < 3; i++)
		printf("grid %d %d %d\n", grid[i][0], grid[i][1], grid[i][2]);
	printf("strings %s|%s|%u|%d %s\n", greeting, sized, (unsigned)sizeof greeting, sized[5], names[2]);
	printf("ptrs %d %d %s\n", *pv, pv2[1], pc);
	printf("misc %lld %u %d %d %d %c\n", big, halfs[1], global_counter, bss_array[7], anon_global.a, anon_global.b);
	int local[6] = { [1] = 5, [4] = 9 };
	struct dev d = { .irq = 3, .regs = { [2] = { .off = 12 } } };
	printf("local %d %d %d %d %d\n", local[0], local[1], local[4], d.regs[2].off, d.irq);
	char msg[] = "local str";
	msg[0] = 'L';
	printf("%s %u\n", msg, (unsigned)sizeof msg);
	return 0;
}
