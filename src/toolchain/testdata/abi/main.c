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
	} while (0)

int main(void)
{
	CHECK(peer);
	CHECK(self);
	return 0;
}
