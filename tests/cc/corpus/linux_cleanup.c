/* Scope-based cleanup as <linux/cleanup.h> builds it on __attribute__((cleanup)): guard(mutex)
 * unlocks on every way out of a scope (end of block, return, break, continue), scoped_guard()
 * releases after its body, __free(kfree) frees what was not handed on with no_free_ptr(), and
 * DEFINE_SPINLOCK/DEFINE_MUTEX initialize statics (function-local ones too) from compound literals. */
#include "../runtime/printf.c"
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

typedef struct { int locked; } spinlock_t;
struct mutex { spinlock_t wait_lock; int count; const char *name; };
#define __SPIN_LOCK_UNLOCKED(x) (spinlock_t){ .locked = 0 }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_MUTEX(m) struct mutex m = { .wait_lock = __SPIN_LOCK_UNLOCKED(m.wait_lock), .count = 0, .name = #m }

static int events;
static void mutex_lock(struct mutex *m) { m->count++; events = events * 10 + 1; }
static void mutex_unlock(struct mutex *m) { m->count--; events = events * 10 + 2; }

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...) \
typedef _type class_##_name##_t; \
static inline void class_##_name##_destructor(_type *p) { _type _T = *p; _exit; } \
static inline _type class_##_name##_constructor(_init_args) { _type t = _init; return t; }
#define CLASS(_name, var) class_##_name##_t var __cleanup(class_##_name##_destructor) = class_##_name##_constructor
#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
	DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({ _lock; _T; }), _type _T)
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
	for (CLASS(_name, scope)(args), *done = (void *)0; !done; done = (void *)1)

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

static int allocated, freed;
static char pool[4][16];
static void *kmalloc(int n) { (void)n; return pool[allocated++]; }
static void kfree(const void *p) { if (p) freed++; }
#define DEFINE_FREE(_name, _type, _free) static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name) __cleanup(__free_##_name)
#define no_free_ptr(p) ({ __auto_type __ptr = (p); (p) = (void *)0; __ptr; })
DEFINE_FREE(kfree, void *, if (_T) kfree(_T))

DEFINE_MUTEX(dev_lock);
DEFINE_SPINLOCK(irq_lock);

static int read_counter(int fail)
{
	guard(mutex)(&dev_lock);
	if (fail) return -5;
	return dev_lock.count * 100;
}

static int sum_under_lock(int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++) {
		guard(mutex)(&dev_lock);
		if (i == 1) continue;
		if (i == 3) break;
		sum += i;
	}
	return sum;
}

static void *make_buffer(int keep)
{
	void *buf __free(kfree) = kmalloc(16);
	if (!keep) return 0;
	return no_free_ptr(buf);
}

static int next_id(void)
{
	static DEFINE_SPINLOCK(id_lock);
	static int id = 200;
	return id_lock.locked + id++;
}

int main(void)
{
	printf("%s count %d spin %d\n", dev_lock.name, dev_lock.count, irq_lock.locked);
	printf("read %d events %d\n", read_counter(0), events);
	events = 0;
	printf("read %d events %d\n", read_counter(1), events);
	events = 0;
	printf("sum %d events %d count %d\n", sum_under_lock(5), events, dev_lock.count);
	events = 0;
	scoped_guard(mutex, &dev_lock) {
		printf("inside scoped_guard count %d\n", dev_lock.count);
	}
	printf("after scoped_guard count %d events %d\n", dev_lock.count, events);
	void *kept = make_buffer(1), *dropped = make_buffer(0);
	int id1 = next_id(), id2 = next_id();
	printf("ids %d %d\n", id1, id2);
	printf("allocated %d freed %d kept %d dropped %d\n", allocated, freed, kept != 0, dropped != 0);
	return dev_lock.count;
}
