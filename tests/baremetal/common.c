/* UART0 (ns16550a: poll LSR.THRE, write THR), finisher and CLINT helpers. */
#include "common.h"

void putc(char c) {
  while (!(UART0[5] & 0x20)) {
  }
  UART0[0] = (uint8_t)c;
}

void puts(const char *s) {
  while (*s) putc(*s++);
}

void puthex(uint32_t v) {
  puts("0x");
  for (int i = 28; i >= 0; i -= 4) putc("0123456789abcdef"[(v >> i) & 15]);
}

void putdec(int32_t v) {
  char buf[12];
  int n = 0;
  uint32_t u = v < 0 ? -(uint32_t)v : (uint32_t)v;
  if (v < 0) putc('-');
  do {
    buf[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  while (n) putc(buf[--n]);
}

void print(const char *label, uint32_t v) {
  puts(label);
  putc('=');
  puthex(v);
  putc('\n');
}

void exit(int code) {
  *FINISHER = code == 0 ? 0x5555 : 0x3333 | ((uint32_t)code << 16);
  for (;;) {
  }
}

uint64_t mtime(void) {
  uint32_t hi, lo;
  do {
    hi = CLINT_MTIME[1];
    lo = CLINT_MTIME[0];
  } while (hi != CLINT_MTIME[1]);
  return ((uint64_t)hi << 32) | lo;
}

void set_mtimecmp(uint64_t t) {
  CLINT_MTIMECMP[1] = 0xffffffff; /* no spurious interrupt while the halves disagree */
  CLINT_MTIMECMP[0] = (uint32_t)t;
  CLINT_MTIMECMP[1] = (uint32_t)(t >> 32);
}
