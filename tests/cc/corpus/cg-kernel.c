/* Kernel idioms: intrusive lists with container_of and typeof-based iteration macros,
 * ops tables, ERR_PTR/IS_ERR, BIT/GENMASK/FIELD_GET helpers, likely/unlikely,
 * __must_check-style attributes, and a static inline header-style API. */
#include "../runtime/printf.c"
#include <stddef.h>
#include <stdint.h>

#define container_of(ptr, type, member) ({ const typeof(((type *)0)->member) *__mptr = (ptr); (type *)((char *)__mptr - offsetof(type, member)); })
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_for_each_entry(pos, head, member) \
	for (pos = list_entry((head)->next, typeof(*pos), member); &pos->member != (head); \
	     pos = list_entry(pos->member.next, typeof(*pos), member))
#define BIT(n) (1UL << (n))
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (31 - (h))))
#define FIELD_GET(mask, reg) (((reg) & (mask)) >> __builtin_ctz(mask))
#define FIELD_PREP(mask, val) (((uint32_t)(val) << __builtin_ctz(mask)) & (mask))
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

struct list_head { struct list_head *next, *prev; };
#define LIST_HEAD_INIT(name) { &(name), &(name) }

static inline void INIT_LIST_HEAD(struct list_head *l) { l->next = l; l->prev = l; }
static inline void __list_add(struct list_head *n, struct list_head *prev, struct list_head *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}
static inline void list_add_tail(struct list_head *n, struct list_head *head) { __list_add(n, head->prev, head); }
static inline void list_del(struct list_head *e)
{
	e->next->prev = e->prev;
	e->prev->next = e->next;
}
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline int IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }

struct device;
struct dev_ops { int (*start)(struct device *); int (*stop)(struct device *); const char *name; };
struct device { int id; unsigned flags; struct list_head node; const struct dev_ops *ops; };

static int started;
static int dev_start(struct device *d) { started += d->id; return 0; }
static int dev_stop(struct device *d) { return d->id > 2 ? -16 : 0; }
static const struct dev_ops default_ops = { .start = dev_start, .stop = dev_stop, .name = "default" };
static struct list_head devices = LIST_HEAD_INIT(devices);
static struct device pool[5];

static struct device *__attribute__((warn_unused_result)) dev_get(int id)
{
	if (id < 0 || id >= 5)
		return ERR_PTR(-22);
	return &pool[id];
}

int main(void)
{
	struct device *d;
	for (int i = 0; i < 5; i++) {
		pool[i].id = i;
		pool[i].flags = FIELD_PREP(GENMASK(7, 4), i) | BIT(i);
		pool[i].ops = &default_ops;
		list_add_tail(&pool[i].node, &devices);
	}
	list_del(&pool[2].node);
	list_for_each_entry(d, &devices, node) {
		int r = d->ops->start(d);
		printf("dev %d flags %x field %u start %d stop %d\n", d->id, d->flags, (unsigned)FIELD_GET(GENMASK(7, 4), d->flags), r, d->ops->stop(d));
	}
	printf("started %d ops %s\n", started, default_ops.name);
	struct device *bad = dev_get(9), *good = dev_get(1);
	printf("err %d %ld ok %d %d\n", IS_ERR(bad), PTR_ERR(bad), IS_ERR(good), good->id);
	struct list_head *pos = devices.next;
	struct device *first = container_of(pos, struct device, node);
	printf("first %d mask %lx\n", first->id, GENMASK(31, 28));
	return 0;
}
