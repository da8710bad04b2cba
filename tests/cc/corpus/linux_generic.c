/* C11 _Generic and the constant-expression tests of Linux's headers: READ_ONCE through
 * __unqual_scalar_typeof, a type-dispatching helper, __is_constexpr behind min()/max()'s
 * checks, and GENMASK, whose sanity check must vanish for constant arguments. */
#include "../runtime/printf.c"
#define __scalar_type_to_expr_cases(type) unsigned type: (unsigned type)0, signed type: (signed type)0
#define __unqual_scalar_typeof(x) typeof(_Generic((x), char: (char)0, \
	__scalar_type_to_expr_cases(char), __scalar_type_to_expr_cases(short), \
	__scalar_type_to_expr_cases(int), __scalar_type_to_expr_cases(long), \
	__scalar_type_to_expr_cases(long long), default: (x)))
#define READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile typeof(x) *)&(x) = (val); } while (0)
#define __is_constexpr(x) (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
#define __no_side_effects(x, y) (__is_constexpr(x) && __is_constexpr(y))
#define min(x, y) ({ typeof(x) _x = (x); typeof(y) _y = (y); _x < _y ? _x : _y; })
#define min_t(type, x, y) min((type)(x), (type)(y))
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#define GENMASK_INPUT_CHECK(h, l) BUILD_BUG_ON_ZERO(__builtin_choose_expr(__is_constexpr((l) > (h)), (l) > (h), 0))
#define GENMASK(h, l) (GENMASK_INPUT_CHECK(h, l) + (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (32 - 1 - (h)))))
#define type_name(x) _Generic((x), int: "int", long: "long", unsigned int: "unsigned int", \
	char: "char", unsigned char: "unsigned char", signed char: "signed char", \
	const char *: "const char *", char *: "char *", long long: "long long", default: "other")

struct list_head { struct list_head *next, *prev; };
static int list_empty(const struct list_head *head) { return READ_ONCE(head->next) == head; }

int main(void)
{
	int counter = 5;
	long big = 7;
	unsigned char byte = 200;
	const unsigned char cbyte = 9;
	struct list_head head = { &head, &head };
	char buf[4] = "abc";
	__unqual_scalar_typeof(cbyte) copy = cbyte;
	copy++;
	WRITE_ONCE(counter, READ_ONCE(counter) + 1);
	printf("counter %d copy %d size %d\n", counter, copy, (int)sizeof(__unqual_scalar_typeof(big)));
	printf("%s %s %s %s %s %s %s\n", type_name(counter), type_name(big), type_name(byte), type_name(buf),
	       type_name("lit"), type_name((const char *)buf), type_name(1ULL));
	printf("%s %s %s\n", type_name('c'), type_name((char)1), type_name(counter + 0u));
	printf("constexpr %d %d %d %d\n", __is_constexpr(3), __is_constexpr(counter), __is_constexpr(sizeof(big) * 2),
	       __no_side_effects(1, 2));
	printf("min %d %d genmask %lx %lx\n", min(counter, 4), min_t(int, big, 100), GENMASK(7, 4), GENMASK(31, 0));
	printf("list empty %d\n", list_empty(&head));
	return 0;
}
