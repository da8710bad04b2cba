/* Checked arithmetic as <linux/overflow.h> uses it: check_{add,sub,mul}_overflow on 8-, 16-,
 * 32- and 64-bit types, signed and unsigned, mixed operand types, kcalloc's size check,
 * struct_size, and __builtin_object_size on objects whose size is known. */
#include "../runtime/printf.c"
typedef unsigned int size_t;
#define SIZE_MAX (~(size_t)0)
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
static inline size_t size_mul(size_t a, size_t b) { size_t r; return check_mul_overflow(a, b, &r) ? SIZE_MAX : r; }
static inline size_t size_add(size_t a, size_t b) { size_t r; return check_add_overflow(a, b, &r) ? SIZE_MAX : r; }
#define struct_size(p, member, count) size_add(sizeof(*(p)), size_mul(sizeof(*(p)->member), count))
struct sample_buf { int count; short samples[]; };

static size_t kcalloc_bytes(size_t n, size_t size)
{
	size_t bytes;
	if (__builtin_mul_overflow(n, size, &bytes)) return 0;
	return bytes;
}

int main(void)
{
	unsigned u; int i; unsigned char uc; signed char sc; short s; long long ll; unsigned long long ull;
	int o;
	o = check_add_overflow(0xfffffff0u, 0x20u, &u); printf("uadd %d %x\n", o, u);
	o = check_add_overflow(0x7fffffff, 1, &i); printf("sadd %d %d\n", o, i);
	o = check_sub_overflow(3u, 5u, &u); printf("usub %d %x\n", o, u);
	o = check_sub_overflow(-2147483647 - 1, 1, &i); printf("ssub %d %d\n", o, i);
	o = check_mul_overflow(0x10000u, 0x10000u, &u); printf("umul %d %x\n", o, u);
	o = check_mul_overflow(-46341, 46341, &i); printf("smul %d %d\n", o, i);
	o = check_mul_overflow(-3, 5, &i); printf("smul small %d %d\n", o, i);
	o = check_add_overflow(200, 100, &uc); printf("u8 %d %d\n", o, uc);
	o = check_sub_overflow(-100, 100, &sc); printf("s8 %d %d\n", o, sc);
	o = check_mul_overflow(300, 300, &s); printf("s16 %d %d\n", o, s);
	o = check_sub_overflow(1u, 2, &i); printf("mixed %d %d\n", o, i);
	o = check_add_overflow(-1, 0u, &u); printf("neg to unsigned %d %x\n", o, u);
	o = check_mul_overflow(0xffffffffu, 0xffffffffu, &u); printf("umul max %d %x\n", o, u);
	ll = 0x7fffffffffffffffLL;
	o = check_add_overflow(ll, 1LL, &ll); printf("s64 add %d %llx\n", o, ll);
	ull = 0xffffffffffffffffULL;
	o = check_add_overflow(ull, 2ULL, &ull); printf("u64 add %d %llx\n", o, ull);
	o = check_sub_overflow(0ULL, 1ULL, &ull); printf("u64 sub %d %llx\n", o, ull);
	ll = -0x7fffffffffffffffLL - 1;
	o = check_sub_overflow(ll, 1LL, &ll); printf("s64 sub %d %llx\n", o, ll);
	o = check_mul_overflow(0x100000000ULL, 0x100000000ULL, &ull); printf("u64 mul %d %llx\n", o, ull);
	o = check_mul_overflow(0x12345678ULL, 0x100ULL, &ull); printf("u64 mul ok %d %llx\n", o, ull);
	ll = -0x7fffffffffffffffLL - 1;
	o = check_mul_overflow(ll, -1LL, &ll); printf("s64 mul min %d %llx\n", o, ll);
	o = check_mul_overflow(-4000000000LL, 3LL, &ll); printf("s64 mul %d %lld\n", o, ll);
	printf("kcalloc %u %u\n", kcalloc_bytes(10, 12), kcalloc_bytes(0x40000000, 8));
	struct sample_buf *sb = 0;
	printf("struct_size %u %u\n", struct_size(sb, samples, 10), struct_size(sb, samples, 0x80000000u));
	static char frame[24];
	int words[5];
	printf("object_size %u %u %u %d\n", __builtin_object_size(frame, 0), __builtin_object_size(&frame[4], 0),
	       __builtin_object_size(words, 0), (int)__builtin_object_size(words, 2) >= 0);
	return 0;
}
