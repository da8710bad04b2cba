/* lib.c: the calls main.c steps over, into and out of. */
#include "lib.h"

int add(int x, int y)
{
	int s;

	s = x + y;
	return s;
}

int twice(int x)
{
	return add(x, x);
}

void spin(int n)
{
	for (volatile int i = 0; i < n; i++) { }
}

char wait_key(void)
{
	while (!(*(volatile unsigned char *)0x10000005 & 1)) { }
	return *(volatile unsigned char *)0x10000000;
}
