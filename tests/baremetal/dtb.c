/* The boot ROM's hand-off: a0 = hart id, a1 = address of the flattened
   device tree that QEMU 7.2 places at the top of RAM, aligned to 2 MiB. Only
   the magic is printed: our tree's contents differ from QEMU's. */
#include "common.h"

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  exit(3);
}

static uint32_t be32(const volatile uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

int main(uint32_t hartid, uint32_t dtb) {
  print("a0 (hart id)", hartid);
  print("a1 (dtb)", dtb);
  print("magic", be32((const volatile uint8_t *)dtb));
  uint32_t size = be32((const volatile uint8_t *)dtb + 4);
  puts(size > 0x40 && dtb + size <= 0x88000000u ? "totalsize fits in RAM\n" : "bad totalsize\n");
  return 0;
}
