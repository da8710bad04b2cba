/* A minimal stand-in for the Linux headers a platform driver includes, enough for
 * both gcc and our compiler to compile stopwatch-like driver code. */
#ifndef KERNEL_STUB_H
#define KERNEL_STUB_H
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>

#ifndef __iomem
#define __iomem
#endif
#ifndef __force
#define __force
#endif
#define __init
#define __exit
#define KERN_INFO "\001" "6"
#define KERN_ERR "\001" "3"
#define THIS_MODULE ((struct module *)0)
#define MODULE_LICENSE(x) static const char __module_license[] __attribute__((used, section(".modinfo"))) = "license=" x
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define container_of(ptr, type, member) ({ const typeof(((type *)0)->member) *__mptr = (ptr); (type *)((char *)__mptr - offsetof(type, member)); })
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define IS_ERR(p) ((unsigned long)(p) >= (unsigned long)-4095)
#define PTR_ERR(p) ((long)(p))
#define EINVAL 22
#define ENOMEM 12
#define EFAULT 14
#define IORESOURCE_MEM 0x200
#define GFP_KERNEL 0
#define IRQ_HANDLED 1
#define MISC_DYNAMIC_MINOR 255

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t s64;
typedef uint32_t resource_size_t;
typedef long ssize_t;
typedef long long loff_t;
typedef int irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int, void *);

struct module;
struct device { const char *name; void *driver_data; };
struct resource { resource_size_t start, end; const char *name; unsigned long flags; };
struct platform_device { const char *name; struct device dev; };
struct of_device_id { char compatible[128]; const void *data; };
struct device_driver { const char *name; const struct of_device_id *of_match_table; };
struct platform_driver {
	int (*probe)(struct platform_device *);
	int (*remove)(struct platform_device *);
	struct device_driver driver;
};
struct inode;
struct file { void *private_data; };
struct file_operations {
	struct module *owner;
	int (*open)(struct inode *, struct file *);
	ssize_t (*read)(struct file *, char *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char *, size_t, loff_t *);
	int (*release)(struct inode *, struct file *);
};
struct miscdevice { int minor; const char *name; const struct file_operations *fops; };

int printk(const char *fmt, ...);
void *devm_kzalloc(struct device *dev, size_t size, int gfp);
struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int n);
void __iomem *devm_ioremap_resource(struct device *dev, struct resource *res);
int platform_get_irq(struct platform_device *pdev, unsigned int n);
int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev_id);
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

static inline u32 readl(const volatile void __iomem *addr) { return *(const volatile u32 __force *)addr; }
static inline void writel(u32 value, volatile void __iomem *addr) { *(volatile u32 __force *)addr = value; }
static inline void memcpy_fromio(void *to, const volatile void __iomem *from, size_t n)
{
	const volatile u8 __force *s = from;
	u8 *d = to;
	while (n--)
		*d++ = *s++;
}
#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, args...) printk(KERN_ERR "%s: " fmt, (dev)->name, ##args)
#define module_platform_driver(drv) \
	static int __init drv##_init(void) { return platform_driver_register(&(drv)); } \
	static void __exit drv##_exit(void) { platform_driver_unregister(&(drv)); } \
	int init_module(void) { return drv##_init(); } \
	void cleanup_module(void) { drv##_exit(); }
#endif
