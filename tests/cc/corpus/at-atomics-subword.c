/* 1- and 2-byte __sync_/__atomic_ read-modify-writes, which our compiler inlines as masked
 * lr.w/sc.w loops on the aligned word. gcc 12 calls libatomic for them instead, so the gcc
 * build gets plain single-hart versions of those libatomic entry points below. */
#include "../runtime/printf.c"
typedef unsigned char u8;
typedef unsigned short u16;
struct packet { u8 a; signed char b; u16 c; short d; u8 e; } pkt = { 250, -3, 65530, -2, 7 };

#if __GNUC__ >= 5
#define LIBATOMIC_RMW(name, n, type, expr) \
	type name##_##n(volatile void *p, type v, int order) { type *q = (type *)p; type old = *q; (void)order; *q = (type)(expr); return old; }
#define LIBATOMIC_ALL(n, type) \
	LIBATOMIC_RMW(__atomic_fetch_add, n, type, old + v) LIBATOMIC_RMW(__atomic_fetch_sub, n, type, old - v) \
	LIBATOMIC_RMW(__atomic_fetch_and, n, type, old & v) LIBATOMIC_RMW(__atomic_fetch_or, n, type, old | v) \
	LIBATOMIC_RMW(__atomic_fetch_xor, n, type, old ^ v) LIBATOMIC_RMW(__atomic_fetch_nand, n, type, ~(old & v)) \
	LIBATOMIC_RMW(__atomic_exchange, n, type, v) \
	type __sync_fetch_and_add_##n(volatile void *p, type v) { return __atomic_fetch_add_##n(p, v, 5); } \
	type __sync_val_compare_and_swap_##n(volatile void *p, type o, type nv) { type *q = (type *)p; type old = *q; if (old == o) *q = nv; return old; } \
	_Bool __atomic_compare_exchange_##n(volatile void *p, void *e, type nv, _Bool w, int s, int f) { \
		type *q = (type *)p, *x = (type *)e; (void)w; (void)s; (void)f; \
		if (*q == *x) { *q = nv; return 1; } *x = *q; return 0; }
LIBATOMIC_ALL(1, u8)
LIBATOMIC_ALL(2, u16)
#endif

static void show(const char *what, int ret, int now) { printf("%s %d now %d\n", what, ret, now); }

int main(void) {
	int r;
	u8 ea = 1;
	short ed = -2;
	r = __atomic_fetch_add(&pkt.a, 10, __ATOMIC_SEQ_CST); show("a fetch_add", r, pkt.a);
	r = __atomic_add_fetch(&pkt.b, -200, __ATOMIC_RELAXED); show("b add_fetch", r, pkt.b);
	r = __atomic_fetch_sub(&pkt.c, 7, __ATOMIC_ACQ_REL); show("c fetch_sub", r, pkt.c);
	r = __atomic_sub_fetch(&pkt.d, 32767, __ATOMIC_SEQ_CST); show("d sub_fetch", r, pkt.d);
	r = __atomic_fetch_or(&pkt.e, 0xf0, __ATOMIC_SEQ_CST); show("e fetch_or", r, pkt.e);
	r = __atomic_and_fetch(&pkt.c, 0x0ff0, __ATOMIC_SEQ_CST); show("c and_fetch", r, pkt.c);
	r = __atomic_xor_fetch(&pkt.b, 0x7f, __ATOMIC_SEQ_CST); show("b xor_fetch", r, pkt.b);
	r = __atomic_nand_fetch(&pkt.a, 0x3c, __ATOMIC_SEQ_CST); show("a nand_fetch", r, pkt.a);
	r = __sync_fetch_and_add(&pkt.d, 5); show("d sync add", r, pkt.d);
	r = __sync_val_compare_and_swap(&pkt.c, 0, 9); show("c cas miss", r, pkt.c);
	r = __sync_val_compare_and_swap(&pkt.c, pkt.c, 9); show("c cas hit", r, pkt.c);
	r = __atomic_exchange_n(&pkt.e, 0x81, __ATOMIC_SEQ_CST); show("e exchange", r, pkt.e);
	r = __atomic_compare_exchange_n(&pkt.a, &ea, 3, 0, 5, 5); show("a cmpxchg miss", r, ea);
	r = __atomic_compare_exchange_n(&pkt.a, &ea, 3, 0, 5, 5); show("a cmpxchg hit", r, pkt.a);
	r = __atomic_compare_exchange_n(&pkt.d, &ed, 1, 0, 5, 5); show("d cmpxchg miss", r, ed);
	r = __atomic_compare_exchange_n(&pkt.d, &ed, 1, 0, 5, 5); show("d cmpxchg hit", r, pkt.d);
	printf("all %d %d %d %d %d\n", pkt.a, pkt.b, pkt.c, pkt.d, pkt.e);
	return 0;
}
