/* PMP as S mode meets it: a NAPOT entry over RAM leaves the boot ROM and
   the CLINT out (load fault 5, store fault 7, mtval = address); a TOR
   entry without permissions, a read-only NA4 entry (an AMO there is a store
   fault) and a NAPOT entry behind them decide by priority; an entry without
   X stops instruction fetch (fault 1). M then locks an entry: the lock binds
   M too and freezes its pmpcfg byte and pmpaddr, and a locked TOR entry
   freezes the pmpaddr below it. S prints nothing (PMP hides the UART from
   it); M's trap handler prints each fault. */
#include "common.h"

#define NAPOT(base, size) (((base) >> 2) | (((size) >> 3) - 1))
#define RAM_NAPOT NAPOT(0x80000000u, 0x8000000u)

static volatile uint32_t word = 0x1234;
static volatile uint32_t other;
void s_main(void);

static void configure(uint32_t which) {
  write_csr(pmpcfg0, 0);
  switch (which) {
    case 1: /* RAM only */
      write_csr(pmpaddr0, RAM_NAPOT);
      write_csr(pmpcfg0, 0x1f);
      break;
    case 2: /* TOR [0, RAM) nothing; NA4 over word R; everything RWX */
      write_csr(pmpaddr0, 0x80000000u >> 2);
      write_csr(pmpaddr1, (uint32_t)&word >> 2);
      write_csr(pmpaddr2, 0xffffffffu);
      write_csr(pmpcfg0, 0x1f1108);
      break;
    case 3: /* everything RW, no X */
      write_csr(pmpaddr0, 0xffffffffu);
      write_csr(pmpcfg0, 0x1b);
      break;
    default: /* everything RWX */
      write_csr(pmpaddr0, 0xffffffffu);
      write_csr(pmpcfg0, 0x1f);
  }
}

static void locked_entries(void) {
  puts("M locks NA4 over word, read-only\n");
  write_csr(pmpaddr0, (uint32_t)&word >> 2);
  write_csr(pmpaddr1, 0xffffffffu);
  write_csr(pmpcfg0, 0x1f91);
  word = 5;
  print("word after M's store", word);
  write_csr(pmpcfg0, 0x1f1f);
  print("pmpcfg0 after rewriting", read_csr(pmpcfg0));
  write_csr(pmpaddr0, 0);
  print("pmpaddr0 kept", read_csr(pmpaddr0) == ((uint32_t)&word >> 2));
  puts("a locked TOR entry 3 freezes pmpaddr2\n");
  write_csr(pmpaddr2, 0x02000000u >> 2);
  write_csr(pmpaddr3, 0x02001000u >> 2);
  write_csr(pmpcfg0, 0x89001f91u);
  write_csr(pmpaddr2, 0x1234);
  write_csr(pmpaddr3, 0x5678);
  print("pmpaddr2", read_csr(pmpaddr2));
  print("pmpaddr3", read_csr(pmpaddr3));
  print("pmpcfg0", read_csr(pmpcfg0));
}

uint32_t trap_handler(struct trap_frame *f) {
  uint32_t cause = read_csr(mcause);
  uint32_t tval = read_csr(mtval);
  print("M trap: mcause", cause);
  print("  from mode", (read_csr(mstatus) >> 11) & 3);
  if (cause == 9) {
    print("  ecall, a0", f->x[10]);
    if (f->x[10] == 0) {
      locked_entries();
      exit(0);
    }
    configure(f->x[10]);
  } else if (cause == 1) {
    print("  fetch fault at s_main +", tval - (uint32_t)s_main);
    configure(0);
    return 0; /* fetch again, now allowed */
  } else if (tval == (uint32_t)&word) {
    puts("  mtval=&word\n");
  } else {
    print("  mtval", tval);
  }
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

static void ecall(uint32_t arg) {
  register uint32_t a0 __asm__("a0") = arg;
  __asm__ volatile("ecall" : "+r"(a0)::"memory");
}

void s_main(void) {
  ecall(1);
  (void)*(volatile uint32_t *)0x1000;
  *(volatile uint32_t *)0x1000 = 0;
  (void)CLINT_MTIME[0];
  word = word + 1;
  ecall(2);
  (void)*(volatile uint32_t *)0x1000;
  other = word;
  word = 7;
  __asm__ volatile("amoadd.w zero, %1, (%0)" ::"r"(&word), "r"(1) : "memory");
  other = other + 1;
  UART0[7] = 'x';
  ecall(3);
  ecall(0);
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  configure(0);
  write_csr(mepc, (uint32_t)s_main);
  set_csr(mstatus, 1u << 11); /* MPP = S */
  __asm__ volatile("mret");
  return 1;
}
