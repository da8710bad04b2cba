/* Hart behaviour that must match qemu-system-riscv32 -M virt (QEMU 7.2):
 * M-extension corner cases, every AMO, LR/SC, Zicsr semantics, traps with
 * their mcause/mepc/mtval, U mode and mret, a software interrupt through the
 * CLINT's msip in direct and vectored mode, wfi with MIE clear. Everything is
 * printed on UART0; the differential test compares the two transcripts.
 * Kept out: what differs by design (misa and mstatus bits of QEMU's
 * RV32GC+S hart, ROM writes, PMP enforcement). */
#include <stdint.h>

#define UART0 ((volatile uint8_t *)0x10000000)
#define MSIP ((volatile uint32_t *)0x2000000)
#define UNMAPPED 0x18000000u

/* Waits for THR empty (LSR bit 5): QEMU drops bytes written while its
 * console backend is busy, e.g. writing into a pipe. */
static void putc_(char c) {
  while (!(UART0[5] & 0x20)) {}
  UART0[0] = (uint8_t)c;
}
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void puthex(uint32_t v) { for (int i = 28; i >= 0; i -= 4) putc_("0123456789abcdef"[(v >> i) & 15]); }
static void field(const char *name, uint32_t v) { puts_(name); putc_('='); puthex(v); putc_(' '); }

volatile uint32_t trap_count, last_cause, last_epc, last_tval, recover_pc, vector_hits;
extern void trap_entry(void);
extern void vector_table(void);

/* Records the trap, then: interrupts clear msip and return; ecall from U goes
 * back to M mode after the ecall; a fetch fault resumes at recover_pc; other
 * exceptions skip the faulting instruction (2 or 4 bytes). */
__asm__(
  ".align 2\n"
  "trap_entry:\n"
  "  addi sp, sp, -16\n  sw t0, 0(sp)\n  sw t1, 4(sp)\n"
  "  lw t0, trap_count\n  addi t0, t0, 1\n  sw t0, trap_count, t1\n"
  "  csrr t0, mcause\n  sw t0, last_cause, t1\n"
  "  csrr t1, mtval\n  sw t1, last_tval, t0\n"
  "  csrr t1, mepc\n  sw t1, last_epc, t0\n"
  "  csrr t0, mcause\n  bltz t0, 3f\n"
  "  li t1, 8\n  beq t0, t1, 2f\n"
  "  li t1, 1\n  beq t0, t1, 1f\n"
  "  j 5f\n"
  "1:lw t0, recover_pc\n  csrw mepc, t0\n  j 9f\n"
  "2:li t0, 0x1800\n  csrs mstatus, t0\n"
  /* Skip the instruction at mepc, 2 or 4 bytes long (RVC). */
  "5:csrr t0, mepc\n  lhu t1, 0(t0)\n  andi t1, t1, 3\n  addi t0, t0, 2\n  xori t1, t1, 3\n"
  "  bnez t1, 6f\n  addi t0, t0, 2\n"
  "6:csrw mepc, t0\n  j 9f\n"
  "3:li t0, 0x2000000\n  sw zero, 0(t0)\n"
  "9:lw t0, 0(sp)\n  lw t1, 4(sp)\n  addi sp, sp, 16\n  mret\n"
  ".align 6\n"
  "vector_table:\n"
  "  j trap_entry\n  j trap_entry\n  j trap_entry\n  j vector_msi\n"
  "  j trap_entry\n  j trap_entry\n  j trap_entry\n  j trap_entry\n"
  "vector_msi:\n"
  "  addi sp, sp, -16\n  sw t0, 0(sp)\n  sw t1, 4(sp)\n"
  "  lw t0, vector_hits\n  addi t0, t0, 1\n  sw t0, vector_hits, t1\n"
  "  j trap_entry + 12\n");

static void show_trap(const char *what) {
  puts_(what); putc_(' ');
  field("n", trap_count); field("mcause", last_cause); field("mepc-off", last_epc - (uint32_t)(uintptr_t)&trap_entry);
  field("mtval", last_tval); putc_('\n');
  trap_count = 0; last_cause = last_epc = last_tval = 0xdeadbeef;
}

#define OP(name, a, b) ({ uint32_t r_; __asm__ volatile(#name " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b)); r_; })

static void muldiv(void) {
  static const uint32_t v[] = { 0, 1, 2, 3, 7, 0xffffffffu, 0xfffffffeu, 0x80000000u, 0x7fffffffu, 0x12345678u, 0xdeadbeefu, 0x10000u };
  const int n = sizeof v / sizeof v[0];
  uint32_t h = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      uint32_t a = v[i], b = v[j];
      uint32_t r[8] = { OP(mul, a, b), OP(mulh, a, b), OP(mulhsu, a, b), OP(mulhu, a, b),
                        OP(div, a, b), OP(divu, a, b), OP(rem, a, b), OP(remu, a, b) };
      for (int k = 0; k < 8; k++) h = (h ^ r[k]) * 16777619u;
      if (b == 0 || b == 0xffffffffu) { puthex(a); putc_(' '); puthex(b); for (int k = 4; k < 8; k++) { putc_(' '); puthex(r[k]); } putc_('\n'); }
    }
  field("muldiv-hash", h); putc_('\n');
}

static volatile uint32_t word;
#define AMO(name, init, src) do { uint32_t old_; word = (init); \
  __asm__ volatile(#name " %0, %1, (%2)" : "=r"(old_) : "r"(src), "r"(&word) : "memory"); \
  puts_(#name " "); field("old", old_); field("mem", word); putc_('\n'); } while (0)

static uint32_t lr(volatile uint32_t *p) { uint32_t v; __asm__ volatile("lr.w %0, (%1)" : "=r"(v) : "r"(p) : "memory"); return v; }
static uint32_t sc(volatile uint32_t *p, uint32_t v) { uint32_t r; __asm__ volatile("sc.w %0, %1, (%2)" : "=r"(r) : "r"(v), "r"(p) : "memory"); return r; }

static void atomics(void) {
  AMO(amoswap.w, 5, 0xfffffff9u); AMO(amoadd.w, 0x7fffffffu, 1); AMO(amoxor.w, 12, 10); AMO(amoand.w, 12, 10);
  AMO(amoor.w, 12, 10); AMO(amomin.w, 0xffffffffu, 1); AMO(amomax.w, 0xffffffffu, 1); AMO(amominu.w, 0xffffffffu, 1);
  AMO(amomaxu.w, 0xffffffffu, 1);
  static volatile uint32_t other;
  word = 1; lr(&word); field("sc-after-lr", sc(&word, 2)); field("mem", word);
  field("sc-again", sc(&word, 3)); field("mem", word); putc_('\n');
  lr(&word); word = 7; field("sc-after-store", sc(&word, 4)); field("mem", word); putc_('\n');
  lr(&word); field("sc-other-addr", sc(&other, 5)); field("other", other); putc_('\n');
  lr(&word); __asm__ volatile("ecall"); field("sc-after-trap", sc(&word, 6)); field("mem", word); putc_('\n');
  trap_count = 0;
}

static void csrs(void) {
  uint32_t a, b, c, d, e;
  __asm__ volatile("csrw mscratch, %5\n csrrs %0, mscratch, %6\n csrrc %1, mscratch, %7\n csrrwi %2, mscratch, 17\n"
                   "csrrsi %3, mscratch, 6\n csrrci %4, mscratch, 1\n"
                   : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "=&r"(e) : "r"(0xf0f0u), "r"(0x0f00u), "r"(0x00f0u));
  uint32_t f; __asm__ volatile("csrr %0, mscratch" : "=r"(f));
  field("rs", a); field("rc", b); field("rwi", c); field("rsi", d); field("rci", e); field("final", f); putc_('\n');
  uint32_t id; __asm__ volatile("csrr %0, mhartid\n csrrs zero, mvendorid, zero\n csrrsi zero, marchid, 0" : "=r"(id));
  field("mhartid", id); putc_('\n');
  show_trap("read-only-csrs-read");
  __asm__ volatile("csrw mvendorid, zero"); show_trap("write-mvendorid");
  __asm__ volatile("csrr t0, 0x7c0" ::: "t0"); show_trap("unknown-csr");
}

static volatile uint32_t unaligned_words[3] = { 0x03020100u, 0x07060504u, 0x0b0a0908u };

/* QEMU 7.2 performs misaligned loads and stores in RAM without a trap (gcc
 * would split a C access it knows is misaligned, hence the inline asm). */
static void misaligned(void) {
  uint32_t w, h;
  __asm__ volatile("lw %0, 1(%1)" : "=r"(w) : "r"(unaligned_words));
  __asm__ volatile("lh %0, 3(%1)" : "=r"(h) : "r"(unaligned_words));
  __asm__ volatile("sw %0, 6(%1)\n sh %0, 1(%1)" :: "r"(0xa1b2c3d4u), "r"(unaligned_words) : "memory");
  field("lw+1", w); field("lh+3", h);
  for (int i = 0; i < 3; i++) field("word", unaligned_words[i]);
  putc_('\n');
  show_trap("misaligned-ram");
}

static void exceptions(void) {
  __asm__ volatile("ecall"); show_trap("ecall-m");
  __asm__ volatile("ebreak"); show_trap("ebreak");
  __asm__ volatile(".word 0"); show_trap("zero-word");
  __asm__ volatile(".word 0xffffffff"); show_trap("ones-word");
  __asm__ volatile(".word 0x0000100b"); show_trap("custom0");
  __asm__ volatile(".word 0x02a5d5b3 | (1 << 26)"); show_trap("bad-funct7");
  uint32_t v;
  __asm__ volatile("lw %0, 4(%1)" : "=r"(v) : "r"(UNMAPPED)); show_trap("load-unmapped");
  __asm__ volatile("sw zero, 8(%0)" :: "r"(UNMAPPED)); show_trap("store-unmapped");
  __asm__ volatile("amoadd.w %0, %1, (%1)" : "=r"(v) : "r"(UNMAPPED)); show_trap("amo-unmapped");
  __asm__ volatile("la t0, 1f\n sw t0, recover_pc, t1\n jalr %0\n 1:" :: "r"(UNMAPPED) : "t0", "t1", "ra"); show_trap("fetch-unmapped");
}

static void user_mode(void) {
  /* mret to U at 1:, run there, come back with ecall (the handler returns in M mode). */
  uint32_t seen = 0;
  /* QEMU implements PMP: without an entry, U mode may not fetch or access memory. */
  __asm__ volatile("csrw pmpaddr0, %0\n csrw pmpcfg0, %1" :: "r"(0xffffffffu), "r"(0x1fu));
  __asm__ volatile("la t0, 1f\n csrw mepc, t0\n li t0, 0x1800\n csrc mstatus, t0\n mret\n"
                   "1: csrr %0, mstatus\n csrr %0, mscratch\n mret\n ecall\n" : "+r"(seen) :: "t0", "memory");
  show_trap("back-from-u (last trap: ecall from U)");
}

/* QEMU notices an interrupt raised by an MMIO store only at the end of its
 * translation block, but always right after a CSR write: so the tests raise
 * msip with MIE clear and let the csrsi that sets MIE take it. */
static void interrupts(void) {
  __asm__ volatile("csrci mstatus, 8");
  __asm__ volatile("csrw mie, %0" :: "r"(1u << 3));
  *MSIP = 1;
  __asm__ volatile("csrsi mstatus, 8\n nop");
  show_trap("msi-direct");
  __asm__ volatile("csrci mstatus, 8");
  __asm__ volatile("csrw mtvec, %0" :: "r"((uint32_t)(uintptr_t)&vector_table | 1));
  *MSIP = 1;
  __asm__ volatile("csrsi mstatus, 8\n nop");
  __asm__ volatile("csrw mtvec, %0" :: "r"(&trap_entry));
  show_trap("msi-vectored");
  field("vector-hits", vector_hits); putc_('\n');
  __asm__ volatile("csrci mstatus, 8");
  *MSIP = 1;
  __asm__ volatile("wfi");
  field("wfi-with-mie-clear-continues", trap_count); putc_('\n');
  __asm__ volatile("csrsi mstatus, 8\n nop");
  show_trap("taken-when-enabled");
  uint32_t st; __asm__ volatile("csrr %0, mstatus" : "=r"(st));
  field("mstatus.MIE|MPIE|MPP", st & 0x1888); putc_('\n');
}

int main(void) {
  __asm__ volatile("csrw mtvec, %0" :: "r"(&trap_entry));
  trap_count = 0;
  muldiv();
  atomics();
  csrs();
  misaligned();
  exceptions();
  user_mode();
  interrupts();
  puts_("done\n");
  return 0;
}
