/* Scopes and declarations: shadowing in nested blocks and for-loops, a typedef name hidden by a
 * variable, block-scoped struct tags, tentative definitions, structs completed after use through
 * pointers, break inside a switch inside a loop vs continue, goto into and out of loops,
 * statement expressions yielding structs, const pointers, array parameters with static. */
#include "../runtime/printf.c"

int tentative;
int tentative = 5;
static int stat_tent;
static int stat_tent = 7;
int zero_tent;

typedef int T;
struct later;
static struct later *keep;
struct later { int v; struct later *self; };
static struct later inst = { 42, &inst };

struct pt { int x, y; };

static int sum4(const int a[static 4]) { return a[0] + a[1] + a[2] + a[3]; }

static int loops(void)
{
	int out = 0;
	for (int i = 0; i < 6; i++) {
		switch (i % 3) {
		case 0: out += 1; break;
		case 1: if (i > 3) continue; out += 10; break;
		default: out += 100;
		}
		out += 1000;
	}
	int k = 0;
	goto inside;
	while (k < 5) {
		out += 10000;
inside:
		k += 2;
	}
	for (int a = 0; a < 3; a++)
		for (int b = 0; b < 3; b++)
			if (a * b == 2) goto done;
	out = -1;
done:
	return out + k;
}

int main(void)
{
	int x = 1;
	{
		int x = 2;
		{
			int x = 3;
			printf("inner %d\n", x);
		}
		printf("middle %d\n", x);
	}
	for (int x = 10; x < 11; x++)
		printf("loop %d\n", x);
	printf("outer %d\n", x);
	{
		T T = 9;
		printf("typedef shadow %d\n", T);
	}
	T t2 = 4;
	{
		struct pt { char c; } local = { 'z' };
		printf("block tag %c %u\n", local.c, (unsigned)sizeof(struct pt));
	}
	printf("file tag %u tentative %d %d %d\n", (unsigned)sizeof(struct pt), tentative, stat_tent, zero_tent);
	keep = &inst;
	printf("later %d %d\n", keep->self->self->v, t2);
	printf("loops %d\n", loops());
	struct pt mid = ({ struct pt a = { 1, 2 }, b = { 5, 8 }; (struct pt){ (a.x + b.x) / 2, (a.y + b.y) / 2 }; });
	printf("stmt struct %d %d\n", mid.x, mid.y);
	int arr[] = { 1, 2, 3, 4, 5 };
	int *const cp = arr;
	const int *pc = arr + 1;
	const int *const cpc = arr + 2;
	*cp = 10;
	pc++;
	printf("const %d %d %d sum %d\n", *cp, *pc, *cpc, sum4(arr + 1));
	int comma = arr[(1, 2)];
	printf("comma %d\n", comma);
	for (int spin = 0; spin < 3; spin++)
		;
	while (0)
		;
	return 0;
}
