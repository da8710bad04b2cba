// The source-level debugger on any machine (a guest's driver, a bare-metal
// program): the user's breakpoints on C lines (as addresses), and the steps of
// SourceStepper carried out on a DebugMachine. It never runs the machine for
// long: single steps go in bounded batches (`budget`), and a step that has to
// wait (over a call, out of a function) sets temporary breakpoints and hands
// the machine back to its host, which runs it in its usual slices. So between
// two batches, and while the machine runs towards a temporary breakpoint, the
// host's message loop turns, and a Pause can stop a long step (interrupt()).

import type { SourceLocation } from '../protocol/driver.ts';
import type { BoardRunStop } from './session-board.ts';
import type { DebugMachine } from './debug-machine.ts';
import type { SourceLookup } from './source-map.ts';
import { SourceStepper, type StepAction, type StepEnd, type StepKind, type StepWords } from './source-stepper.ts';

export type DebugCommand =
  | { kind: 'continue' }
  | { kind: 'step'; step: Exclude<StepKind, 'to-line'> }
  | { kind: 'run-to'; addresses: number[] };

/** A stop shown to the user: at a breakpoint of theirs, where a step ended, or where Pause caught a step. */
export interface DebugStop {
  reason: StepEnd | 'paused';
  pc: number;
  location: SourceLocation | null;
  message: string;
}

/** What the host does next, after the debugger had its turn. */
export type DebugProgress =
  /** Show this stop; the machine stays paused. */
  | { kind: 'stopped'; stop: DebugStop }
  /** Let the machine run: towards the step's temporary breakpoints, or on, the step over
   * (`message`, when not empty: why it ended where no C source is). */
  | { kind: 'run-on'; message: string }
  /** The batch of single steps is used up and the step goes on: call advance() after the host's turn. */
  | { kind: 'stepping' }
  /** The machine stopped by itself during a single step (powered off, a watchpoint…); the step is dropped. */
  | { kind: 'machine-stopped'; stop: BoardRunStop };

/** Single steps in one batch: a few milliseconds of work, so Pause gets through between batches. */
export const STEP_BATCH = 20_000;

const STEP_NAMES: Record<StepKind, string> = { line: 'Step line', into: 'Step into', out: 'Step out', 'to-line': 'Run to line' };

export class SourceDebugger {
  /** The user's breakpoints (addresses of their C lines); temporary ones come and go on top. */
  readonly breakpoints = new Set<number>();
  private code: SourceLookup | null = null;
  private stepper: SourceStepper | null = null;
  /** The stepper asked for a single step that the last batch had no room for. */
  private singleStepDue = false;
  private temporary: number[] = [];

  constructor(protected readonly machine: () => DebugMachine,
    /** Words for the code without source around the program ("the kernel", "the start-up code"). */
    private readonly words?: StepWords,
    /** Another breakpoint of the user's (an address set in the Code pane): a step stops there too. */
    private readonly otherBreakpoint: (pc: number) => boolean = () => false) {}

  /** The code with source (null: none, e.g. an ELF without line information). */
  setCode(code: SourceLookup | null): void {
    this.code = code;
  }

  /** The C line of `pc` (null: no source there). */
  locate(pc: number): SourceLocation | null {
    return this.code?.locate(pc) ?? null;
  }

  /** The code with source, as set. */
  get lookup(): SourceLookup | null {
    return this.code;
  }

  addBreakpoint(pc: number): void {
    this.breakpoints.add(pc >>> 0);
    this.machine().breakpoints.add(pc >>> 0);
  }

  removeBreakpoint(pc: number): void {
    this.breakpoints.delete(pc >>> 0);
    if (!this.temporary.includes(pc >>> 0)) this.machine().breakpoints.delete(pc >>> 0);
  }

  /** Every address the CPU must stop at for the debugger (a host that rebuilds the CPU's set adds these). */
  get addresses(): number[] {
    return [...this.breakpoints, ...this.temporary];
  }

  /** A step is under way (single-stepping, or running to its temporary breakpoints). */
  get stepping(): boolean {
    return this.stepper !== null;
  }

  /** The step under way is in its single steps: the host calls advance() instead of running the machine. */
  get singleStepping(): boolean {
    return this.stepper !== null && this.singleStepDue;
  }

  /** Whether the hart stopping at `pc` is the debugger's business (a breakpoint of its own, or a step's). */
  owns(pc: number): boolean {
    return this.stepper !== null || this.breakpoints.has(pc >>> 0);
  }

  /** Drops the step under way (its call ended, the program was reloaded, or Pause caught it). */
  cancelStep(): void {
    this.stepper = null;
    this.singleStepDue = false;
    this.clearTemporary();
  }

  /** The hart stopped on an address in the CPU's breakpoint set. */
  atBreakpoint(pc: number, budget = STEP_BATCH): DebugProgress {
    this.clearTemporary();
    if (!this.stepper) return { kind: 'stopped', stop: this.userStop(pc) };
    return this.carry(this.stepper.atBreakpoint(this.machine().hart, this.isUserBreakpoint(pc)), budget);
  }

  /** A step or run-to-line from a stop; null when there is no code with source to step in. */
  begin(command: Exclude<DebugCommand, { kind: 'continue' }>, budget = STEP_BATCH): DebugProgress | null {
    this.cancelStep();
    if (!this.code) return null;
    this.stepper = new SourceStepper(this.code, command.kind === 'step' ? command.step : 'to-line',
      command.kind === 'run-to' ? command.addresses : [], (a) => this.isUserBreakpoint(a), this.words);
    return this.carry(this.stepper.start(this.machine().hart), budget);
  }

  /** The next batch of single steps of the step under way. */
  advance(budget = STEP_BATCH): DebugProgress {
    if (!this.singleStepping) return { kind: 'run-on', message: '' };
    return this.carry({ kind: 'single-step' }, budget);
  }

  /** Pause while a step is under way: the step is dropped, and the stop says where the hart is. */
  interrupt(): DebugStop {
    const what = this.stepper ? STEP_NAMES[this.stepper.kind] : null;
    this.cancelStep();
    const pc = this.machine().hart.pc >>> 0;
    const location = this.locate(pc);
    const where = describeWhere(pc, location);
    return {
      reason: 'paused', pc, location,
      message: what
        ? `Paused during ${what}: the hart is in ${where}. The step is dropped; step again, or press Run to go on.`
        : `Paused in ${where}.`,
    };
  }

  private isUserBreakpoint(pc: number): boolean {
    return this.breakpoints.has(pc >>> 0) || this.otherBreakpoint(pc >>> 0);
  }

  /** Carries out the stepper's actions until it needs the machine to run, or is done. */
  private carry(first: StepAction, budget: number): DebugProgress {
    const m = this.machine();
    let action = first;
    for (let n = 0; ;) {
      switch (action.kind) {
        case 'single-step': {
          if (n >= budget) {
            this.singleStepDue = true;
            return { kind: 'stepping' };
          }
          n++;
          const stop = m.singleStep();
          if (stop?.reason === 'wfi') {
            this.cancelStep();
            return { kind: 'run-on', message: 'The hart sleeps in wfi until an interrupt comes: the step ends here, and the program runs on.' };
          }
          if (stop) {
            this.cancelStep();
            return { kind: 'machine-stopped', stop };
          }
          action = this.stepper!.afterStep(m.hart);
          break;
        }
        case 'resume':
          this.singleStepDue = false;
          for (const b of action.breakpoints) this.addTemporary(b.pc);
          return { kind: 'run-on', message: '' };
        case 'finished':
          this.cancelStep();
          return { kind: 'run-on', message: action.message };
        case 'stop':
          this.cancelStep();
          return { kind: 'stopped', stop: action.stop };
      }
    }
  }

  private userStop(pc: number): DebugStop {
    const location = this.locate(pc);
    return { reason: 'breakpoint', pc: pc >>> 0, location, message: `Stopped at a breakpoint in ${describeWhere(pc, location)}.` };
  }

  private addTemporary(pc: number): void {
    const bps = this.machine().breakpoints;
    if (bps.has(pc >>> 0)) return; // a breakpoint of the user's already stops there
    bps.add(pc >>> 0);
    this.temporary.push(pc >>> 0);
  }

  private clearTemporary(): void {
    if (!this.temporary.length) return;
    const bps = this.machine().breakpoints;
    for (const pc of this.temporary.splice(0)) if (!this.breakpoints.has(pc)) bps.delete(pc);
  }
}

/** "main, hello.c:9", or the bare address where there is no source. */
export function describeWhere(pc: number, location: SourceLocation | null): string {
  return location ? `${location.function}, ${location.file.replace(/^.*\//, '')}:${location.line}` : `0x${(pc >>> 0).toString(16)}`;
}
