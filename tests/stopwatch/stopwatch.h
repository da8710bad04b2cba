/* The stopwatch on QEMU virt's platform bus (docs/devices/stopwatch.md):
   mem (pass-through) at 0x04000000, regs (trapping) at 0x04000090, PLIC
   source 64. stopwatch_hw-sw.h is rendered by the test from the device's
   register constants. */
#ifndef STOPWATCH_H
#define STOPWATCH_H

#include "../baremetal/common.h"
#include "stopwatch_hw-sw.h"

#define SW_MEM ((volatile struct StopWatch_mem *)0x04000000)
#define SW_REGS ((volatile uint32_t *)0x04000090) /* 32-bit words: command lo/hi, status lo/hi */
#define SW_IRQ 64

#define PLIC_PRIORITY(src) ((volatile uint32_t *)(PLIC_BASE + 4 * (src)))
#define PLIC_PENDING(src) ((volatile uint32_t *)(PLIC_BASE + 0x1000 + 4 * ((src) / 32)))
#define PLIC_ENABLE0(src) ((volatile uint32_t *)(PLIC_BASE + 0x2000 + 4 * ((src) / 32)))
#define PLIC_THRESHOLD0 ((volatile uint32_t *)(PLIC_BASE + 0x200000))
#define PLIC_CLAIM0 ((volatile uint32_t *)(PLIC_BASE + 0x200004))

static inline void sw_command(uint32_t cmd) { SW_REGS[0] = cmd; }          /* writel(cmd, &regs->command) */
static inline uint32_t sw_status(void) { return SW_REGS[2]; }                /* readl(&regs->status) */

/* data_len is a u64 in shared memory: two 32-bit pass-through stores. */
static inline void sw_set_data_len(uint32_t v) {
  volatile uint32_t *len = (volatile uint32_t *)&SW_MEM->data_len;
  len[0] = v;
  len[1] = 0;
}

#endif
