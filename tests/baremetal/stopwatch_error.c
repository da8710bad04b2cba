/* A driver mistake the stopwatch treats as fatal (its hw_error): an unknown
   command. `paravirt run-elf` must stop with the device's message, status 3.
   (QEMU has no stopwatch, so this one is not compared with it.) */
#include "common.h"

#define STOPWATCH_COMMAND ((volatile uint32_t *)0x04000090)

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  exit(4);
}

int main(void) {
  puts("writing command 99\n");
  *STOPWATCH_COMMAND = 99;
  puts("not reached\n");
  return 0;
}
