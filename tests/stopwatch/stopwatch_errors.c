/* One device-error row of docs/devices/stopwatch.md per build (-DCASE=n):
   prints "before", makes the mistake, prints "after" and what it read. With
   on_error=stop the machine stops between the two lines; with on_error=log
   the access is ignored and the program runs to its end. */
#include "stopwatch.h"

uint32_t trap_handler(struct trap_frame *f) {
  (void)f;
  print("unexpected trap, mcause", read_csr(mcause));
  exit(3);
}

int main(void) {
  uint32_t v = 0;
  write_csr(mtvec, (uint32_t)trap_entry);
  puts("before\n");
#if CASE == 1 /* START while running (start_at_boot) */
  sw_command(STOPWATCH_ACTION_START);
#elif CASE == 2 /* PAUSE after RESET */
  sw_command(STOPWATCH_ACTION_RESET);
  sw_command(STOPWATCH_ACTION_PAUSE);
#elif CASE == 3 /* TIMEOUT 11 */
  sw_set_data_len(11);
  sw_command(STOPWATCH_ACTION_TIMEOUT);
#elif CASE == 4 /* TIMEOUT_ACK with nothing pending */
  sw_command(STOPWATCH_ACTION_TIMEOUT_ACK);
#elif CASE == 5 /* reading command */
  v = SW_REGS[0];
#elif CASE == 6 /* writing status */
  SW_REGS[2] = 1;
#elif CASE == 7 /* unknown offset */
  ((volatile uint8_t *)SW_REGS)[2] = 1;
#elif CASE == 8 /* unknown command */
  sw_command(7);
#else
#error "CASE must be 1..8"
#endif
  print("after, read", v);
  print("status", sw_status());
  return 0;
}
