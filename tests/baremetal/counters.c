/* Time and counters: the time CSR reads the CLINT's mtime (so it lies
   between two MMIO reads of mtime), and mcycle/minstret and their user
   aliases move forward. Only comparisons are printed: the two emulators'
   clocks run at different paces. */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  print("  trap mcause", read_csr(mcause));
  print("  trap mtval", read_csr(mtval));
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

static uint64_t rdtime64(void) {
  uint32_t hi, lo;
  do {
    hi = read_csr(timeh);
    lo = read_csr(time);
  } while (hi != read_csr(timeh));
  return ((uint64_t)hi << 32) | lo;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  uint64_t before = mtime();
  uint64_t t = rdtime64();
  uint64_t after = mtime();
  puts(before <= t && t <= after ? "time CSR follows mtime\n" : "time CSR disagrees with mtime\n");

  uint32_t c0 = read_csr(mcycle), i0 = read_csr(minstret);
  uint32_t uc0 = read_csr(cycle), ui0 = read_csr(instret);
  for (volatile int i = 0; i < 1000; i++) {
  }
  uint32_t c1 = read_csr(mcycle), i1 = read_csr(minstret);
  uint32_t uc1 = read_csr(cycle), ui1 = read_csr(instret);
  puts(c1 - c0 > 1000 ? "mcycle advanced\n" : "mcycle stuck\n");
  puts(i1 - i0 > 1000 ? "minstret advanced\n" : "minstret stuck\n");
  puts(uc1 - uc0 > 1000 ? "cycle advanced\n" : "cycle stuck\n");
  puts(ui1 - ui0 > 1000 ? "instret advanced\n" : "instret stuck\n");
  return 0;
}
