/* Language features the rest of the corpus leaves out: <stdbool.h> bool, <limits.h>, extern
 * declarations, the kernel's annotations used natively (gcc gets empty macros), `, ## args`,
 * #if with character constants and `defined NAME`, functions returning function pointers,
 * pointers to pointers, const volatile, and wfi woken by a pending (masked) timer interrupt. */
#include "../runtime/printf.c"
#include <stdbool.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#ifndef __kernel_c__
/* gcc needs the kernel's annotation macros; kernel-C accepts them as they are. */
#define __iomem
#define __user
#define __force
#define __init
#define __exit
#define __initdata
#define __must_check
#define __maybe_unused
#define __always_inline inline
#define __packed __attribute__((packed))
#endif

#define pr_info(fmt, args...) printf("info: " fmt, ## args)
#define pr_cnt(...) count_args(0, ## __VA_ARGS__)
#define NARGS(...) NARGS_(0, ## __VA_ARGS__, 3, 2, 1, 0)
#define NARGS_(_0, _1, _2, _3, n, ...) n

#if 'A' == 65 && defined __riscv && defined(__riscv_xlen) && __riscv_xlen == 32
#define CHARS_OK 1
#elif defined NOPE
#define CHARS_OK 2
#else
#define CHARS_OK 0
#endif
#if (0x7fffffff + 1) > 0 && !(-1 < 0u)
#define PP_ARITH "64-bit intmax"   /* #if arithmetic is intmax_t: no overflow, -1 < 0u is false */
#else
#define PP_ARITH "wrong"
#endif
#if ULONG_MAX == 4294967295UL && LLONG_MAX > INT_MAX && CHAR_BIT == 8
#define LIMITS_OK 1
#endif

extern int shared_count;                 /* declared before its definition */
extern int helper(int x);                /* defined after main */
extern const char banner[];

static int count_args(int z, ...) { return z; }

struct __packed hdr { uint8_t kind; uint32_t len; };
struct regs { uint32_t ctrl; uint32_t status; };

static int __initdata init_value = 5;
static int __init drv_init(void) { return init_value * 2; }
static void __exit drv_exit(void) { shared_count = -1; }
static __always_inline int __must_check twice(int v) { return v + v; }

static uint32_t read_status(struct regs __iomem *r) { return *(volatile uint32_t __force *)&r->status; }
static long copy_in(const char __user *src, char *dst, size_t n)
{
	size_t i;
	for (i = 0; i < n && src[i]; i++)
		dst[i] = src[i];
	dst[i] = 0;
	return (long)i;
}

typedef int (*handler_t)(int);
static int inc(int v) { return v + 1; }
static int dec(int v) { return v - 1; }
static handler_t pick(bool up) { return up ? inc : dec; }
static int (*pick2(int which))(int) { return which ? dec : inc; }

static bool is_even(unsigned v) { return !(v & 1); }

static void wfi_once(void)
{
	volatile uint64_t *mtime = (volatile uint64_t *)0x0200bff8;
	volatile uint32_t *mtimecmp = (volatile uint32_t *)0x02004000;
	uint64_t deadline = *mtime + 100;
	mtimecmp[1] = 0xffffffff;
	mtimecmp[0] = (uint32_t)deadline;
	mtimecmp[1] = (uint32_t)(deadline >> 32);
	__asm__ volatile("csrs mie, %0" : : "r"(1u << 7));   /* MTIE; mstatus.MIE stays 0 */
	__asm__ volatile("wfi");
	__asm__ volatile("csrc mie, %0" : : "r"(1u << 7));
	mtimecmp[1] = 0xffffffff;
}

int shared_count = 3;
const char banner[] = "banner";

int main(void)
{
	bool t = true, f = false, b2 = 7;
	_Bool conv = 0 == 0 ? 2 : 0;
	printf("bool %d %d %d %d %u %d\n", t, f, b2, conv, (unsigned)sizeof(bool), true + true);
	printf("even %d %d %d\n", is_even(4), is_even(7), is_even(4) == true);
	printf("limits %d %d %u %lld %llu %d %d\n", INT_MAX, INT_MIN, UINT_MAX, LLONG_MIN, ULLONG_MAX, SCHAR_MIN, SHRT_MAX);
	printf("limits %d %s %d\n", LIMITS_OK, PP_ARITH, CHARS_OK);
	pr_info("no args\n");
	pr_info("%d args\n", 2);
	printf("count %d nargs %d %d %d\n", pr_cnt(), NARGS(), NARGS(a), NARGS(a, b, c));
	printf("extern %d %d %s\n", shared_count, helper(20), banner);
	printf("init %d %d\n", drv_init(), twice(21));
	drv_exit();
	printf("exit %d\n", shared_count);
	struct regs r = { 1, 0x55 };
	printf("iomem %x packed %u\n", read_status(&r), (unsigned)sizeof(struct hdr));
	char buf[16];
	printf("user %ld %s\n", copy_in("from user", buf, 15), buf);
	printf("fnptr %d %d %d %d\n", pick(true)(10), pick(false)(10), pick2(0)(1), pick2(1)(1));
	int x = 1, y = 2, *px = &x, **ppx = &px;
	*ppx = &y;
	**ppx += 40;
	printf("ptrptr %d %d %d\n", x, y, *px);
	const char *strs[] = { "one", "two", "three" };
	const char **sp = strs;
	printf("strs %s %c %s\n", *(sp + 1), **sp, sp[2] + 2);
	ptrdiff_t pd = &strs[2] - &strs[0];
	size_t sz = sizeof strs;
	printf("ptrdiff %d size %u\n", (int)pd, (unsigned)sz);
	wfi_once();
	printf("woke\n");
	return 0;
}

int helper(int x) { return x * 3; }
