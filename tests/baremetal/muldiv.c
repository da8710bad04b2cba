/* The M extension's corner cases: division by zero (quotient all ones,
   remainder the dividend), the signed overflow INT_MIN / -1, and the high
   halves of signed, unsigned and mixed products. */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  print("unexpected mcause", read_csr(mcause));
  (void)f;
  exit(3);
}

#define OP(name, a, b)                                                              \
  do {                                                                              \
    uint32_t r_;                                                                    \
    __asm__ volatile(#name " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b));              \
    puts(#name " ");                                                                \
    puthex(a);                                                                      \
    putc(' ');                                                                      \
    puthex(b);                                                                      \
    puts(" = ");                                                                    \
    puthex(r_);                                                                     \
    putc('\n');                                                                     \
  } while (0)

static const uint32_t values[] = {0, 1, 2, 3, 0xffffffffu, 0xfffffffdu, 0x80000000u, 0x7fffffffu, 0x12345678u, 0xdeadbeefu};
#define N (sizeof values / sizeof values[0])

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  for (unsigned i = 0; i < N; i++) {
    for (unsigned j = 0; j < N; j++) {
      uint32_t a = values[i], b = values[j];
      OP(mul, a, b);
      OP(mulh, a, b);
      OP(mulhsu, a, b);
      OP(mulhu, a, b);
      OP(div, a, b);
      OP(divu, a, b);
      OP(rem, a, b);
      OP(remu, a, b);
    }
  }
  return 0;
}
