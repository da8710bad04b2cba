/* Privilege changes: with one PMP entry covering all of memory (QEMU 7.2
   refuses an mret to U-mode without one, see pmp_mret.c), mret drops to
   U-mode (MPP = 0), ecall from U traps with
   cause 8, a privileged CSR access from U is an illegal instruction, and an
   ecall handler returns to M-mode by setting MPP = 3. mstatus's MIE/MPIE/MPP
   stacking is printed around each step. */
#include "common.h"

#define MSTATUS_MPP (3u << 11)
#define MSTATUS_STACK 0x1888u /* MPP | MPIE | MIE */

static volatile uint32_t user_calls;

static void user_code(void) {
  __asm__ volatile("li a7, 1\n ecall" ::: "a7", "memory");
  uint32_t v;
  __asm__ volatile("csrr %0, mstatus" : "=r"(v)); /* illegal in U-mode */
  __asm__ volatile("li a7, 2\n ecall" ::: "a7", "memory");
  for (;;) {
  }
}

static void back_in_m(void);

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  print("  mcause", cause);
  print("  mstatus stack", read_csr(mstatus) & MSTATUS_STACK);
  if (cause == 8 && f->x[17] == 2) {
    /* return to M-mode, at back_in_m */
    set_csr(mstatus, MSTATUS_MPP);
    f->x[0] = (uint32_t)back_in_m;
    return 0;
  }
  if (cause == 8) user_calls++;
  if (cause == 2) print("  mtval", read_csr(mtval));
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

static void back_in_m(void) {
  print("back in M, user ecalls", user_calls);
  print("mstatus stack", read_csr(mstatus) & MSTATUS_STACK);
  print("mhartid readable again", read_csr(mhartid));
  exit(0);
}

int main(void) {
  static uint32_t user_stack[256];
  write_csr(mtvec, (uint32_t)trap_entry);
  clear_csr(mstatus, MSTATUS_MPP); /* MPP = U */
  set_csr(mstatus, 1u << 7);       /* MPIE */
  print("before mret: mstatus stack", read_csr(mstatus) & MSTATUS_STACK);
  write_csr(pmpaddr0, 0xffffffffu);
  write_csr(pmpcfg0, 0x1f); /* NAPOT, R W X */
  clear_csr(mstatus, MSTATUS_MPP);
  set_csr(mstatus, 1u << 7);
  puts("mret to U\n");
  write_csr(mepc, (uint32_t)user_code);
  __asm__ volatile("mv sp, %0\n mret" ::"r"(&user_stack[256]) : "memory");
  return 1;
}
