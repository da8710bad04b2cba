/* The finisher's failure path: 0x3333 | code << 16 → exit status `code`. */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  exit(99);
}

int main(void) {
  puts("failing with 42\n");
  return 42;
}
