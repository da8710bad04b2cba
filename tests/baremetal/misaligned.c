/* Misaligned loads and stores of every width in RAM. QEMU 7.2's virt hart
   performs them (no address-misaligned trap for plain loads and stores);
   the handler prints what a trap would have said. */
#include "common.h"

static volatile uint8_t bytes[16] = {0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
                                     0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f};

uint32_t trap_handler(struct trap_frame *f) {
  print("  trap mcause", read_csr(mcause));
  print("  trap mtval", read_csr(mtval) - (uint32_t)bytes);
  f->x[0] += insn_length(f->x[0]);
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  volatile uint8_t *b = bytes;
  print("lw +1", *(volatile uint32_t *)(b + 1));
  print("lw +3", *(volatile uint32_t *)(b + 3));
  print("lh +1", (uint32_t)(int32_t) * (volatile int16_t *)(b + 1));
  print("lhu +5", *(volatile uint16_t *)(b + 5));
  *(volatile uint32_t *)(b + 2) = 0x11223344;
  *(volatile uint16_t *)(b + 9) = 0x5566;
  for (int i = 0; i < 16; i += 4) print("word", *(volatile uint32_t *)(b + i));
  return 0;
}
