/* stopwatch_hw-sw.h: the stopwatch device's hardware/software interface.
 * Generated from src/machine/devices/stopwatch/stopwatch-regs.ts; see
 * docs/devices/stopwatch.md. Do not edit: edit the constants instead. */
#ifndef STOPWATCH_HW_SW_H
#define STOPWATCH_HW_SW_H

#include <stdint.h>

#define STOPWATCH_COMPATIBLE "stopwatch"

/* Trapping registers: every access is a VM exit into the device. */
struct StopWatch_regs {
	uint64_t command; /* 0x0, write-only */
	uint64_t status;  /* 0x8, read-only */
};

#define STOPWATCH_MEM_DATA_LENGTH 128
/* Pass-through memory: shared by guest and host, no VM exit. */
struct StopWatch_mem {
	uint64_t data_len; /* 0x0 */
	char data[STOPWATCH_MEM_DATA_LENGTH]; /* 0x8 */
};

#define STOPWATCH_TIMEOUT_MAX_S 10

/* Commands, written to StopWatch_regs.command */
enum {
	STOPWATCH_ACTION_RESET = 0,
	STOPWATCH_ACTION_START = 1,
	STOPWATCH_ACTION_PAUSE = 2,
	STOPWATCH_ACTION_UPDATE = 3,
	STOPWATCH_ACTION_TIMEOUT = 4,
	STOPWATCH_ACTION_TIMEOUT_ACK = 5,
	STOPWATCH_ACTION_LAST = 6 /* keep last */
};

/* States, read from StopWatch_regs.status */
enum {
	STOPWATCH_STATE_RUNNING = 0,
	STOPWATCH_STATE_RESET = 1,
	STOPWATCH_STATE_PAUSED = 2,
	STOPWATCH_STATE_LAST = 3 /* keep last */
};

#endif /* STOPWATCH_HW_SW_H */
