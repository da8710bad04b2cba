/* The CLINT: periodic timer interrupts woken from wfi, mtime moving forward
   by at least the period, the software interrupt, MTIP visible in mip while
   interrupts are globally off, and wfi waking without a trap when mstatus.MIE
   is clear. No raw mtime is printed: QEMU's clock and ours differ in pace. */
#include "common.h"

#define PERIOD 10000 /* 1 ms at 10 MHz */

static volatile int ticks;
static volatile int soft;

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  if (cause == 0x80000007u) {
    ticks++;
    /* relative to now: how late the handler runs differs between emulators */
    set_mtimecmp(mtime() + PERIOD);
  } else if (cause == 0x80000003u) {
    soft++;
    *CLINT_MSIP = 0;
  } else {
    print("unexpected mcause", cause);
    exit(3);
  }
  (void)f;
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  print("msip at boot", *CLINT_MSIP);
  print("mip at boot", read_csr(mip) & 0x888);

  uint64_t start = mtime();
  set_mtimecmp(start + PERIOD);
  write_csr(mie, 1u << 7);
  set_csr(mstatus, 1u << 3);
  while (ticks < 5) __asm__ volatile("wfi");
  uint64_t elapsed = mtime() - start;
  putdec(ticks);
  puts(" timer interrupts\n");
  puts(elapsed >= 5 * PERIOD ? "mtime advanced by at least 5 periods\n" : "mtime too slow\n");

  clear_csr(mstatus, 1u << 3);
  set_mtimecmp(mtime() + PERIOD);
  __asm__ volatile("wfi"); /* wakes on MTIP although MIE is off: no trap */
  print("ticks after wfi with MIE off", ticks);
  print("mip.MTIP", (read_csr(mip) >> 7) & 1);
  set_csr(mstatus, 1u << 3); /* now the pending timer traps */
  print("ticks after MIE on", ticks);

  set_mtimecmp(~0ull);
  print("mip.MTIP after far mtimecmp", (read_csr(mip) >> 7) & 1);
  write_csr(mie, 1u << 3);
  *CLINT_MSIP = 1;
  for (volatile int i = 0; i < 10; i++) {
  }
  print("soft interrupts", soft);
  print("msip after handler", *CLINT_MSIP);
  return 0;
}
