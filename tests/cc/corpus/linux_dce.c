/* Linux's compile-time checks rely on gcc -O2 dropping branches whose condition folds:
 * pr_debug's `if (0)`, __compiletime_error functions behind a constant check, IS_ENABLED()
 * for a config that is off, and __builtin_constant_p on constants. The functions called
 * only from dead code are never defined: any call left behind would not link. */
#include "../runtime/printf.c"
#ifndef __OPTIMIZE__
#error "the kernel is built with optimisation, and so is this check"
#endif
extern int printk_never_defined(const char *fmt, ...);
extern void __bad_size_call(void) __attribute__((__error__("bad size")));
extern void __bad_unaligned(void) __attribute__((__warning__("unaligned access")));
#define no_printk(fmt, ...) ({ if (0) printk_never_defined(fmt, ##__VA_ARGS__); 0; })
#define pr_debug(fmt, ...) no_printk(fmt, ##__VA_ARGS__)
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#define IS_ENABLED_CONFIG_DEBUG 0
#define check_size(n) do { if (__builtin_constant_p(n) && (n) > 8) __bad_size_call(); } while (0)

static inline int only_from_dead_code(int x) { return printk_never_defined("%d", x); }

extern void __bad_copy_from(void) __attribute__((__error__("copy source size is too small")));
extern void copy_overflow(int size, unsigned long count);
/* check_copy_size(): the object size is unknown (-1) here, so gcc's constant propagation of
 * `sz` removes both calls; neither function exists. */
static inline __attribute__((__always_inline__)) int check_copy_size(const void *addr, unsigned long bytes)
{
	int sz = __builtin_object_size(addr, 0);
	if (sz >= 0 && sz < bytes) {
		if (!__builtin_constant_p(bytes)) copy_overflow(sz, bytes);
		else __bad_copy_from();
		return 0;
	}
	return 1;
}

static int read_sized(const unsigned char *p, unsigned n)
{
	check_size(4);
	int v = 0;
	for (unsigned i = 0; i < n; i++) v = v << 8 | p[i];
	return v;
}

static int weighted(int x)
{
	if (IS_ENABLED_CONFIG_DEBUG) return only_from_dead_code(x);
	while (0) __bad_unaligned();
	return sizeof(long) == 4 ? x * 3 : only_from_dead_code(x);
}

int main(void)
{
	static const unsigned char bytes[] = { 1, 2, 3, 4 };
	pr_debug("never printed %d\n", 1);
	int a = read_sized(bytes, 4);
	printf("copy ok %d\n", check_copy_size((const void *)bytes + a % 2, 4));
	int b = 0 && only_from_dead_code(a);
	int c = 1 || only_from_dead_code(a);
	printf("read %x weighted %d b %d c %d zero %d\n", a, weighted(7), b, c, BUILD_BUG_ON_ZERO(0));
	printf("constant_p: %d %d %d\n", __builtin_constant_p(3 * 4), __builtin_constant_p("str"), __builtin_constant_p(a));
	return a == 0x01020304 ? 0 : 1;
}
