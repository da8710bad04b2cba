/* A store to the boot ROM. The playground makes it a store access fault
   (mcause 7, mtval = the address) so a student sees the mistake; QEMU 7.2
   silently drops the write instead, so this program is not compared with it. */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  print("  mcause", read_csr(mcause));
  print("  mtval", read_csr(mtval));
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  uint32_t before = *(volatile uint32_t *)0x1000;
  puts("store to ROM\n");
  *(volatile uint32_t *)0x1000 = 0xdeadbeef;
  puts(*(volatile uint32_t *)0x1000 == before ? "ROM unchanged\n" : "ROM changed\n");
  return 0;
}
