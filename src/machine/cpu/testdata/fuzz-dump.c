/* Prints the registers a generated instruction sequence left (saved by the
 * generated code into regs[]) and the scratch memory it used, then powers
 * off: the random-program differential test compares this with QEMU. */
#include <stdint.h>

#define UART0 ((volatile uint8_t *)0x10000000)
#define FINISHER ((volatile uint32_t *)0x100000)

static void putc_(char c) {
  while (!(UART0[5] & 0x20)) {}
  UART0[0] = (uint8_t)c;
}

static void puthex(uint32_t v) {
  for (int i = 28; i >= 0; i -= 4) putc_("0123456789abcdef"[(v >> i) & 15]);
}

void dump(const uint32_t *regs, const uint32_t *scratch, uint32_t scratch_words) {
  for (int i = 0; i < 32; i++) {
    putc_('x'); putc_((char)('0' + i / 10)); putc_((char)('0' + i % 10)); putc_('=');
    puthex(regs[i]); putc_('\n');
  }
  for (uint32_t i = 0; i < scratch_words; i++) { puthex(scratch[i]); putc_(i % 8 == 7 ? '\n' : ' '); }
  *FINISHER = 0x5555;
  for (;;) {}
}
