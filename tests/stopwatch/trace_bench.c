/* Workload for the tracing-overhead benchmark: arithmetic with a stopwatch
   status read (a VM exit) and a pass-through read every 64 iterations. */
#include "stopwatch.h"

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  exit(3);
}

int main(void) {
  uint32_t acc = 1;
  for (uint32_t i = 0; i < 4000000; i++) {
    acc = acc * 1664525u + 1013904223u;
    acc ^= acc >> 13;
    if ((i & 63) == 0) acc += sw_status() + *(volatile uint32_t *)&SW_MEM->data_len;
  }
  print("acc", acc);
  return 0;
}
