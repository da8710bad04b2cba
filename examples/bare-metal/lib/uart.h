/* uart.h: UART0 of the virt board (an ns16550a at 0x10000000) and the
 * finisher (0x100000) that powers the board off. Shared by the bare-metal
 * examples; uart.c has the code. */
#ifndef UART_H
#define UART_H

#include <stdint.h>

#define UART0 ((volatile uint8_t *)0x10000000)
#define UART_RBR 0 /* receive buffer (read) */
#define UART_THR 0 /* transmit holding register (write) */
#define UART_LSR 5 /* line status */
#define UART_LSR_DR 0x01   /* a received byte is waiting */
#define UART_LSR_THRE 0x20 /* the transmitter can take a byte */

void uart_putc(char c);
void uart_puts(const char *s);
void uart_putdec(int32_t v);
void uart_puthex(uint32_t v);
/* Waits for a byte typed in the terminal. */
char uart_getc(void);

/* Powers the board off: status 0 is a clean exit. */
void power_off(int status) __attribute__((noreturn));

#endif
