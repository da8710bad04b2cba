/* With machine external (PLIC: UART THR empty), software (msip) and timer
   interrupts all pending at once, which is taken first when mstatus.MIE is
   set? The privileged spec says MEI, MSI, MTI; QEMU 7.2 without AIA takes the
   lowest-numbered one first (ctz of mip & mie): MSI, MTI, MEI. The handler
   silences each source. */
#include "common.h"

#define PLIC_PRIORITY10 ((volatile uint32_t *)(PLIC_BASE + 4 * 10))
#define PLIC_ENABLE_CTX0 ((volatile uint32_t *)(PLIC_BASE + 0x2000))
#define PLIC_CLAIM_CTX0 ((volatile uint32_t *)(PLIC_BASE + 0x200004))

static volatile uint32_t order[8];
static volatile uint32_t taken;

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  uint32_t cause = read_csr(mcause);
  if (taken < 8) order[taken] = cause;
  taken++;
  if (cause == 0x8000000bu) {
    uint32_t src = *PLIC_CLAIM_CTX0;
    UART0[1] = 0;
    *PLIC_CLAIM_CTX0 = src;
  } else if (cause == 0x80000003u) {
    *CLINT_MSIP = 0;
  } else if (cause == 0x80000007u) {
    set_mtimecmp(~0ull);
  } else {
    exit(3);
  }
  return 0;
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  *PLIC_PRIORITY10 = 1;
  *PLIC_ENABLE_CTX0 = 1u << 10;
  set_mtimecmp(0); /* due now */
  *CLINT_MSIP = 1;
  UART0[1] = 0x02; /* THR empty → source 10 → MEIP */
  write_csr(mie, (1u << 11) | (1u << 7) | (1u << 3));
  print("mip before enabling", read_csr(mip) & 0x888);
  set_csr(mstatus, 1u << 3);
  for (volatile int i = 0; i < 10; i++) {
  }
  clear_csr(mstatus, 1u << 3);
  for (uint32_t i = 0; i < taken && i < 8; i++) print("taken", order[i]);
  print("mip after", read_csr(mip) & 0x888);
  return 0;
}
