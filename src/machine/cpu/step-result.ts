// Why Cpu.step returned: its budget ran out, the hart idles in wfi, it stands
// on a breakpoint, or the host asked it to stop (a device, the slice clock).

export const STEP_BUDGET = 0, STEP_WFI = 1, STEP_BREAKPOINT = 2, STEP_EXIT = 3;
export type StepResult = 0 | 1 | 2 | 3;
