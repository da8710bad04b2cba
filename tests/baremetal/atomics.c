/* The A extension: lr/sc success and failure, and every AMO with values
   that tell signed from unsigned (min/max) and show the old value returned. */
#include "common.h"

static volatile uint32_t cell;

uint32_t trap_handler(struct trap_frame *f) {
  print("unexpected mcause", read_csr(mcause));
  (void)f;
  exit(3);
}

#define AMO(op, init, operand)                                                      \
  do {                                                                              \
    uint32_t old_;                                                                  \
    cell = (init);                                                                  \
    __asm__ volatile(#op " %0, %1, (%2)" : "=r"(old_) : "r"(operand), "r"(&cell) : "memory"); \
    puts(#op " ");                                                                  \
    puthex(init);                                                                   \
    putc(' ');                                                                      \
    puthex(operand);                                                                \
    puts(" -> old ");                                                               \
    puthex(old_);                                                                   \
    puts(" new ");                                                                  \
    puthex(cell);                                                                   \
    putc('\n');                                                                     \
  } while (0)

static uint32_t lr(volatile uint32_t *p) {
  uint32_t v;
  __asm__ volatile("lr.w %0, (%1)" : "=r"(v) : "r"(p) : "memory");
  return v;
}

static uint32_t sc(volatile uint32_t *p, uint32_t v) {
  uint32_t fail;
  __asm__ volatile("sc.w %0, %1, (%2)" : "=r"(fail) : "r"(v), "r"(p) : "memory");
  return fail;
}

static volatile uint32_t other;

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  cell = 5;
  print("lr", lr(&cell));
  print("sc after lr (0 = success)", sc(&cell, 6));
  print("cell", cell);
  print("sc again without lr", sc(&cell, 7));
  print("cell", cell);
  lr(&cell);
  print("sc to another address", sc(&other, 8));
  print("other", other);
  lr(&cell);
  cell = 9;
  print("sc after a store changed the word", sc(&cell, 10));
  print("cell", cell);

  static const uint32_t pairs[][2] = {
      {0x80000000u, 1}, {0xffffffffu, 1}, {7, 0xfffffff0u}, {0x7fffffffu, 0x80000000u}};
  for (unsigned i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    uint32_t a = pairs[i][0], b = pairs[i][1];
    AMO(amoswap.w, a, b);
    AMO(amoadd.w, a, b);
    AMO(amoxor.w, a, b);
    AMO(amoand.w, a, b);
    AMO(amoor.w, a, b);
    AMO(amomin.w, a, b);
    AMO(amomax.w, a, b);
    AMO(amominu.w, a, b);
    AMO(amomaxu.w, a, b);
  }
  uint32_t old;
  cell = 0x1234;
  __asm__ volatile("amoadd.w.aqrl %0, %1, (%2)" : "=r"(old) : "r"(1), "r"(&cell) : "memory");
  print("amoadd.w.aqrl old", old);
  print("cell", cell);
  return 0;
}
