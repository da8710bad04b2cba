/* echo.c: reads what you type in the terminal and writes it back, by
 * polling the UART's line status register. Ctrl-D powers the board off. */
#include "uart.h"

int main(void) {
  uart_puts("echo: type something (Ctrl-D powers the board off)\n");
  for (;;) {
    char c = uart_getc();
    if (c == 4) break; /* Ctrl-D */
    if (c == '\r') c = '\n';
    uart_putc(c);
  }
  uart_puts("\nbye\n");
  power_off(0);
}
