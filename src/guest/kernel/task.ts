// A kernel task: a guest call in progress with its own kernel stack in RAM,
// its registers while it is off the CPU, and a struct task_struct (what tp
// holds while it runs, laid out as src/guest/include/linux/sched.h does).
// Nested guest calls (a service calling into the driver: probe, read, an IRQ
// handler) stack up as frames on the same task, as nested C calls would.

import type { TaskInfo } from './api.ts';

/** struct task_struct on RV32 (linux/sched.h): thread_info (20 bytes) first. */
export const TASK_STRUCT = { size: 64, tiFlags: 0, preemptCount: 4, state: 20, stack: 24, flags: 28, pid: 40, tgid: 44, comm: 48, commLen: 16 } as const;
export const TIF_SIGPENDING = 2;
export const TASK_RUNNING = 0, TASK_INTERRUPTIBLE = 1;

/** The S-mode registers a task owns: sstatus's S bits and the trap CSRs of an interrupted trap. */
export interface SavedCsrs {
  sstatus: number;
  sepc: number;
  scause: number;
  stval: number;
  sscratch: number;
}

export interface CpuContext {
  x: Int32Array;
  pc: number;
  csrs: SavedCsrs;
}

export function emptyContext(): CpuContext {
  return { x: new Int32Array(32), pc: 0, csrs: { sstatus: 0, sepc: 0, scause: 0, stval: 0, sscratch: 0 } };
}

export function copyContext(c: CpuContext): CpuContext {
  return { x: c.x.slice(), pc: c.pc, csrs: { ...c.csrs } };
}

/** One guest call on the task: where to go back to, and who waits for its a0. */
export interface CallFrame {
  saved: CpuContext;
  resolve(a0: number): void;
  reject(e: Error): void;
  /** The service's slot that made the call (for call traces). */
  via?: number;
}

/** running: its registers are on the CPU; runnable: waits for the CPU; in-service: a
 * kernel service (TypeScript) works for it, or it sleeps; dead: ended or aborted. */
export type TaskState = 'running' | 'runnable' | 'in-service' | 'dead';

export class Task implements TaskInfo {
  state: TaskState = 'runnable';
  ctx: CpuContext = emptyContext();
  readonly frames: CallFrame[] = [];
  /** PLIC claims whose handlers are running on this task (completed if it is aborted). */
  readonly irqClaims: number[] = [];
  /** The slot of the last service it called (the one a nested call comes from). */
  servicePc = 0;
  /** Virtual time when it last got the CPU (the soft-lockup watchdog's reference). */
  onCpuSinceNs = 0;
  /** A wake() came while it was not blocked: its next block() returns at once. */
  wokenEarly = false;
  blockResolve: (() => void) | null = null;
  private signal = false;
  private readonly listeners = new Set<() => void>();
  readonly done: Promise<number>;
  finish!: (a0: number) => void;
  fail!: (e: Error) => void;

  constructor(readonly pid: number, readonly comm: string, readonly taskStruct: number,
    /** Lowest address of the stack proper (the guard gap lies below), and its top. */
    readonly stackBase: number, readonly stackTop: number,
    /** The heap block holding stack and guard, freed when the task ends. */
    readonly stackBlock: number) {
    this.done = new Promise<number>((resolve, reject) => { this.finish = resolve; this.fail = reject; });
    this.done.catch(() => {}); // whoever waits sees it; an unobserved abort is not a host error
  }

  get signalPending(): boolean {
    return this.signal;
  }

  /** A signal arrives (Ctrl-C, kill): interruptible sleeps end. */
  raiseSignal(): void {
    this.signal = true;
    for (const l of [...this.listeners]) l();
    this.listeners.clear();
  }

  onSignal(listener: () => void): () => void {
    if (this.signal) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
