/* GCC's __sync_* and __atomic_* builtins on RV32A, as the kernel's atomic_t, cmpxchg and
 * bitops use them: returned old and new values, compare-and-swap success and failure paths,
 * memory orders, pointer operands and sub-word loads and stores. */
#include "../runtime/printf.c"
typedef struct { int counter; } atomic_t;
static atomic_t refs = { 3 };
int word = 10;
unsigned int flags = 0xf0;
int *slot;
int target_a = 1, target_b = 2;
short half = -5;
unsigned char byte = 200;
static int spin;

static int atomic_inc_return(atomic_t *v) { return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); }
static int atomic_dec_and_test(atomic_t *v) { return __sync_sub_and_fetch(&v->counter, 1) == 0; }
static int set_bit_old(int nr, unsigned int *addr) {
	unsigned int mask = 1u << nr;
	return (__atomic_fetch_or(addr, mask, __ATOMIC_ACQ_REL) & mask) != 0;
}

/* One builtin per statement: C leaves the order of printf's arguments unspecified. */
static void show(const char *what, int ret, int now) { printf("%s %d now %d (%x)\n", what, ret, now, now); }

static void sync_ops(void) {
	int r;
	r = __sync_fetch_and_add(&word, 5); show("fetch_and_add", r, word);
	r = __sync_fetch_and_sub(&word, 20); show("fetch_and_sub", r, word);
	r = __sync_fetch_and_or(&flags, 0x0f); show("fetch_and_or", r, flags);
	r = __sync_fetch_and_and(&flags, 0x3c); show("fetch_and_and", r, flags);
	r = __sync_fetch_and_xor(&flags, 0xff); show("fetch_and_xor", r, flags);
	r = __sync_add_and_fetch(&word, 7); show("add_and_fetch", r, word);
	r = __sync_sub_and_fetch(&word, 100); show("sub_and_fetch", r, word);
	r = __sync_or_and_fetch(&flags, 0x100); show("or_and_fetch", r, flags);
	r = __sync_and_and_fetch(&flags, 0x1f0); show("and_and_fetch", r, flags);
	r = __sync_xor_and_fetch(&flags, 0x11); show("xor_and_fetch", r, flags);
	r = __sync_val_compare_and_swap(&word, -98, 42); show("val_cas hit", r, word);
	r = __sync_val_compare_and_swap(&word, 41, 99); show("val_cas miss", r, word);
	r = __sync_bool_compare_and_swap(&word, 42, 43); show("bool_cas hit", r, word);
	r = __sync_bool_compare_and_swap(&word, 42, 44); show("bool_cas miss", r, word);
	r = __sync_lock_test_and_set(&spin, 1); show("test_and_set", r, spin);
	r = __sync_lock_test_and_set(&spin, 1); show("test_and_set again", r, spin);
	__sync_lock_release(&spin);
	__sync_synchronize();
	show("released", 0, spin);
}

static void atomic_ops(void) {
	int r, expected = 43;
	__atomic_store_n(&word, -8, __ATOMIC_RELEASE);
	r = __atomic_load_n(&word, __ATOMIC_SEQ_CST); show("load seq_cst", r, word);
	r = __atomic_load_n(&word, __ATOMIC_RELAXED); show("load relaxed", r, word);
	r = __atomic_load_n(&word, __ATOMIC_ACQUIRE); show("load acquire", r, word);
	r = __atomic_exchange_n(&word, 77, __ATOMIC_ACQ_REL); show("exchange", r, word);
	r = __atomic_fetch_add(&word, 3, __ATOMIC_RELAXED); show("fetch_add", r, word);
	r = __atomic_fetch_sub(&word, 10, __ATOMIC_SEQ_CST); show("fetch_sub", r, word);
	r = __atomic_fetch_and(&flags, 0xff, __ATOMIC_SEQ_CST); show("fetch_and", r, flags);
	r = __atomic_fetch_or(&flags, 0x300, __ATOMIC_RELEASE); show("fetch_or", r, flags);
	r = __atomic_fetch_xor(&flags, 0x55, __ATOMIC_ACQUIRE); show("fetch_xor", r, flags);
	r = __atomic_fetch_nand(&flags, 0xf0f, __ATOMIC_SEQ_CST); show("fetch_nand", r, flags);
	r = __atomic_add_fetch(&word, 1, 5); show("add_fetch", r, word);
	r = __atomic_sub_fetch(&word, 1000, 5); show("sub_fetch", r, word);
	r = __atomic_and_fetch(&flags, 0xfff, 5); show("and_fetch", r, flags);
	r = __atomic_or_fetch(&flags, 1, 0); show("or_fetch", r, flags);
	r = __atomic_xor_fetch(&flags, 0x8000, 2); show("xor_fetch", r, flags);
	r = __atomic_nand_fetch(&flags, 0xff, 3); show("nand_fetch", r, flags);
	r = __atomic_compare_exchange_n(&word, &expected, 5, 0, 5, 5); show("cmpxchg miss", r, expected);
	show("cmpxchg miss word", 0, word);
	r = __atomic_compare_exchange_n(&word, &expected, 5, 1, 2, 0); show("cmpxchg hit", r, expected);
	show("cmpxchg hit word", 0, word);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	__atomic_thread_fence(__ATOMIC_RELAXED);
}

static void pointers_and_halves(void) {
	int *old;
	__atomic_store_n(&slot, &target_a, __ATOMIC_SEQ_CST);
	old = __atomic_exchange_n(&slot, &target_b, __ATOMIC_SEQ_CST);
	show("ptr exchange", *old, *__atomic_load_n(&slot, __ATOMIC_ACQUIRE));
	old = __sync_val_compare_and_swap(&slot, &target_b, &target_a);
	show("ptr cas", *old, *slot);
	__atomic_store_n(&half, (short)-300, __ATOMIC_SEQ_CST);
	__atomic_store_n(&byte, 250, __ATOMIC_RELAXED);
	show("half and byte", __atomic_load_n(&half, __ATOMIC_SEQ_CST), __atomic_load_n(&byte, __ATOMIC_ACQUIRE));
}

int main(void) {
	int a, b;
	sync_ops();
	atomic_ops();
	pointers_and_halves();
	a = atomic_inc_return(&refs);
	b = atomic_inc_return(&refs);
	show("inc_return", a, b);
	a = atomic_dec_and_test(&refs);
	b = atomic_dec_and_test(&refs);
	show("dec_and_test", a * 10 + b, refs.counter);
	while (!atomic_dec_and_test(&refs)) {}
	show("refs", 0, refs.counter);
	a = set_bit_old(3, &flags);
	b = set_bit_old(3, &flags);
	show("set_bit 3", a * 10 + b, flags);
	a = set_bit_old(12, &flags);
	show("set_bit 12", a, flags);
	return 0;
}
