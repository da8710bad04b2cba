/* Synchronous exceptions through mtvec in direct mode: ecall, ebreak,
   illegal instructions (including an unknown CSR), access faults on an
   unmapped load, store and fetch, and misaligned atomics; each prints
   mcause, mepc and mtval as the handler sees them. */
#include "common.h"

#define UNMAPPED 0x08000000u /* nothing at 128 MiB on QEMU's virt either */

static volatile uint32_t word = 0x12345678;

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  print("  mcause", cause);
  print("  mepc", read_csr(mepc));
  print("  mtval", read_csr(mtval));
  if (cause == 1) f->x[0] = f->x[1]; /* fetch fault: return to the caller */
  else f->x[0] += insn_length(f->x[0]);
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  puts("ecall\n");
  __asm__ volatile("ecall");
  puts("ebreak\n");
  __asm__ volatile("ebreak");
  puts("illegal all-ones\n");
  __asm__ volatile(".word 0xffffffff");
  puts("illegal zero\n");
  __asm__ volatile(".word 0x00000000");
  puts("unknown csr\n");
  uint32_t v;
  __asm__ volatile("csrr %0, 0x7c0" : "=r"(v));
  puts("write to read-only csr\n");
  __asm__ volatile("csrw mhartid, %0" ::"r"(1));
  puts("unmapped load\n");
  __asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(UNMAPPED) : "memory");
  puts("unmapped store\n");
  *(volatile uint32_t *)UNMAPPED = 1;
  puts("unmapped fetch\n");
  ((void (*)(void))UNMAPPED)();
  puts("misaligned lr.w\n");
  __asm__ volatile("lr.w %0, (%1)" : "=r"(v) : "r"((char *)&word + 2) : "memory");
  puts("misaligned amoswap.w\n");
  __asm__ volatile("amoswap.w %0, %1, (%2)" : "=r"(v) : "r"(1), "r"((char *)&word + 1) : "memory");
  print("word", word);
  puts("done\n");
  return 0;
}
