// The stopwatch's hardware/software interface, in one place: register and
// buffer layout, commands, states (the guest's stopwatch_hw-sw.h). The
// device model decodes with these names and the guest's C header is rendered
// from them, so the two sides cannot drift apart.

/** Trapping register bank, `struct StopWatch_regs` (two u64, little-endian). */
export const STOPWATCH_REG = {
  /** u64, write-only: a command (STOPWATCH_ACTION_*). */
  command: 0x0,
  /** u64, read-only: the state (STOPWATCH_STATE_*). */
  status: 0x8,
} as const;
export const STOPWATCH_REGS_SIZE = 0x10;

/** Length of `data` in the pass-through buffer. */
export const STOPWATCH_MEM_DATA_LENGTH = 128;
/** Pass-through buffer, `struct StopWatch_mem`. */
export const STOPWATCH_MEM = {
  /** u64: length of the text in `data`, NUL included (UPDATE), or seconds (TIMEOUT). */
  data_len: 0x0,
  /** char[128]: the text UPDATE writes. */
  data: 0x8,
} as const;
export const STOPWATCH_MEM_SIZE = STOPWATCH_MEM.data + STOPWATCH_MEM_DATA_LENGTH; // 0x88

/** Commands, written to `command` (in the order of the guest header's enum). */
export const STOPWATCH_ACTION = {
  RESET: 0,
  START: 1,
  PAUSE: 2,
  UPDATE: 3,
  TIMEOUT: 4,
  TIMEOUT_ACK: 5,
} as const;
export const STOPWATCH_ACTION_LAST = 6;

/** States, read from `status`. */
export const STOPWATCH_STATE = {
  RUNNING: 0,
  RESET: 1,
  PAUSED: 2,
} as const;
export const STOPWATCH_STATE_LAST = 3;

/** Longest timeout TIMEOUT accepts, in seconds. */
export const STOPWATCH_TIMEOUT_MAX_S = 10;

/** The device tree compatible string the driver matches. */
export const STOPWATCH_COMPATIBLE = 'stopwatch';

export type StopwatchActionName = keyof typeof STOPWATCH_ACTION;
export type StopwatchStateName = keyof typeof STOPWATCH_STATE;

const ACTION_NAMES = Object.keys(STOPWATCH_ACTION) as StopwatchActionName[]; // in value order
const STATE_NAMES = Object.keys(STOPWATCH_STATE) as StopwatchStateName[];

export function actionName(value: number): StopwatchActionName | undefined {
  return ACTION_NAMES.find((k) => STOPWATCH_ACTION[k] === value);
}

export function stateName(value: number): StopwatchStateName | undefined {
  return STATE_NAMES.find((k) => STOPWATCH_STATE[k] === value);
}

function enumBlock(prefix: string, values: Record<string, number>, last: number): string[] {
  const lines = ['enum {'];
  for (const [name, v] of Object.entries(values)) lines.push(`\t${prefix}_${name} = ${v},`);
  lines.push(`\t${prefix}_LAST = ${last} /* keep last */`, '};');
  return lines;
}

/** The guest's `stopwatch_hw-sw.h`, rendered from the constants above. */
export function renderStopwatchHeader(): string {
  return [
    '/* stopwatch_hw-sw.h: the stopwatch device\'s hardware/software interface.',
    ' * Generated from src/machine/devices/stopwatch/stopwatch-regs.ts; see',
    ' * docs/devices/stopwatch.md. Do not edit: edit the constants instead. */',
    '#ifndef STOPWATCH_HW_SW_H',
    '#define STOPWATCH_HW_SW_H',
    '',
    '#include <stdint.h>',
    '',
    `#define STOPWATCH_COMPATIBLE "${STOPWATCH_COMPATIBLE}"`,
    '',
    '/* Trapping registers: every access is a VM exit into the device. */',
    'struct StopWatch_regs {',
    `\tuint64_t command; /* 0x${STOPWATCH_REG.command.toString(16)}, write-only */`,
    `\tuint64_t status;  /* 0x${STOPWATCH_REG.status.toString(16)}, read-only */`,
    '};',
    '',
    `#define STOPWATCH_MEM_DATA_LENGTH ${STOPWATCH_MEM_DATA_LENGTH}`,
    '/* Pass-through memory: shared by guest and host, no VM exit. */',
    'struct StopWatch_mem {',
    `\tuint64_t data_len; /* 0x${STOPWATCH_MEM.data_len.toString(16)} */`,
    `\tchar data[STOPWATCH_MEM_DATA_LENGTH]; /* 0x${STOPWATCH_MEM.data.toString(16)} */`,
    '};',
    '',
    `#define STOPWATCH_TIMEOUT_MAX_S ${STOPWATCH_TIMEOUT_MAX_S}`,
    '',
    '/* Commands, written to StopWatch_regs.command */',
    ...enumBlock('STOPWATCH_ACTION', STOPWATCH_ACTION, STOPWATCH_ACTION_LAST),
    '',
    '/* States, read from StopWatch_regs.status */',
    ...enumBlock('STOPWATCH_STATE', STOPWATCH_STATE, STOPWATCH_STATE_LAST),
    '',
    '#endif /* STOPWATCH_HW_SW_H */',
    '',
  ].join('\n');
}
