/* Zicsr semantics: csrrw/csrrs/csrrc and their immediate forms return the
   old value and write as specified; rs1 = x0 (or uimm 0) means no write, so
   reading a read-only CSR is legal; writing one is an illegal instruction,
   and so is touching a CSR that does not exist. mtvec ignores modes >= 2. */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  print("  trap mcause", read_csr(mcause));
  print("  trap mtval", read_csr(mtval));
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

#define SHOW(what, old) \
  do {                  \
    puts(what);         \
    puts(": old ");     \
    puthex(old);        \
    puts(" now ");      \
    puthex(read_csr(mscratch)); \
    putc('\n');         \
  } while (0)

int main(void) {
  uint32_t old;
  write_csr(mtvec, (uint32_t)trap_entry);
  write_csr(mscratch, 0xf0f0f0f0u);
  __asm__ volatile("csrrw %0, mscratch, %1" : "=r"(old) : "r"(0x12345678u));
  SHOW("csrrw", old);
  __asm__ volatile("csrrs %0, mscratch, %1" : "=r"(old) : "r"(0x0000ff00u));
  SHOW("csrrs", old);
  __asm__ volatile("csrrc %0, mscratch, %1" : "=r"(old) : "r"(0x00000078u));
  SHOW("csrrc", old);
  __asm__ volatile("csrrwi %0, mscratch, 0x15" : "=r"(old));
  SHOW("csrrwi", old);
  __asm__ volatile("csrrsi %0, mscratch, 0x0a" : "=r"(old));
  SHOW("csrrsi", old);
  __asm__ volatile("csrrci %0, mscratch, 0x03" : "=r"(old));
  SHOW("csrrci", old);
  __asm__ volatile("csrrs %0, mscratch, x0" : "=r"(old));
  SHOW("csrrs x0", old);
  __asm__ volatile("csrrw x0, mscratch, %0" ::"r"(0xabcdef01u));
  SHOW("csrrw rd=x0", 0);

  puts("read-only csr, no write\n");
  __asm__ volatile("csrrs %0, mhartid, x0" : "=r"(old));
  print("mhartid", old);
  __asm__ volatile("csrrci %0, mhartid, 0" : "=r"(old));
  print("mhartid via csrrci 0", old);
  puts("read-only csr written\n");
  __asm__ volatile("csrrs %0, mhartid, %1" : "=r"(old) : "r"(1));
  __asm__ volatile("csrrwi x0, mvendorid, 1");
  puts("missing csr\n");
  __asm__ volatile("csrr %0, 0x3ff" : "=r"(old));

  puts("mtvec WARL\n");
  write_csr(mtvec, 0x80001002u);
  print("mtvec after mode 2", read_csr(mtvec) - (uint32_t)trap_entry);
  write_csr(mtvec, 0x80001101u);
  print("mtvec after vectored", read_csr(mtvec));
  write_csr(mtvec, (uint32_t)trap_entry);

  write_csr(mcause, 0x8000000bu);
  print("mcause", read_csr(mcause));
  write_csr(mtval, 0xdeadbeefu);
  print("mtval", read_csr(mtval));
  print("mstatus.MIE|MPIE|MPP", read_csr(mstatus) & 0x1888);
  return 0;
}
