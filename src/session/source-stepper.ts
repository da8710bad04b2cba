// Source-level steps as gdb takes them, built only from single instruction
// steps and temporary breakpoints, so that a host can run them inside
// GuestSystem.drive, where the guest may sleep in a kernel service or take an
// interrupt between two instructions. The stepper never runs the machine: it
// answers each stop with what to do next (step one instruction, or resume with
// temporary breakpoints), and the host tells it where the hart stopped.
//
// Frames are told apart by the stack pointer and the task (tp): a temporary
// breakpoint at a return address counts only in the frame that made the call,
// so a recursive call, or another task running the same driver code, passes it.

import type { SourceLocation } from '../protocol/driver.ts';
import type { FunctionRange, SourceLookup } from './source-map.ts';
import { callerFrame } from './frame-unwind.ts';

/** The hart as the stepper sees it at a stop. */
export interface HartView {
  pc: number;
  /** x0..x31 (x1 ra, x2 sp, x4 tp, x8 s0). */
  x: ArrayLike<number>;
  /** The S-mode trap vector (stvec): an interrupt or exception enters there. */
  trapVector: number;
  /** scause: why the last trap was taken (the top bit set for an interrupt). */
  trapCause: number;
  /** A 32-bit word of guest memory (code or stack). */
  readU32(addr: number): number;
}

export type StepKind = 'line' | 'into' | 'out' | 'to-line';

/** A breakpoint the stepper needs for a while; it counts only where sp and tp match (when given). */
export interface TemporaryBreakpoint {
  pc: number;
  sp?: number;
  tp?: number;
}

export type StepEnd =
  /** At the start of another line (step line, step into, run to line). */
  | 'line'
  /** The function returned into C code of its caller (step out, or a step off its end). */
  | 'returned'
  /** A breakpoint of the user's was hit first. */
  | 'breakpoint';

export interface StepStop {
  reason: StepEnd;
  pc: number;
  location: SourceLocation | null;
  /** For the page's status line, written for a student. */
  message: string;
}

export type StepAction =
  | { kind: 'single-step' }
  | { kind: 'resume'; breakpoints: TemporaryBreakpoint[] }
  /** The step is over and the hart stays stopped at `stop.pc`. */
  | { kind: 'stop'; stop: StepStop }
  /** The step is over but the hart is where no C source is (the call returned to the
   * kernel, or faulted): the host lets the guest run on. */
  | { kind: 'finished'; message: string };

/** How the stepper names what lies around the code with source, in its messages. */
export interface StepWords {
  /** The code without source that calls the program's C (a guest call's caller, a start-up file). */
  outside: string;
  /** What happens to an instruction that faults during a step. */
  faultHandled: string;
}

/** A driver in the guest: the kernel calls it and handles its faults. */
export const GUEST_WORDS: StepWords = { outside: 'the kernel', faultHandled: 'the kernel handles it (see its log)' };

/** The length of the instruction at `pc` (2 for a compressed one). */
function insnLength(hart: HartView, pc: number): number {
  return (hart.readU32(pc) & 3) === 3 ? 4 : 2;
}

const u32 = (n: number): number => n >>> 0;
/** jalr x0, 0(ra). */
const RET = 0x00008067;

export class SourceStepper {
  private fn: FunctionRange | null = null;
  private startLine: SourceLocation | null = null;
  /** Step into: a called function with source was entered; stop at its body. */
  private enteredBody = -1;
  private pending: TemporaryBreakpoint[] = [];
  /** The pending breakpoint is where a trap taken during a single step returns to. */
  private trapReturn = false;
  /** The pc and sp before the last single step. */
  private before = { pc: 0, sp: 0 };

  constructor(private readonly code: SourceLookup, readonly kind: StepKind,
    /** For run to line: the addresses of the line. */
    private readonly targets: readonly number[] = [],
    /** Whether a user's breakpoint is set at `pc` (a step stops there, as gdb's do). */
    private readonly isUserBreakpoint: (pc: number) => boolean = () => false,
    private readonly words: StepWords = GUEST_WORDS) {}

  /** The first action, with the hart stopped where the user pressed the button. */
  start(hart: HartView): StepAction {
    const pc = u32(hart.pc);
    this.fn = this.code.functionAt(pc);
    this.startLine = this.code.locate(pc);
    if (this.kind === 'to-line') return this.resume(this.targets.map((t) => ({ pc: u32(t) })));
    if (!this.fn) return { kind: 'finished', message: 'The hart is not in C code with line information: it runs on.' };
    if (this.kind === 'out') return this.startOut(hart);
    return this.singleStep(hart);
  }

  /** The host ran one instruction (after a single-step action). */
  afterStep(hart: HartView): StepAction {
    const pc = u32(hart.pc), x = hart.x;
    const from = this.before;
    const fallThrough = u32(from.pc + insnLength(hart, from.pc));
    // An interrupt (or exception) was taken instead of the instruction: let the trap
    // handler run and come back to the instruction, in this frame and task.
    if (pc - u32(hart.trapVector) < 8 && !this.code.functionAt(pc)) {
      if (hart.trapCause >= 0) {
        // An exception: the instruction faulted, and the kernel will not come back to it.
        return { kind: 'finished', message: `The instruction at 0x${from.pc.toString(16)} faulted: ${this.words.faultHandled}.` };
      }
      this.trapReturn = true;
      return this.resume([{ pc: from.pc, sp: from.sp, tp: u32(x[4]) }]);
    }
    if (pc !== fallThrough && u32(x[1]) === fallThrough) return this.called(hart, fallThrough);
    return this.arrived(hart);
  }

  /** The hart stopped at a breakpoint while this step was going on. */
  atBreakpoint(hart: HartView, userBreakpoint: boolean): StepAction {
    const pc = u32(hart.pc), sp = u32(hart.x[2]), tp = u32(hart.x[4]);
    const ours = this.pending.some((b) => b.pc === pc && (b.sp === undefined || b.sp === sp) && (b.tp === undefined || b.tp === tp));
    if (!ours) {
      if (userBreakpoint) return this.stop(hart, 'breakpoint', 'Stopped at a breakpoint before the step was done.');
      return this.resume(this.pending); // another frame or task passed our address
    }
    this.pending = [];
    if (this.trapReturn) {
      // Back at the instruction the interrupt came before: it has not run yet.
      this.trapReturn = false;
      return this.singleStep(hart);
    }
    if (this.kind === 'to-line') return this.stop(hart, 'line', 'Ran to the line.');
    if (this.kind === 'out' && !this.code.functionAt(pc)) return { kind: 'finished', message: `The function returned to ${this.words.outside}.` };
    if (this.kind === 'out' && this.fn && !inside(this.fn, pc)) return this.stop(hart, 'returned', 'Returned to the caller.');
    return this.arrived(hart);
  }

  /** Where the last single step (or return breakpoint) left the hart, when no call was made. */
  private arrived(hart: HartView): StepAction {
    const pc = u32(hart.pc);
    const fn = this.fn!;
    if (this.enteredBody >= 0) {
      // Step into: walk through the callee's prologue to its first line.
      if (pc === this.enteredBody) return this.stop(hart, 'line', 'Stepped into the function.');
      return this.singleStep(hart);
    }
    if (!inside(fn, pc)) {
      if (!this.code.locate(pc)) return { kind: 'finished', message: `The function returned to ${this.words.outside}.` };
      return this.stop(hart, 'returned', 'Returned to the caller.');
    }
    if (this.kind !== 'out' && this.code.isLineStart(pc)) {
      const here = this.code.locate(pc);
      if (here && (here.line !== this.startLine?.line || here.file !== this.startLine.file)) return this.stop(hart, 'line', '');
    }
    if (this.isUserBreakpoint(pc)) return this.stop(hart, 'breakpoint', 'Stopped at a breakpoint before the step was done.');
    return this.singleStep(hart);
  }

  /** The last instruction was a call; `ret` is where it comes back. */
  private called(hart: HartView, ret: number): StepAction {
    const pc = u32(hart.pc);
    const callee = this.code.functionAt(pc);
    if (this.kind === 'into' && this.enteredBody < 0 && callee && callee.start === pc && this.code.locate(pc)) {
      this.fn = callee;
      this.enteredBody = this.code.bodyStart(callee);
      if (pc === this.enteredBody) return this.stop(hart, 'line', 'Stepped into the function.');
      return this.singleStep(hart);
    }
    // Step over: a kernel service, code without source, or any call for step line/out.
    return this.resume([{ pc: ret, sp: u32(hart.x[2]), tp: u32(hart.x[4]) }]);
  }

  private startOut(hart: HartView): StepAction {
    const fn = this.fn!, tp = u32(hart.x[4]);
    const caller = callerFrame(hart, fn);
    // A return address in C code gets a breakpoint. One into the kernel (a guest call's
    // return slot, where nothing is mapped) cannot: the function's `ret` instructions get
    // them instead, and the last step is a single one. A frame the prologue scan cannot
    // read is stepped through to its return.
    if (caller && this.code.locate(caller.returnAddress)) return this.resume([{ pc: caller.returnAddress, sp: caller.sp, tp }]);
    const rets: TemporaryBreakpoint[] = [];
    for (let a = fn.start; a + 4 <= fn.end; a += 4) {
      if (hart.readU32(a) >>> 0 === RET && a !== u32(hart.pc)) rets.push({ pc: a, sp: caller?.sp, tp });
    }
    return rets.length ? this.resume(rets) : this.singleStep(hart);
  }

  private singleStep(hart: HartView): StepAction {
    this.before = { pc: u32(hart.pc), sp: u32(hart.x[2]) };
    return { kind: 'single-step' };
  }

  private resume(breakpoints: TemporaryBreakpoint[]): StepAction {
    this.pending = breakpoints;
    return { kind: 'resume', breakpoints };
  }

  private stop(hart: HartView, reason: StepEnd, message: string): StepAction {
    const pc = u32(hart.pc);
    const location = this.code.locate(pc);
    const where = location ? `${location.function}, ${location.file.replace(/^.*\//, '')}:${location.line}` : `0x${pc.toString(16)}`;
    return { kind: 'stop', stop: { reason, pc, location, message: message ? `${message} Now in ${where}.` : `Now in ${where}.` } };
  }
}

function inside(fn: FunctionRange, pc: number): boolean {
  return pc >= fn.start && pc < fn.end;
}
