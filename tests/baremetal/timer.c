/* The CLINT: timer interrupts woken from wfi, mtime moving forward by at
   least the period, the software interrupt, MTIP visible in mip while
   interrupts are globally off, and wfi waking without a trap when mstatus.MIE
   is clear. Every count printed is of deadlines this program sets itself: the
   handler disarms the timer, so no tick depends on how fast either machine
   runs. No raw mtime is printed either. */
#include "common.h"

#define PERIOD 10000 /* 1 ms at 10 MHz */
#define MIP_MTIP (1u << 7)

static volatile int ticks;
static volatile int soft;

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  if (cause == 0x80000007u) {
    ticks++;
    set_mtimecmp(~0ull); /* one tick per deadline: main sets the next one */
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

/* One timer interrupt, PERIOD after now, slept for with wfi (MIE on). */
static void tick(void) {
  int before = ticks;
  set_mtimecmp(mtime() + PERIOD);
  while (ticks == before) __asm__ volatile("wfi");
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  print("msip at boot", *CLINT_MSIP);
  print("mip at boot", read_csr(mip) & 0x888);

  set_mtimecmp(~0ull); /* mtimecmp is 0 at reset: MTIP is pending until it moves */
  uint64_t start = mtime();
  write_csr(mie, MIP_MTIP);
  set_csr(mstatus, 1u << 3);
  for (int i = 0; i < 5; i++) tick();
  uint64_t elapsed = mtime() - start;
  putdec(ticks);
  puts(" timer interrupts\n");
  puts(elapsed >= 5 * PERIOD ? "mtime advanced by at least 5 periods\n" : "mtime too slow\n");

  clear_csr(mstatus, 1u << 3);
  set_mtimecmp(mtime() + PERIOD);
  while (!(read_csr(mip) & MIP_MTIP)) __asm__ volatile("wfi"); /* wakes on MTIP although MIE is off: no trap */
  print("ticks after wfi with MIE off", ticks);
  print("mip.MTIP", (read_csr(mip) >> 7) & 1);
  set_csr(mstatus, 1u << 3); /* now the pending timer traps, once: the handler disarms it */
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
