/* The stopwatch driven by hand, bare metal: START, 1.5 s of virtual time,
   UPDATE and the text from the pass-through region; then TIMEOUT 2, the
   interrupt through the PLIC after 2 s, claim, ACK, complete, line low. */
#include "stopwatch.h"

static volatile uint32_t claimed, irq_at_lo, pending_after_ack, pending_after_complete;

/* Sleeps until mtime reaches `t` without taking an interrupt: wfi wakes on a
   pending MTIP even with mstatus.MIE clear (the board skips ahead to it). */
static void sleep_until(uint64_t t) {
  set_mtimecmp(t);
  set_csr(mie, 1u << 7);
  while (mtime() < t) __asm__ volatile("wfi");
  clear_csr(mie, 1u << 7);
  set_mtimecmp(~0ull);
}

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  uint32_t cause = read_csr(mcause);
  if (cause != 0x8000000bu) {
    print("unexpected mcause", cause);
    exit(3);
  }
  irq_at_lo = (uint32_t)mtime();
  claimed = *PLIC_CLAIM0;
  sw_command(STOPWATCH_ACTION_TIMEOUT_ACK);          /* lowers the device's line */
  pending_after_ack = (*PLIC_PENDING(SW_IRQ) >> (SW_IRQ % 32)) & 1;
  *PLIC_CLAIM0 = claimed;                            /* complete */
  pending_after_complete = (*PLIC_PENDING(SW_IRQ) >> (SW_IRQ % 32)) & 1;
  return 0;
}

static void print_text(void) {
  uint32_t len = *(volatile uint32_t *)&SW_MEM->data_len;
  print("data_len", len);
  puts("data: ");
  for (uint32_t i = 0; i + 1 < len && i < STOPWATCH_MEM_DATA_LENGTH; i++) putc(SW_MEM->data[i]);
  putc('\n');
}

int main(void) {
  write_csr(mtvec, (uint32_t)trap_entry);
  print("status at boot", sw_status());
  sw_command(STOPWATCH_ACTION_RESET);
  print("status after RESET", sw_status());
  sw_command(STOPWATCH_ACTION_START);
  sleep_until(mtime() + 15000000);                   /* 1.5 s at 10 MHz */
  sw_command(STOPWATCH_ACTION_UPDATE);
  print_text();
  sw_command(STOPWATCH_ACTION_PAUSE);
  print("status after PAUSE", sw_status());

  *PLIC_PRIORITY(SW_IRQ) = 1;
  *PLIC_ENABLE0(SW_IRQ) = 1u << (SW_IRQ % 32);
  *PLIC_THRESHOLD0 = 0;
  set_csr(mie, 1u << 11);
  set_csr(mstatus, 1u << 3);
  sw_set_data_len(2);
  uint32_t armed_lo = (uint32_t)mtime();
  sw_command(STOPWATCH_ACTION_TIMEOUT);
  while (!claimed) __asm__ volatile("wfi");
  uint32_t ms = (irq_at_lo - armed_lo) / 10000;
  print("claimed source", claimed);
  puts("timeout after ");
  putdec((int32_t)ms);
  puts(" ms\n");
  print("pending after ACK", pending_after_ack);
  print("pending after complete", pending_after_complete);
  return ms >= 2000 && ms <= 2001 ? 0 : 4;
}
