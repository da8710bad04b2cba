// What the source-level debugger needs of a machine, and nothing more: a view
// of the hart for the stepper, the CPU's breakpoint set, and one instruction
// at a time. The guest (S-mode driver code under a kernel) and a bare-metal
// program (M-mode, no kernel) differ only in which trap CSRs tell the stepper
// that an interrupt came in, and in how memory is read.

import type { BoardRunStop, SessionBoard } from './session-board.ts';
import type { HartView } from './source-stepper.ts';

export interface DebugMachine {
  readonly hart: HartView;
  /** The CPU's own set: the hart stops before executing any of these. */
  readonly breakpoints: Set<number>;
  /** Executes one instruction, even one under a breakpoint. Returns the board's
   * stop when the machine stopped on its own (powered off, a watchpoint, a device
   * error), null when the instruction simply ran. */
  singleStep(): BoardRunStop | null;
}

/** The part of the board a single step needs (VirtBoard has it; so does a SessionBoard). */
export interface SteppableBoard {
  readonly cpu: {
    pc: number;
    readonly x: ArrayLike<number>;
    readonly breakpoints: Set<number>;
    readonly csr: { mtvec: number; mcause: number; stvec: number; scause: number };
    resumeOverBreakpoint(): void;
  };
  run(maxInsns: number, opts?: { idle?: 'skip' | 'return' }): BoardRunStop & { insns: number };
}

/** Which privilege's trap registers the stepper watches. */
export type TrapLevel = 'machine' | 'supervisor';

/** A debug view of `board`, reading memory with `readU32` (a bus peek, or the guest kernel's RAM). */
export function debugMachine(board: SteppableBoard, level: TrapLevel, readU32: (addr: number) => number): DebugMachine {
  const cpu = board.cpu;
  const hart: HartView = level === 'machine'
    ? {
      get pc() { return cpu.pc >>> 0; }, x: cpu.x, readU32,
      get trapVector() { return cpu.csr.mtvec & ~3; }, get trapCause() { return cpu.csr.mcause | 0; },
    }
    : {
      get pc() { return cpu.pc >>> 0; }, x: cpu.x, readU32,
      get trapVector() { return cpu.csr.stvec & ~3; }, get trapCause() { return cpu.csr.scause | 0; },
    };
  return {
    hart,
    breakpoints: cpu.breakpoints,
    singleStep() {
      cpu.resumeOverBreakpoint();
      // 'skip': a wfi under the step waits for its timer as a run would (virtual time jumps).
      const r = board.run(1, { idle: 'skip' });
      return r.reason === 'budget' || r.reason === 'breakpoint' || r.reason === 'wfi' && r.insns > 0 ? null : r;
    },
  };
}

/** A bare-metal program on a session's board: M-mode traps, memory read through the bus. */
export function bareMetalMachine(board: SessionBoard): DebugMachine {
  return debugMachine(board, 'machine', (addr) => (board.bus.peek(addr >>> 0, 4) ?? 0) >>> 0);
}
