/* Functions defined on one side of the ABI test and called from the other. */
#include <stdarg.h>
struct s3 { char a, b, c; };
struct s8 { int x; short y; };
struct sll { long long v; };
struct s20 { int v[5]; };
int printf(const char *fmt, ...);
long long peer_many(int a, int b, int c, int d, int e, int f, int g, long long h, int i, struct s3 j);
struct s8 peer_s8(struct s8 in, int k);
struct s20 peer_s20(struct s20 in, struct sll w, char c);
long long peer_va(int n, ...);
unsigned long long peer_u64(unsigned long long a, unsigned b);
long long self_many(int a, int b, int c, int d, int e, int f, int g, long long h, int i, struct s3 j);
struct s8 self_s8(struct s8 in, int k);
struct s20 self_s20(struct s20 in, struct sll w, char c);
long long self_va(int n, ...);
unsigned long long self_u64(unsigned long long a, unsigned b);
