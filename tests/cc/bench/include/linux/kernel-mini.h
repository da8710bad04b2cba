/* A kernel-like header set for the compile-speed benchmark: the shapes of the
 * Linux declarations a platform driver includes (types, macros, I/O accessors). */
#pragma once
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
typedef long ssize_t;
typedef long long loff_t;
typedef unsigned int gfp_t;
typedef int irqreturn_t;

#define __iomem
#define __user
#define __init
#define __exit
#define __must_check
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define container_of(ptr, type, member) ({ \
	const typeof(((type *)0)->member) *__mptr = (ptr); \
	(type *)((char *)__mptr - offsetof(type, member)); })
#define BIT(n) (1UL << (n))
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (31 - (h))))
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-4095)

#define EINVAL 22
#define ENOMEM 12
#define EBUSY 16
#define EFAULT 14
#define ENODEV 19
#define ETIMEDOUT 110
#define GFP_KERNEL 0u
#define IRQ_NONE 0
#define IRQ_HANDLED 1
#define KERN_INFO "\0016"
#define KERN_ERR "\0013"
#define KERN_WARNING "\0014"

#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_err(dev, fmt, ##__VA_ARGS__)

struct list_head { struct list_head *next, *prev; };
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)

static inline void INIT_LIST_HEAD(struct list_head *list) { list->next = list; list->prev = list; }
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	struct list_head *prev = head->prev;
	head->prev = new;
	new->next = head;
	new->prev = prev;
	prev->next = new;
}
static inline void list_del(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
}
static inline bool list_empty(const struct list_head *head) { return head->next == head; }

typedef struct { int counter; } atomic_t;
static inline int atomic_read(const atomic_t *v) { return *(volatile const int *)&v->counter; }
static inline void atomic_set(atomic_t *v, int i) { *(volatile int *)&v->counter = i; }
static inline int atomic_add_return(int i, atomic_t *v) { int n = atomic_read(v) + i; atomic_set(v, n); return n; }
#define atomic_inc(v) ((void)atomic_add_return(1, v))

struct device;
struct resource { uint32_t start, end; const char *name; unsigned long flags; };
struct platform_device { const char *name; int id; struct device *dev_ptr; struct resource *resource; unsigned int num_resources; };
struct of_device_id { char name[32]; char type[32]; char compatible[128]; const void *data; };
struct platform_driver {
	int (*probe)(struct platform_device *);
	int (*remove)(struct platform_device *);
	struct { const char *name; const struct of_device_id *of_match_table; } driver;
};
struct file;
struct inode;
struct file_operations {
	void *owner;
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
};
struct kernel_param;
struct kernel_param_ops {
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
};

int printk(const char *fmt, ...);
void _dev_info(struct device *dev, const char *fmt, ...);
void _dev_err(struct device *dev, const char *fmt, ...);
void *kzalloc(size_t size, gfp_t flags);
void kfree(const void *p);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t flags);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
int platform_get_irq(struct platform_device *pdev, unsigned int num);
int devm_request_irq(struct device *dev, unsigned int irq, irqreturn_t (*handler)(int, void *), unsigned long flags, const char *name, void *dev_id);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);
void *debugfs_create_dir(const char *name, void *parent);
void *debugfs_create_file(const char *name, unsigned short mode, void *parent, void *data, const struct file_operations *fops);
void debugfs_remove_recursive(void *dentry);
u64 ktime_get_ns(void);
void msleep(unsigned int msecs);

static inline u32 readl(const volatile void __iomem *addr) { u32 v = *(const volatile u32 *)addr; __asm__ volatile("fence i,r" ::: "memory"); return v; }
static inline void writel(u32 value, volatile void __iomem *addr) { __asm__ volatile("fence w,o" ::: "memory"); *(volatile u32 *)addr = value; }
static inline u64 readq(const volatile void __iomem *addr) { return readl(addr) | ((u64)readl((const volatile char __iomem *)addr + 4) << 32); }
static inline void writeq(u64 value, volatile void __iomem *addr) { writel((u32)value, addr); writel((u32)(value >> 32), (volatile char __iomem *)addr + 4); }
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }

#define module_init(fn) int init_module(void) { return fn(); }
#define module_exit(fn) void cleanup_module(void) { fn(); }
#define MODULE_LICENSE(x) static const char __module_license[] __attribute__((unused)) = x
#define MODULE_AUTHOR(x) static const char __module_author[] __attribute__((unused)) = x
#define MODULE_DESCRIPTION(x) static const char __module_description[] __attribute__((unused)) = x
#define module_param_cb(name, ops, arg, perm) \
	static const struct { const char *n; const struct kernel_param_ops *o; void *a; int p; } __param_##name \
	__attribute__((unused)) = { #name, ops, arg, perm }
