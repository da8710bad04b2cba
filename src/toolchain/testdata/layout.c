/* Layout and constant-expression probe: gcc and our parser must agree on every word of
 * `layout` (sizes, alignments, offsets, bit-field packing, types of expressions). */
#include <stddef.h>
#include <stdint.h>

struct a { char c; int i; short s; };
struct b { char c; long long ll; char d; };
struct c { char c[3]; struct a inner; uint64_t u; };
union d { char c; int i; long long ll; char buf[13]; };
struct e { int n; char data[]; };
struct f { unsigned a : 3; unsigned b : 7; int c : 10; unsigned d : 20; char e; };
struct g { char c; unsigned short s : 4; unsigned char z : 2; long long w : 40; };
struct h { short x; struct { char p, q; } pq; union { int i; char k; }; };
struct __attribute__((packed)) pk { char c; int i; short s; };
struct al { char c; int i __attribute__((aligned(16))); };
struct bb { _Bool flag; char c; _Bool more : 1; };
struct fp { void (*cb)(int); char c; int (*arr[3])(void); };
enum small { S_A, S_B = 5, S_C };
enum neg { N_A = -1, N_B };
typedef struct c c_t;

struct b bvar;
char cvar;
long long llvar;
unsigned u;
long l;

unsigned layout[] = {
	sizeof(struct a), _Alignof(struct a), offsetof(struct a, s),
	sizeof(struct b), _Alignof(struct b), offsetof(struct b, ll), offsetof(struct b, d),
	sizeof(struct c), offsetof(struct c, inner.s), offsetof(struct c, u),
	sizeof(union d), _Alignof(union d),
	sizeof(struct e), offsetof(struct e, data),
	sizeof(struct f), sizeof(struct g), _Alignof(struct g),
	sizeof(struct h), offsetof(struct h, pq.q), offsetof(struct h, k),
	sizeof(struct pk), offsetof(struct pk, s),
	sizeof(struct al), offsetof(struct al, i), _Alignof(struct al),
	sizeof(struct bb), sizeof(struct fp), offsetof(struct fp, arr[2]),
	sizeof(enum small), S_C, (unsigned)N_B,
	sizeof(c_t[3][2]), sizeof(int (*)[7]), sizeof(char[5][3]),
	sizeof(cvar + cvar), sizeof(1 ? cvar : llvar), sizeof(u + l), sizeof(bvar.ll << 1), sizeof(-cvar),
	__builtin_types_compatible_p(typeof(u + l), unsigned long),
	__builtin_types_compatible_p(typeof(cvar + 1u), unsigned int),
	__builtin_types_compatible_p(typeof(1 ? 1 : 1u), unsigned int),
	(unsigned char)-1, -1 >> 1, 1u << 31 >> 31, (-7) / 2, (-7) % 2, (unsigned)-1 / 3,
	(unsigned)(0xfffffffffULL >> 4), (unsigned)(-5LL * 3), 07 + 0x10, 'A' + '\n', (unsigned)(signed char)0x80,
	(3 > 2) + (2 >= 3) * 10 + (1 == 1) * 100, !5 + ~0u, 5 ? 6 : 7, 0 ?: 9,
	sizeof(int[10]) / sizeof(int), (unsigned)(uintptr_t)&((struct c *)0)->inner.i,
	(unsigned)(-1 < 0u), (unsigned)(-1L < 0u), (unsigned)(-1LL < 0u),
};
