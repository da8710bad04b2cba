/* Calls both sides; compiled by our compiler. */
#include "abi.h"

#define CHECK(side)                                                                               \
	do {                                                                                          \
		struct s3 j = { 1, 2, 3 };                                                               \
		struct s8 a = side##_s8((struct s8){ 6, 100 }, 7);                                       \
		struct s20 in = { { 1, 2, 3, 4, 5 } };                                                   \
		struct s20 b = side##_s20(in, (struct sll){ 1000 }, 'A');                                \
		printf(#side " many %lld\n", side##_many(1, 2, 3, 4, 5, 6, 7, 1LL << 35, 9, j));        \
		printf(#side " s8 %d %d\n", a.x, a.y);                                                   \
		printf(#side " s20 %d %d %d\n", b.v[0], b.v[4], in.v[0]);                                \
		printf(#side " va %lld\n", side##_va(9, 1, 2LL << 40, 3, -4LL, 5, 6LL, 7, 8LL << 33, 9)); \
		printf(#side " u64 %llu\n", side##_u64(0x123456789abcdefULL, 1000003));                  \
		MORE(side);                                                                               \
	} while (0)

#define MORE(side)                                                                                \
	do {                                                                                          \
		struct pair p = { 3, 4 };                                                                \
		struct s5 f5 = { { 1, 2, 3, 4, 5 } };                                                    \
		struct s7 f7 = { { 10, 20, 30, 40, 50, 60, 70 } };                                       \
		struct s3 t3 = { 7, 8, 9 };                                                              \
		struct mixed mx = { 'm', -(1LL << 40) };                                                 \
		struct s20 bg = { { 1, 2, 3, 4, 500 } };                                                 \
		struct sll l1 = { 5 }, l2 = { 1LL << 35 };                                               \
		struct s7 r7 = side##_s7(f5, f7, t3);                                                    \
		printf(#side " split %d\n", side##_split(1, 2, 3, 4, 5, 6, 7, p));                       \
		printf(#side " s7 %d %d %d\n", r7.c[0], r7.c[2], r7.c[6]);                               \
		printf(#side " mixed %lld\n", side##_mixed(1, l1, 2, mx, l2));                           \
		printf(#side " after %d\n", side##_after(1, 2, 3, 4, 5, 6, 7, 8, p, t3, bg, l2));         \
		printf(#side " vstruct %lld\n", side##_vstruct(2, t3, l1, bg, t3, l2, bg));              \
	} while (0)

int main(void)
{
	CHECK(peer);
	CHECK(self);
	return 0;
}
