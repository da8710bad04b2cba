/* mtvec in vectored mode: exceptions go to the base, the machine software
   interrupt (msip) to base + 4*3 and the machine timer interrupt to
   base + 4*7; mcause carries the interrupt bit. */
#include "common.h"

volatile uint32_t last_vector = 0xffffffff;
static volatile int timer_seen;
extern char vector_table[];

__asm__(
    "  .text\n"
    "  .balign 256\n"
    "  .globl vector_table\n"
    "vector_table:\n"
    "  j trap_entry\n"
    "  .rept 2\n  j vec_other\n  .endr\n"
    "  j vec_msi\n"
    "  .rept 3\n  j vec_other\n  .endr\n"
    "  j vec_mti\n"
    "  .rept 8\n  j vec_other\n  .endr\n"
    "vec_msi: addi sp, sp, -16\n  sw t0, 0(sp)\n  li t0, 3\n  j vec_common\n"
    "vec_mti: addi sp, sp, -16\n  sw t0, 0(sp)\n  li t0, 7\n  j vec_common\n"
    "vec_other: addi sp, sp, -16\n  sw t0, 0(sp)\n  li t0, 99\n"
    "vec_common: sw t1, 4(sp)\n  la t1, last_vector\n  sw t0, 0(t1)\n"
    "  lw t1, 4(sp)\n  lw t0, 0(sp)\n  addi sp, sp, 16\n  j trap_entry\n");

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  print("  mcause", cause);
  print("  vector", last_vector);
  last_vector = 0xffffffff;
  if (cause == 0x80000003u) *CLINT_MSIP = 0;
  else if (cause == 0x80000007u) {
    set_mtimecmp(~0ull);
    timer_seen = 1;
  }
  else f->x[0] += insn_length(f->x[0]);
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)vector_table | 1);
  print("mtvec", read_csr(mtvec) - (uint32_t)vector_table);
  puts("ecall (exception: base)\n");
  __asm__ volatile("ecall");
  write_csr(mie, (1u << 3) | (1u << 7)); /* MTIP is set from boot: mtimecmp = 0 */
  set_csr(mstatus, 1u << 3);
  puts("software interrupt\n");
  *CLINT_MSIP = 1;
  for (volatile int i = 0; i < 10; i++) {
  }
  puts("timer interrupt\n");
  timer_seen = 0;
  set_mtimecmp(mtime() + 100);
  while (!timer_seen) __asm__ volatile("wfi");
  puts("done\n");
  return 0;
}
