/* A frame far beyond 12-bit offsets: 64-bit locals, struct copies, struct arguments and
 * results, and narrow locals all addressed past 2 KiB and 8 KiB from the frame pointer. */
#include "../runtime/printf.c"
struct s { int v[7]; long long w; };
static struct s mk(int k) { struct s r; for (int i = 0; i < 7; i++) r.v[i] = k + i; r.w = (long long)k << 35; return r; }
static long long use(struct s a, struct s b, long long c) { return a.v[6] + b.v[0] + a.w + b.w + c; }
int main(void) {
	char pad1[3000];
	long long big = 0x123456789LL;
	struct s a = mk(1);
	char pad2[5000];
	struct s b = mk(2), c;
	int arr[600];
	unsigned char small = 200;
	for (int i = 0; i < 3000; i++) pad1[i] = (char)i;
	for (int i = 0; i < 5000; i++) pad2[i] = (char)(i * 3);
	for (int i = 0; i < 600; i++) arr[i] = i * i;
	c = a;
	a = b;
	b = c;
	big += use(a, b, big);
	big *= arr[599];
	small += pad1[2999] + pad2[4999];
	printf("%lld %d %d %u %d %d\n", big, a.v[0], b.v[6], small, arr[300], c.v[3]);
	return 0;
}
