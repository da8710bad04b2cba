/* The PLIC's registers: priorities keep their low 3 bits, enable words
   read back, a claim with nothing pending returns 0, and the UART's
   THR-empty interrupt travels source 10 → pending → claim (clearing
   pending) → complete, with the threshold masking it. */
#include "common.h"

#define PRIORITY(s) ((volatile uint32_t *)(PLIC_BASE + 4 * (s)))
#define PENDING0 ((volatile uint32_t *)(PLIC_BASE + 0x1000))
#define ENABLE(ctx, w) ((volatile uint32_t *)(PLIC_BASE + 0x2000 + 0x80 * (ctx) + 4 * (w)))
#define THRESHOLD(ctx) ((volatile uint32_t *)(PLIC_BASE + 0x200000 + 0x1000 * (ctx)))
#define CLAIM(ctx) ((volatile uint32_t *)(PLIC_BASE + 0x200004 + 0x1000 * (ctx)))

static volatile uint32_t irqs;

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  uint32_t cause = read_csr(mcause);
  if (cause != 0x8000000bu) {
    print("unexpected mcause", cause);
    exit(3);
  }
  uint32_t src = *CLAIM(0);
  irqs++;
  UART0[1] = 0; /* IER off: the UART lowers its line */
  *CLAIM(0) = src;
  return src;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  *PRIORITY(10) = 0x1f;
  print("priority[10] after 0x1f", *PRIORITY(10));
  *PRIORITY(10) = 2;
  *ENABLE(0, 0) = 0xffffffffu;
  print("enable[0][0]", *ENABLE(0, 0));
  *ENABLE(0, 0) = 0;
  *ENABLE(1, 2) = 0x12345678u;
  print("enable[1][2]", *ENABLE(1, 2));
  *ENABLE(1, 2) = 0;
  print("claim with nothing pending", *CLAIM(0));
  *THRESHOLD(0) = 3;
  print("threshold[0]", *THRESHOLD(0));

  UART0[1] = 0x02; /* IER.THRI: the UART raises source 10 */
  print("pending after THRI", *PENDING0 & (1u << 10));
  *ENABLE(0, 0) = 1u << 10;
  print("mip.MEIP with threshold 3 > priority 2", (read_csr(mip) >> 11) & 1);
  *THRESHOLD(0) = 1;
  print("mip.MEIP with threshold 1", (read_csr(mip) >> 11) & 1);
  uint32_t src = *CLAIM(0);
  print("claimed", src);
  print("pending after claim", *PENDING0 & (1u << 10));
  print("claim again", *CLAIM(0));
  UART0[1] = 0;
  *CLAIM(0) = src;
  print("mip.MEIP after complete with the line low", (read_csr(mip) >> 11) & 1);

  puts("through the trap handler\n");
  write_csr(mie, 1u << 11);
  set_csr(mstatus, 1u << 3);
  UART0[1] = 0x02;
  for (volatile int i = 0; i < 10; i++) {
  }
  print("interrupts taken", irqs);
  print("pending at the end", *PENDING0 & (1u << 10));
  return 0;
}
