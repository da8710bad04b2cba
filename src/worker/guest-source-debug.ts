// The source-level debugger as the page's guest host uses it: breakpoints on
// the driver's C lines (LineBreakpoints places them again each time the module
// is inserted, since insmod may place it elsewhere), and the stops, steps and
// run-to-cursor of GuestDebugger, whose breakpoint hook waits here for the
// student's next button while the machine stays paused. Pause reaches a step
// under way: in the hook's single steps, or while the guest runs towards the
// step's temporary breakpoint.

import type { GuestSystem } from '../guest/system.ts';
import { GuestDebugger, type DebugCommand, type DebugStop } from '../session/guest-debugger.ts';
import { LineBreakpoints } from '../session/line-breakpoints.ts';
import { SourceMap } from '../session/source-map.ts';

/** What the guest host does for the debugger. */
export interface SourceDebugPort {
  /** The hart stopped where the student should look: pause the machine and show it. */
  stopped(stop: DebugStop): void;
  /** The hook returned: the guest runs on (a step goes on to its temporary breakpoints, or Continue). */
  resumed(finishedMessage: string): void;
  resolved(file: string, lines: number[]): void;
  notice(message: string): void;
  failed(err: unknown): void;
  /** Another breakpoint of the student's (an address from the Code pane) is set at `pc`. */
  isAddressBreakpoint?(pc: number): boolean;
}

const NOT_STOPPED = 'works when the guest is stopped at a breakpoint in the driver: click in the editor\'s gutter (or F9) on a line of it, then make the driver run that line (for example, cat its file in the terminal).';

/** A turn of the worker's message loop (a Pause may be waiting in it). */
const hostTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class GuestSourceDebug {
  private readonly dbg: GuestDebugger;
  private readonly lines: LineBreakpoints;
  private map: SourceMap | null = null;
  /** The hook waits for this answer while the machine is paused at a stop. */
  private answer: ((command: DebugCommand) => void) | null = null;
  /** The hook is running (between a breakpoint and its return): the host must not run slices. */
  inHook = false;

  constructor(private readonly sys: GuestSystem, private readonly port: SourceDebugPort) {
    this.dbg = new GuestDebugger(() => sys, (stop) => this.atStop(stop), hostTurn, (pc) => port.isAddressBreakpoint?.(pc) ?? false);
    this.lines = new LineBreakpoints(this.dbg);
  }

  /** Every address the CPU must stop at for the debugger: the user's breakpoints and a step's temporary ones. */
  get addresses(): number[] {
    return this.dbg.addresses;
  }

  get waiting(): boolean {
    return this.answer !== null;
  }

  /** The driver module was (re)inserted: map its code and place the breakpoints again. */
  moduleLoaded(module: string, object: Uint8Array): void {
    this.dbg.cancelStep();
    this.map = SourceMap.forModule(this.sys, module, object);
    this.dbg.setCode(this.map);
    for (const r of this.lines.remap(this.map)) this.port.resolved(r.file, r.lines);
  }

  setBreakpoints(file: string, lines: number[]): void {
    const r = this.lines.set(file, lines);
    this.port.resolved(r.file, r.lines);
  }

  /** The hart stopped on an address in the CPU's breakpoint set. */
  hitBreakpoint(pc: number): void {
    this.enter(this.dbg.onBreakpoint(pc));
  }

  /**
   * Pause while a step is under way: it stops where the hart is, and the stop is reported
   * through `stopped` (now, or after the batch of single steps under way). False when no
   * step is under way: the host pauses as usual.
   */
  pause(): boolean {
    if (this.waiting) return false;
    if (this.inHook) {
      this.dbg.requestPause();
      return true;
    }
    if (!this.dbg.stepping) return false;
    this.enter(this.dbg.onPause());
    return true;
  }

  /** Run / Continue from a stop; false if no stop waits (the host runs as usual). */
  continue(): boolean {
    return this.reply({ kind: 'continue' });
  }

  step(how: 'line' | 'into' | 'out'): void {
    if (!this.reply({ kind: 'step', step: how })) {
      this.port.notice(`${how === 'line' ? 'Step line' : how === 'into' ? 'Step into' : 'Step out'} ${NOT_STOPPED}`);
    }
  }

  runToLine(file: string, line: number): void {
    const target = this.map?.addressesOf(file, line);
    if (!target || target.addresses.length === 0) {
      this.port.notice(`Run to line ${line}: ${file} has no code of the loaded driver at or after that line.`);
      return;
    }
    if (!this.reply({ kind: 'run-to', addresses: target.addresses })) this.port.notice(`Run to cursor ${NOT_STOPPED}`);
  }

  /** The hook runs until the guest may go on; then the host runs it again. */
  private enter(hook: Promise<void>): void {
    this.inHook = true;
    hook.then(() => {
      this.inHook = false;
      const finished = this.dbg.lastFinished;
      this.dbg.lastFinished = '';
      this.port.resumed(finished);
    }, (err: unknown) => {
      this.inHook = false;
      this.port.failed(err);
    });
  }

  private reply(command: DebugCommand): boolean {
    const answer = this.answer;
    if (!answer) return false;
    this.answer = null;
    answer(command);
    return true;
  }

  private atStop(stop: DebugStop): Promise<DebugCommand> {
    this.port.stopped(stop);
    return new Promise((resolve) => { this.answer = resolve; });
  }
}
