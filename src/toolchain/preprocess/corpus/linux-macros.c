/* Macros in the style of the Linux kernel's headers (written for this test). */
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define BIT(nr) (1UL << (nr))
#define GENMASK(h, l) (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (32 - 1 - (h))))
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define container_of(ptr, type, member) ({ \
	void *__mptr = (void *)(ptr); \
	((type *)(__mptr - offsetof(type, member))); })
#define min(x, y) ({ typeof(x) _x = (x); typeof(y) _y = (y); _x < _y ? _x : _y; })
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile typeof(x) *)&(x) = (val); } while (0)
#define KBUILD_MODNAME "stopwatch"
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#define KERN_INFO "\0016"
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define module_init(initfn) \
	static inline int __inittest(void) { return initfn(); } \
	int init_module(void) __attribute__((alias(#initfn)));
#define MODULE_LICENSE(x) static const char __UNIQUE_ID(license)[] = "license=" x
#define __iomem __attribute__((noderef, address_space(2)))
#define writel(v, addr) (*(volatile unsigned int __iomem *)(addr) = (v))
#define DEFINE_SHOW(name) \
	static int name##_open(void) { return name##_show(); } \
	static const struct ops name##_fops = { .open = name##_open }
#define IS_ENABLED_1 1
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define __is_defined(x) ___is_defined(x)
#define IS_BUILTIN(option) __is_defined(option)
#define CONFIG_STOPWATCH 1

int bits = BIT(3) | GENMASK(7, 4);
int n = ARRAY_SIZE(table);
struct dev *d = container_of(p, struct dev, node);
int m = min(a, b + 1);
if (likely(x) && unlikely(!y)) WRITE_ONCE(flag, READ_ONCE(other));
pr_info("started\n");
pr_info("value %d\n", v);
const char *s = __stringify(CONFIG_STOPWATCH) __stringify(a, b);
module_init(stopwatch_init)
MODULE_LICENSE("GPL");
MODULE_LICENSE("GPL v2");
writel(1, regs + 0x10);
DEFINE_SHOW(stopwatch);
int built = IS_BUILTIN(CONFIG_STOPWATCH) + IS_BUILTIN(CONFIG_OTHER);
