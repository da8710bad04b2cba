/* Supervisor mode: M delegates ebreak, illegal instructions and the S
   software and external interrupts, then drops to S with mret, an M and an
   S software interrupt pending: the M-level one is taken first. S takes
   its traps through stvec (scause/sepc/stval, sret back), an ecall from S
   reaches M (mcause 9), and a UART interrupt routed to PLIC context 1
   arrives as scause 0x80000009, claimed and completed on context 1. Then
   mstatus.TSR/TW/TVM make sret, wfi, sfence.vma and satp trap in S;
   mcounteren/scounteren gate the counters; U mode, entered with sret, may
   not wfi; its ecall ends the program. */
#include "common.h"

#define PRIORITY(s) ((volatile uint32_t *)(PLIC_BASE + 4 * (s)))
#define ENABLE1 ((volatile uint32_t *)(PLIC_BASE + 0x2000 + 0x80))
#define THRESHOLD1 ((volatile uint32_t *)(PLIC_BASE + 0x201000))
#define CLAIM1 ((volatile uint32_t *)(PLIC_BASE + 0x201004))
#define SIP_SSIP (1u << 1)
#define SIE_SEIE (1u << 9)
#define SSTATUS_SIE (1u << 1)

void s_trap_entry(void);
uint32_t s_trap_handler(struct trap_frame *f);
void s_main(void);
void u_main(void);

/* S-mode trap entry: as crt0's trap_entry, with sepc and sret. */
__asm__(
    "  .text\n"
    "  .balign 4\n"
    "  .globl s_trap_entry\n"
    "s_trap_entry:\n"
    "  addi sp, sp, -128\n"
    "  .irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
    "  sw x\\r, (\\r * 4)(sp)\n"
    "  .endr\n"
    "  csrr t0, sepc\n"
    "  sw t0, 0(sp)\n"
    "  mv a0, sp\n"
    "  call s_trap_handler\n"
    "  lw t0, 0(sp)\n"
    "  csrw sepc, t0\n"
    "  .irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
    "  lw x\\r, (\\r * 4)(sp)\n"
    "  .endr\n"
    "  addi sp, sp, 128\n"
    "  sret\n");

static volatile uint32_t external_irqs;

uint32_t s_trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(scause);
  print("  S trap: scause", cause);
  print("  sstatus.SPP", (read_csr(sstatus) >> 8) & 1);
  if (cause == 0x80000001u) {
    clear_csr(sip, SIP_SSIP);
    return 0;
  }
  if (cause == 0x80000009u) {
    uint32_t src = *CLAIM1;
    UART0[1] = 0; /* IER off: the UART lowers its line */
    print("  claimed on context 1", src);
    *CLAIM1 = src;
    external_irqs++;
    return 0;
  }
  print("  sepc - s_main", f->x[0] - (uint32_t)s_main);
  print("  stval", read_csr(stval));
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

#define MSTATUS_TRAPS ((1u << 22) | (1u << 21) | (1u << 20)) /* TSR, TW, TVM */

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  print("M trap: mcause", cause);
  print("  mstatus.MPP", (read_csr(mstatus) >> 11) & 3);
  if (cause & 0x80000000u) {
    *CLINT_MSIP = 0;
    return 0;
  }
  if (cause == 9) {
    print("  ecall from S, a0", f->x[10]);
    if (f->x[10] == 1) {
      write_csr(medeleg, 1u << 3); /* illegal instructions to M: S's own sret would trap */
      set_csr(mstatus, MSTATUS_TRAPS);
    }
    if (f->x[10] == 2) {
      write_csr(medeleg, (1u << 2) | (1u << 3));
      clear_csr(mstatus, MSTATUS_TRAPS);
      write_csr(mcounteren, 1);
    }
  } else if (cause == 8) {
    puts("ecall from U: done\n");
    exit(0);
  } else {
    print("  mtval", read_csr(mtval));
  }
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

static void ecall(uint32_t arg) {
  register uint32_t a0 __asm__("a0") = arg;
  __asm__ volatile("ecall" : "+r"(a0)::"memory");
}

void u_main(void) {
  __asm__ volatile("wfi");                      /* illegal in U once S exists */
  __asm__ volatile("csrr a0, cycle" ::: "a0");  /* scounteren.CY = 0 */
  __asm__ volatile("ecall");
}

void s_main(void) {
  puts("in S mode\n");
  print("sstatus.SPP", (read_csr(sstatus) >> 8) & 1);
  write_csr(sie, 0);
  __asm__ volatile("ebreak");
  __asm__ volatile(".word 0x30002573" ::: "a0"); /* csrr a0, mstatus: M-only */
  __asm__ volatile(".word 0x00302573" ::: "a0"); /* csrr a0, fcsr: FS is Off / no FPU */
  __asm__ volatile("csrr a0, cycle" ::: "a0");   /* mcounteren.CY = 0 */
  __asm__ volatile("sfence.vma" ::: "memory");
  puts("sfence.vma in S is no trap\n");
  write_csr(satp, 0);
  print("satp", read_csr(satp));

  puts("S software interrupt\n");
  write_csr(sie, SIP_SSIP);
  set_csr(sstatus, SSTATUS_SIE);
  set_csr(sip, SIP_SSIP);
  print("sip after the handler", read_csr(sip) & SIP_SSIP);

  puts("UART interrupt through PLIC context 1\n");
  *PRIORITY(10) = 1;
  *ENABLE1 = 1u << 10;
  *THRESHOLD1 = 0;
  set_csr(sie, SIE_SEIE);
  UART0[1] = 0x02; /* IER.THRI: THR is empty, so the line rises at once */
  for (volatile int i = 0; i < 100 && !external_irqs; i++) {
  }
  print("external interrupts taken in S", external_irqs);
  clear_csr(sstatus, SSTATUS_SIE);

  puts("TSR, TW and TVM set\n");
  ecall(1);
  __asm__ volatile("sret");
  __asm__ volatile("wfi");
  __asm__ volatile("sfence.vma" ::: "memory");
  __asm__ volatile("csrr a0, satp" ::: "a0");
  ecall(2);
  __asm__ volatile("csrr a0, cycle" ::: "a0");
  puts("cycle read in S with mcounteren.CY\n");
  puts("sret to U\n");
  write_csr(sepc, (uint32_t)u_main);
  clear_csr(sstatus, 1u << 8);
  __asm__ volatile("sret");
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  uint32_t misa = read_csr(misa);
  print("misa.S", (misa >> 18) & 1);
  print("misa.U", (misa >> 20) & 1);
  write_csr(mideleg, 0xffffffffu);
  print("mideleg S bits", read_csr(mideleg) & 0x222);
  write_csr(mie, 0xffffffffu);
  print("sie", read_csr(sie) & 0x222);
  write_csr(mie, 0);
  write_csr(mip, 0x222);
  print("mip S bits written from M", read_csr(mip) & 0x222);
  print("sip", read_csr(sip) & 0x222);
  write_csr(mip, 0);
  write_csr(mstatus, 0xffffffffu);
  print("mstatus", read_csr(mstatus) & 0x7e19aa);
  print("sstatus", read_csr(sstatus) & 0xc0122);
  write_csr(mstatus, 0);
  write_csr(stvec, 0xffffffffu);
  print("stvec after a reserved mode", read_csr(stvec));

  write_csr(pmpaddr0, 0xffffffffu);
  write_csr(pmpcfg0, 0x1f); /* NAPOT over all memory, RWX: S may run */
  write_csr(medeleg, (1u << 2) | (1u << 3));
  write_csr(mideleg, (1u << 1) | (1u << 9));
  write_csr(stvec, (uint32_t)s_trap_entry);
  write_csr(mcounteren, 0);
  write_csr(mepc, (uint32_t)s_main);
  set_csr(mstatus, (1u << 11) | SSTATUS_SIE); /* MPP = S; SIE set, MIE clear */
  write_csr(mie, (1u << 3) | SIP_SSIP);
  *CLINT_MSIP = 1;
  set_csr(mip, SIP_SSIP);
  puts("M and S software interrupts pending; mret to S\n");
  __asm__ volatile("mret");
  return 1;
}
