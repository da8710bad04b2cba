/* The ns16550a's registers as a driver sees them: power-on values, the
   divisor latch behind LCR.DLAB, the scratch register, MCR's 5 bits, FIFO
   enable in IIR's top bits, the THR-empty interrupt identified in IIR and
   acknowledged by reading it, loopback (MCR.LOOP), and its path to the PLIC
   (source 10). */
#include "common.h"

#define RBR 0
#define IER 1
#define IIR 2
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define MSR 6
#define SCR 7
#define PLIC_PENDING0 ((volatile uint32_t *)(PLIC_BASE + 0x1000))

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  print("unexpected mcause", read_csr(mcause));
  exit(3);
}

static void show(const char *what) {
  puts(what);
  puts(": ier ");
  puthex(UART0[IER]);
  puts(" iir ");
  puthex(UART0[IIR]);
  puts(" lcr ");
  puthex(UART0[LCR]);
  puts(" mcr ");
  puthex(UART0[MCR]);
  puts(" lsr ");
  puthex(UART0[LSR]);
  puts(" msr ");
  puthex(UART0[MSR]);
  puts(" plic pending ");
  puthex(*PLIC_PENDING0 & (1u << 10));
  putc('\n');
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  show("power-on");
  UART0[LCR] = 0x80; /* DLAB: offsets 0 and 1 are the divisor latch (no printing now) */
  uint32_t dll = UART0[RBR], dlm = UART0[IER];
  UART0[RBR] = 0x01;
  UART0[IER] = 0x00;
  uint32_t dll2 = UART0[RBR];
  UART0[LCR] = 0x03;
  print("dll", dll);
  print("dlm", dlm);
  print("dll after write", dll2);
  UART0[SCR] = 0x5a;
  print("scr", UART0[SCR]);
  UART0[MCR] = 0x0f; /* not LOOP: printing goes on */
  print("mcr after 0x0f", UART0[MCR]);
  UART0[MCR] = 0x0b;
  UART0[MCR] = 0x1b; /* LOOP: what is sent comes back (no printing now) */
  UART0[RBR] = 'Z';
  uint32_t loop_lsr = UART0[LSR], loop_rbr = UART0[RBR], loop_msr = UART0[MSR], loop_lsr2 = UART0[LSR];
  UART0[MCR] = 0x0b;
  print("loopback lsr", loop_lsr);
  print("loopback rbr", loop_rbr);
  print("loopback msr", loop_msr);
  print("loopback lsr after read", loop_lsr2);
  UART0[FCR] = 0x07;
  show("fifo on");
  UART0[IER] = 0x02;
  show("ier.thri (iir read acks it)");
  show("after ack");
  putc('x');
  putc('\n');
  show("after transmit");
  UART0[IER] = 0x00;
  UART0[FCR] = 0x00;
  show("fifo off, ier 0");
  return 0;
}
