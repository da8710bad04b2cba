/* Linux kernel macro idioms: IS_ENABLED() placeholder pasting, BUILD_BUG_ON and
 * BUILD_BUG_ON_ZERO, WARN_ON as a statement expression with __func__/__LINE__, section
 * and used attributes, and the bit builtins behind ffs/fls/hweight/swab (32- and 64-bit). */
#include "../runtime/printf.c"
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option) __is_defined(option)
#define CONFIG_FOO 1
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))
#define WARN_ON(cond) ({ int __ret = !!(cond); if (__ret) printf("WARNING at %s:%d\n", __func__, __LINE__); __ret; })
#define __section(s) __attribute__((__section__(s)))
static int tagged __section(".data.tagged") __attribute__((used)) = 17;
static const char modinfo[] __section(".modinfo") __attribute__((used, aligned(1))) = "license=GPL";
int main(void) {
	BUILD_BUG_ON(sizeof(int) != 4);
	printf("enabled %d %d zero %d\n", IS_ENABLED(CONFIG_FOO), IS_ENABLED(CONFIG_BAR), BUILD_BUG_ON_ZERO(0));
	if (WARN_ON(tagged > 10)) printf("warned\n");
	printf("ffsll %d %d %d ffsl %d\n", __builtin_ffsll(0), __builtin_ffsll(1ULL << 50), __builtin_ffsll(6), __builtin_ffsl(0x100));
	printf("ffs %d %d %d clzll %d ctzll %d popll %d\n", __builtin_ffs(0), __builtin_ffs(0x80), __builtin_ffs(1), __builtin_clzll(1ULL << 40),
	       __builtin_ctzll(1ULL << 40), __builtin_popcountll(0xff00ff00ff00ULL));
	printf("bswap %llx %x\n", __builtin_bswap64(0x0102030405060708ULL), __builtin_bswap16(0x1234));
	printf("modinfo %s tagged %d\n", modinfo, tagged);
	return 0;
}
