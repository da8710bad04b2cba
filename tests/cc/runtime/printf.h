/* A small printf for the differential corpus: prints to UART0 of the virt board.
 * Compiled by both compilers, so the programs' output is comparable byte for byte. */
#ifndef CC_TEST_PRINTF_H
#define CC_TEST_PRINTF_H
int printf(const char *fmt, ...);
void putchar_uart(int c);
#endif
