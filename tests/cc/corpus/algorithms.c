/* Ordinary C at work: sorting with a comparator, binary search, a sieve, CRC-32,
 * 64-bit FNV-1a, a linked list in a static pool, recursion (Ackermann, Towers of Hanoi). */
#include "../runtime/printf.c"

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, unsigned n)
{
	while (n--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void sort(void *base, unsigned n, unsigned size, cmp_fn cmp)
{
	char *b = base;
	for (unsigned i = 1; i < n; i++)
		for (unsigned j = i; j > 0 && cmp(b + (j - 1) * size, b + j * size) > 0; j--)
			swap_bytes(b + (j - 1) * size, b + j * size, size);
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

struct person { const char *name; int age; };
static int cmp_age_then_name(const void *a, const void *b)
{
	const struct person *p = a, *q = b;
	if (p->age != q->age)
		return p->age - q->age;
	const char *x = p->name, *y = q->name;
	while (*x && *x == *y) {
		x++;
		y++;
	}
	return (unsigned char)*x - (unsigned char)*y;
}

static int bsearch_int(const int *v, int n, int key)
{
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (v[mid] == key)
			return mid;
		if (v[mid] < key)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static unsigned crc32(const unsigned char *p, unsigned n)
{
	unsigned crc = 0xffffffffu;
	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

static unsigned long long fnv1a64(const char *s)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

struct node { int value; struct node *next; };
static struct node pool[16];
static int pool_used;

static struct node *push(struct node *head, int v)
{
	struct node *n = &pool[pool_used++];
	n->value = v;
	n->next = head;
	return n;
}

static struct node *reverse(struct node *head)
{
	struct node *prev = 0;
	while (head) {
		struct node *next = head->next;
		head->next = prev;
		prev = head;
		head = next;
	}
	return prev;
}

static unsigned ackermann(unsigned m, unsigned n)
{
	if (m == 0)
		return n + 1;
	if (n == 0)
		return ackermann(m - 1, 1);
	return ackermann(m - 1, ackermann(m, n - 1));
}

static int hanoi(int n, char from, char to, char via, int print)
{
	if (n == 0)
		return 0;
	int moves = hanoi(n - 1, from, via, to, print);
	if (print)
		printf("%c>%c ", from, to);
	return moves + 1 + hanoi(n - 1, via, to, from, print);
}

int main(void)
{
	int v[] = { 42, -7, 19, 0, 1000, 3, 3, -250, 77, 8 };
	unsigned n = sizeof v / sizeof v[0];
	sort(v, n, sizeof v[0], cmp_int);
	for (unsigned i = 0; i < n; i++)
		printf("%d ", v[i]);
	printf("\nfind %d %d %d\n", bsearch_int(v, n, 77), bsearch_int(v, n, -250), bsearch_int(v, n, 5));
	struct person people[] = { { "eve", 30 }, { "bob", 25 }, { "amy", 30 }, { "dan", 19 } };
	sort(people, 4, sizeof people[0], cmp_age_then_name);
	for (int i = 0; i < 4; i++)
		printf("%s:%d ", people[i].name, people[i].age);
	printf("\n");
	static char sieve[200];
	int primes = 0, last = 0;
	for (int i = 2; i < 200; i++) {
		if (sieve[i])
			continue;
		primes++;
		last = i;
		for (int j = i * i; j < 200; j += i)
			sieve[j] = 1;
	}
	printf("primes %d last %d\n", primes, last);
	const char *text = "The quick brown fox jumps over the lazy dog";
	unsigned len = 0;
	while (text[len])
		len++;
	printf("crc32 %08x fnv %llx\n", crc32((const unsigned char *)text, len), fnv1a64(text));
	struct node *list = 0;
	for (int i = 1; i <= 5; i++)
		list = push(list, i * i);
	list = reverse(list);
	for (struct node *p = list; p; p = p->next)
		printf("%d%s", p->value, p->next ? "," : "\n");
	printf("ackermann %u hanoi %d\n", ackermann(2, 3), hanoi(10, 'a', 'c', 'b', 0));
	hanoi(3, 'a', 'c', 'b', 1);
	printf("\n");
	return 0;
}
