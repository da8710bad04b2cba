/* GNU C labels: an interpreter dispatching with labels as values and computed goto (static
 * and automatic jump tables), __label__ so a macro with a label can be used twice in one
 * function, and a labeled statement giving the value of a statement expression. */
#include "../runtime/printf.c"

enum { OP_PUSH, OP_ADD, OP_MUL, OP_PRINT, OP_HALT };

static int run(const int *code)
{
	static const void *const dispatch[] = { &&push, &&add, &&mul, &&print, &&halt };
	int stack[8], sp = 0, steps = 0;
#define NEXT() do { steps++; goto *dispatch[*code++]; } while (0)
	NEXT();
push:	stack[sp++] = *code++; NEXT();
add:	sp--; stack[sp - 1] += stack[sp]; NEXT();
mul:	sp--; stack[sp - 1] *= stack[sp]; NEXT();
print:	printf("top %d\n", stack[sp - 1]); NEXT();
halt:	return stack[sp - 1] * 100 + steps;
}

#define FIND_FIRST(arr, n, pred) ({ \
	__label__ found; \
	int __i; \
	for (__i = 0; __i < (n); __i++) if (pred(arr[__i])) goto found; \
	__i = -1; \
found: \
	__i; })
#define IS_NEG(x) ((x) < 0)
#define IS_BIG(x) ((x) > 100)

static int pick(int which)
{
	void *target = which ? &&second : &&first;
	goto *target;
first:
	return 1;
second:
	return 2;
}

int main(void)
{
	static const int prog[] = { OP_PUSH, 6, OP_PUSH, 7, OP_MUL, OP_PRINT, OP_PUSH, 8, OP_ADD, OP_PRINT, OP_HALT };
	int values[] = { 5, 200, -3, 7 };
	printf("run %d\n", run(prog));
	printf("first negative at %d, first big at %d\n", FIND_FIRST(values, 4, IS_NEG), FIND_FIRST(values, 4, IS_BIG));
	printf("none %d\n", FIND_FIRST(values, 2, IS_NEG));
	printf("pick %d %d\n", pick(0), pick(1));
	return 0;
}
