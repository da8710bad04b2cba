/* QEMU 7.2's helper_mret refuses to return to a less privileged mode while
   the hart has PMP but no PMP entry is configured: the mret is an illegal
   instruction (mtval = its bits). One NAPOT entry over all memory lifts it. */
#include "common.h"

static volatile int in_user;

static void user_code(void) {
  in_user = 1;
  __asm__ volatile("ecall");
}

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  print("  mcause", cause);
  print("  mtval", read_csr(mtval));
  if (cause == 8) {
    print("reached U-mode", in_user);
    exit(0);
  }
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  clear_csr(mstatus, 3u << 11);
  write_csr(mepc, (uint32_t)user_code);
  puts("mret to U, no PMP entry\n");
  __asm__ volatile("mret" ::: "memory");
  puts("mret to U with a PMP entry\n");
  write_csr(pmpaddr0, 0xffffffffu);
  write_csr(pmpcfg0, 0x1f);
  clear_csr(mstatus, 3u << 11);
  write_csr(mepc, (uint32_t)user_code);
  __asm__ volatile("mret" ::: "memory");
  return 1;
}
