/* stopwatch-demo.c: drives the para-virtual stopwatch with no driver and no
 * kernel, by MMIO, to show its two regions. Writing a command to the
 * trapping register bank is a VM exit: the device model runs. The text it
 * answers with lands in the pass-through buffer, which the program reads as
 * plain memory (no exit). */
#include "uart.h"
#include "stopwatch_hw-sw.h"

/* Where the platform bus put the stopwatch (see the device tree). */
#define STOPWATCH_MEM ((volatile struct StopWatch_mem *)0x04000000)
#define STOPWATCH_REGS ((volatile struct StopWatch_regs *)0x04000090)

static const char *state_name(uint32_t state) {
  switch (state) {
  case STOPWATCH_STATE_RUNNING: return "running";
  case STOPWATCH_STATE_RESET: return "reset";
  case STOPWATCH_STATE_PAUSED: return "paused";
  default: return "?";
  }
}

static void command(uint32_t action, const char *what) {
  STOPWATCH_REGS->command = action; /* a trapping write: the device acts now */
  uart_puts(what);
  uart_puts(" -> ");
  uart_puts(state_name((uint32_t)STOPWATCH_REGS->status));
  uart_putc('\n');
}

static void show_time(void) {
  command(STOPWATCH_ACTION_UPDATE, "update");
  uart_puts("  buffer: \"");
  /* Pass-through memory: these reads never leave the guest. */
  uint32_t len = (uint32_t)STOPWATCH_MEM->data_len;
  for (uint32_t i = 0; i + 1 < len && i < STOPWATCH_MEM_DATA_LENGTH; i++) uart_putc(STOPWATCH_MEM->data[i]);
  uart_puts("\"\n");
}

static void busy_wait(uint32_t loops) {
  for (volatile uint32_t i = 0; i < loops; i++) {
  }
}

int main(void) {
  uart_puts("stopwatch by MMIO: regs at 0x04000090, buffer at 0x04000000\n");
  command(STOPWATCH_ACTION_RESET, "reset");
  command(STOPWATCH_ACTION_START, "start");
  busy_wait(200000);
  show_time();
  command(STOPWATCH_ACTION_PAUSE, "pause");
  show_time();
  power_off(0);
}
