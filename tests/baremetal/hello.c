/* UART printing and a clean power-off (finisher 0x5555 → exit status 0). */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  puts("unexpected trap\n");
  exit(99);
}

int main(void) {
  puts("Hello from bare metal on the virt board!\n");
  putdec(-12345);
  putc(' ');
  putdec(2147483647);
  putc('\n');
  return 0;
}
