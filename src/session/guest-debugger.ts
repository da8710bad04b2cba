// The host's half of source-level stepping in a guest: it sits in
// GuestSystem's onBreakpoint hook, asks the front end what to do at each stop
// (continue, step line/into/out, run to a line), and carries out the
// stepper's actions: single instruction steps right here in the hook, or
// temporary breakpoints after which the hook returns and the guest runs on
// (so a service may sleep and interrupts come in) until the hart stops again.

import type { GuestSystem } from '../guest/system.ts';
import type { SourceLocation } from '../protocol/driver.ts';
import type { SourceLookup } from './source-map.ts';
import { frameArguments, prototypeParams, type ArgumentValue } from './frame-arguments.ts';
import { SourceStepper, type HartView, type StepKind, type StepStop } from './source-stepper.ts';

export type DebugCommand =
  | { kind: 'continue' }
  | { kind: 'step'; step: Exclude<StepKind, 'to-line'> }
  | { kind: 'run-to'; addresses: number[] };

/** A stop shown to the user: at a breakpoint of theirs, or where a step ended. */
export interface DebugStop {
  reason: StepStop['reason'];
  pc: number;
  location: SourceLocation | null;
  message: string;
}

export class GuestDebugger {
  /** The user's breakpoints (guest addresses); temporary ones come and go on top. */
  readonly breakpoints = new Set<number>();
  private code: SourceLookup | null = null;
  private stepper: SourceStepper | null = null;
  private temporary: number[] = [];
  /** What the last step that ended without a stop said (it returned to the kernel). */
  lastFinished = '';

  constructor(private readonly system: () => GuestSystem,
    /** The front end's answer at a stop (the page waits for a button). */
    private readonly ask: (stop: DebugStop) => Promise<DebugCommand>) {}

  /** The code with source, after a module was inserted or removed. */
  setCode(code: SourceLookup): void {
    this.code = code;
  }

  addBreakpoint(pc: number): void {
    this.breakpoints.add(pc >>> 0);
    this.system().board.cpu.breakpoints.add(pc >>> 0);
  }

  removeBreakpoint(pc: number): void {
    this.breakpoints.delete(pc >>> 0);
    if (!this.temporary.includes(pc >>> 0)) this.system().board.cpu.breakpoints.delete(pc >>> 0);
  }

  /** The temporary breakpoints of the step under way (a host that rebuilds the CPU's set keeps them). */
  get temporaryBreakpoints(): readonly number[] {
    return this.temporary;
  }

  /** Whether a step is under way (its temporary breakpoints are set). */
  get stepping(): boolean {
    return this.stepper !== null;
  }

  /** Drops the step under way: its guest call ended (or oopsed) before the step did. */
  cancelStep(): void {
    this.stepper = null;
    this.clearTemporary();
  }

  /** GuestSystem's onBreakpoint: returns when the guest may run on. */
  readonly onBreakpoint = async (pc: number): Promise<void> => {
    const hart = this.hart();
    this.clearTemporary();
    let action = this.stepper
      ? this.stepper.atBreakpoint(hart, this.breakpoints.has(pc >>> 0))
      : { kind: 'stop' as const, stop: this.userStop(pc) };
    for (;;) {
      switch (action.kind) {
        case 'single-step':
          this.singleStep();
          action = this.stepper!.afterStep(hart);
          break;
        case 'resume':
          for (const b of action.breakpoints) this.addTemporary(b.pc);
          return;
        case 'finished':
          this.stepper = null;
          this.lastFinished = action.message;
          return;
        case 'stop': {
          this.stepper = null;
          const cmd = await this.ask(action.stop);
          if (cmd.kind === 'continue') return;
          if (!this.code) return;
          this.stepper = new SourceStepper(this.code, cmd.kind === 'step' ? cmd.step : 'to-line',
            cmd.kind === 'run-to' ? cmd.addresses : [], (a) => this.breakpoints.has(a));
          action = this.stepper.start(hart);
        }
      }
    }
  };

  /** The arguments of the function the hart is stopped in, named from its C source
   * (`sourceOf` gives a file's text by the name the line table uses); null without source. */
  argumentsHere(sourceOf: (file: string) => string | undefined): ArgumentValue[] | null {
    const hart = this.hart();
    const fn = this.code?.functionAt(hart.pc);
    const opening = fn ? this.code!.locate(fn.start) : null;
    const text = opening ? sourceOf(opening.file) : undefined;
    const params = fn && opening && text !== undefined ? prototypeParams(text, opening.line, fn.name) : null;
    return fn && params ? frameArguments(hart, fn, this.code!.bodyStart(fn), params) : null;
  }

  private userStop(pc: number): DebugStop {
    const location = this.code?.locate(pc) ?? null;
    const where = location ? `${location.function}, ${location.file.replace(/^.*\//, '')}:${location.line}` : `0x${(pc >>> 0).toString(16)}`;
    return { reason: 'breakpoint', pc: pc >>> 0, location, message: `Stopped at a breakpoint in ${where}.` };
  }

  /** One instruction, even one under a breakpoint. */
  private singleStep(): void {
    const board = this.system().board;
    board.cpu.resumeOverBreakpoint();
    board.run(1);
  }

  private addTemporary(pc: number): void {
    const bps = this.system().board.cpu.breakpoints;
    if (bps.has(pc >>> 0)) return; // the user's own breakpoint already stops there
    bps.add(pc >>> 0);
    this.temporary.push(pc >>> 0);
  }

  private clearTemporary(): void {
    const bps = this.system().board.cpu.breakpoints;
    for (const pc of this.temporary.splice(0)) if (!this.breakpoints.has(pc)) bps.delete(pc);
  }

  /** A live view of the hart (the stepper reads it after each step). */
  private hart(): HartView {
    const sys = this.system();
    const cpu = sys.board.cpu;
    return {
      get pc() { return cpu.pc >>> 0; },
      x: cpu.x,
      get trapVector() { return cpu.csr.stvec & ~3; },
      get trapCause() { return cpu.csr.scause | 0; },
      readU32: (addr) => sys.kernel.ram.u32(addr),
    };
  }
}
