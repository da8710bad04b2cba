// The part of the board (src/machine/board.ts, VirtBoard) that a session
// drives, written out so a session can be built on any board that has it.

import type { Watchpoint } from '../protocol/watchpoints.ts';
import type { RunStop } from '../machine/board.ts';
import type { CpuRegisters } from '../protocol/cpu-state.ts';
import type { StopwatchProps } from '../machine/devices/stopwatch/stopwatch.ts';
import type { TraceEvent } from '../protocol/trace-events.ts';
import type { PeekableBus } from './code-listing.ts';
import type { RegisterMap } from '../machine/cpu/device-watch.ts';
import type { EventStepTarget } from '../protocol/trace-lanes.ts';
import type { EventStopAt } from '../protocol/stop-reason.ts';

/** Why the board's run loop returned (the board's own type). */
export type BoardRunStop = RunStop;

/** How the session wants its board built: the stopwatch's properties, as
 * QEMU's -device sets them, or null to leave it off the platform bus. */
export interface SessionBoardOptions {
  stopwatch: StopwatchProps | null;
  /** false: the hart only interprets (no translation of hot code, docs/jit.md). */
  jit?: boolean;
}

export interface SessionBoard {
  readonly config: { readonly nsPerInsn: number };
  readonly cpu: {
    pc: number;
    priv: number;
    readonly x: Int32Array;
    instret: number;
    readonly breakpoints: Set<number>;
    /** The trap registers the source-level stepper reads (an interrupt taken during a step). */
    readonly csr: { mtvec: number; mcause: number; stvec: number; scause: number };
    readonly watchpoints: { set(watchpoints: readonly Watchpoint[]): void };
    resumeOverBreakpoint(): void;
    /** false: the interpreter runs every instruction (no translation of hot code). */
    useTranslator: boolean;
    registers(): CpuRegisters;
    /** Told once per boot of what the student should know that stops nothing (no FPU). */
    onNotice: ((message: string) => void) | null;
  };
  readonly clock: { nowNs(): number };
  readonly bus: PeekableBus & RegisterMap;
  /** Run to the next VM exit, IRQ or lane event. */
  readonly eventStop: {
    arm(target: EventStepTarget): void;
    disarm(): void;
    take(): { target: EventStepTarget; at: EventStopAt } | null;
  };
  readonly tracer: { enabled: boolean; dropped: number; drain(): TraceEvent[] };
  /** The stopwatch, if the board has one: told each guest error it logs (on_error=log). */
  readonly stopwatch?: { onGuestError: (message: string) => void } | null;
  /** Throws a student-readable error when the image is not a program for this board. */
  loadElf(image: Uint8Array, name?: string): { entry: number };
  run(maxInsns: number, opts?: { idle?: 'skip' | 'return' }): BoardRunStop & { insns: number };
  idleUntil(ns: number): void;
  takeUartOutput(): Uint8Array;
  sendUartInput(bytes: Uint8Array): void;
  reset(): void;
}
