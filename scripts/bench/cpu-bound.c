/* A CPU-bound workload for the emulator benchmark: CRC-32, a prime sieve,
 * integer matrix multiply and a small sort, each checked against a value
 * computed the same way, printed on UART0 (ns16550a at 0x10000000). */
#include <stdint.h>

#ifndef ROUNDS
#define ROUNDS 2
#endif

#define UART0 ((volatile uint8_t *)0x10000000)

/* Waits for THR empty (LSR bit 5): QEMU drops bytes written while its
 * console backend is busy, e.g. writing into a pipe. */
static void putc_(char c) {
  while (!(UART0[5] & 0x20)) {}
  UART0[0] = (uint8_t)c;
}
static void puts_(const char *s) { while (*s) putc_(*s++); }
static void puthex(uint32_t v) {
  for (int i = 28; i >= 0; i -= 4) putc_("0123456789abcdef"[(v >> i) & 15]);
}

static uint8_t buf[16384];
static uint32_t crc_table[256];

static uint32_t crc32(const uint8_t *p, uint32_t n) {
  uint32_t c = 0xffffffffu;
  while (n--) c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
  return ~c;
}

static uint8_t composite[65536];
static uint32_t sieve(uint32_t n) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i++) composite[i] = 0;
  for (uint32_t i = 2; i < n; i++) {
    if (composite[i]) continue;
    count++;
    for (uint32_t j = i * 2; j < n; j += i) composite[j] = 1;
  }
  return count;
}

#define N 40
static int32_t ma[N][N], mb[N][N], mc[N][N];
static uint32_t matmul(void) {
  uint32_t sum = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int32_t s = 0;
      for (int k = 0; k < N; k++) s += ma[i][k] * mb[k][j];
      mc[i][j] = s;
      sum = sum * 31 + (uint32_t)s;
    }
  return sum;
}

static uint32_t arr[2000];
static uint32_t sort_check(uint32_t seed) {
  for (int i = 0; i < 2000; i++) { seed = seed * 1103515245u + 12345u; arr[i] = seed >> 8; }
  for (int i = 1; i < 2000; i++) { /* insertion sort */
    uint32_t v = arr[i]; int j = i - 1;
    while (j >= 0 && arr[j] > v) { arr[j + 1] = arr[j]; j--; }
    arr[j + 1] = v;
  }
  uint32_t h = 0;
  for (int i = 0; i < 2000; i++) h = (h ^ arr[i]) * 16777619u + (arr[i] % 7u) + (arr[i] / 13u);
  return h;
}

int main(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
  for (uint32_t i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)(i * 7 + (i >> 5));
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) { ma[i][j] = i * 3 - j; mb[i][j] = j * 5 - i * 2 + 1; }

  uint32_t acc = 0;
  for (int round = 0; round < ROUNDS; round++) {
    acc ^= crc32(buf, sizeof buf);
    acc += sieve(sizeof composite);
    acc ^= matmul();
    acc += sort_check((uint32_t)round);
    putc_('.');
  }
  puts_("\nresult ");
  puthex(acc);
  puts_("\n");
  return 0;
}
