/* main.c: a bare-metal program for the source-level debugger's tests: calls
 * into lib.c, a loop long enough to pause, and a wait for a key on UART0. */
#include "lib.h"

int main(void)
{
	int a = twice(21);
	int b = add(a, 1);
	spin(1000);
	char c = wait_key();
	spin(100000000);
	return b - 43 + (c - 'k');
}
