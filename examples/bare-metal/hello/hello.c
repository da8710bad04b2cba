/* hello.c: the smallest bare-metal program. No kernel: main() runs in
 * M-mode right after the start-up code, prints on UART0 and powers the
 * board off. uart.c and uart.h are linked in with it. */
#include "uart.h"

int main(void) {
  uart_puts("Hello from bare metal on the virt board!\n");
  uart_puts("2 + 40 = ");
  uart_putdec(2 + 40);
  uart_putc('\n');
  power_off(0);
}
