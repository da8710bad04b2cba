/* Data placement as the kernel relies on it: const objects in .rodata/.srodata, small
 * objects in gcc's small-data sections, attributes in each position gcc accepts them,
 * aligned() up and down to 1, packed structures, and section names with odd characters. */
#define __used __attribute__((__used__))
#define __section(s) __attribute__((__section__(s)))
#define __aligned(n) __attribute__((__aligned__(n)))
#define __packed __attribute__((__packed__))
#define __read_mostly __section(".data..read_mostly")

struct reg_field { unsigned char shift; unsigned int mask; } __packed;

const int version = 3;
const unsigned short table[6] = { 1, 2, 3, 5, 8, 13 };
const char banner[] = "stopwatch";
const struct reg_field fields[2] = { { 0, 0xff }, { 8, 0xff00 } };
const volatile int tuning = 7;
int counter = 1;
int zeroed;
long long ticks = 5;
int big_buffer[16];
static int scratch[4] __used;
int hot_value __read_mostly = 42;
__attribute__((__section__(".data.odd+name"))) int odd_section = 9;
static void * __used __section(".discard.addressable") kept = (void *)&counter;
static const char * const names[] __used = { "start", "stop", "lap" };
int __aligned(16) wide_aligned = 1;
char __aligned(8) byte_aligned[3] = { 1, 2, 3 };
struct reg_field __aligned(1) loose = { 3, 0x38 };
const char text_id[] __aligned(1) __section(".modinfo") __used = "name=stopwatch";
const char *const *name_list(void) { return names; }
