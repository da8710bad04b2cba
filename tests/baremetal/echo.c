/* An interactive fixture (the e2e test builds and loads it): prints a
   banner, then echoes every byte typed on UART0. Input arrives by
   interrupt: UART IER.RDI → PLIC source 10 → context 0 → mip.MEIP; the
   handler claims the source, drains RBR and completes. Ctrl-D powers off. */
#include "common.h"

#define UART_IRQ 10
#define PLIC_PRIORITY(src) ((volatile uint32_t *)(PLIC_BASE + 4 * (src)))
#define PLIC_ENABLE_CTX0 ((volatile uint32_t *)(PLIC_BASE + 0x2000))
#define PLIC_THRESHOLD_CTX0 ((volatile uint32_t *)(PLIC_BASE + 0x200000))
#define PLIC_CLAIM_CTX0 ((volatile uint32_t *)(PLIC_BASE + 0x200004))

static volatile int done;

static void echo_byte(uint8_t c) {
  if (c == 4) {
    puts("\nbye\n");
    done = 1;
  } else if (c == '\r') {
    puts("\r\n");
  } else {
    putc((char)c);
  }
}

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  if (read_csr(mcause) != 0x8000000bu) {
    print("unexpected mcause", read_csr(mcause));
    exit(3);
  }
  uint32_t src = *PLIC_CLAIM_CTX0;
  if (src == UART_IRQ) {
    while (UART0[5] & 0x01) echo_byte(UART0[0]);
  }
  if (src) *PLIC_CLAIM_CTX0 = src;
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  puts("echo: type something (Ctrl-D powers off)\n");
  *PLIC_PRIORITY(UART_IRQ) = 1;
  *PLIC_ENABLE_CTX0 = 1u << UART_IRQ;
  *PLIC_THRESHOLD_CTX0 = 0;
  UART0[1] = 0x01; /* IER: received data available */
  write_csr(mie, 1u << 11);
  set_csr(mstatus, 1u << 3);
  while (!done) __asm__ volatile("wfi");
  return 0;
}
