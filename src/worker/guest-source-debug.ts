// The source-level debugger as the page's guest host uses it: breakpoints on
// the driver's C lines (kept by file and line, turned into addresses each time
// the module is inserted, since insmod may place it elsewhere), and the
// stops, steps and run-to-cursor of GuestDebugger, whose breakpoint hook
// waits here for the student's next button while the machine stays paused.

import type { GuestSystem } from '../guest/system.ts';
import type { SourceLocation } from '../protocol/driver.ts';
import { GuestDebugger, type DebugCommand, type DebugStop } from '../session/guest-debugger.ts';
import { sameFile, SourceMap } from '../session/source-map.ts';

/** What the guest host does for the debugger. */
export interface SourceDebugPort {
  /** The hart stopped where the student should look: pause the machine and show it. */
  stopped(stop: DebugStop): void;
  /** The hook returned: the guest runs on (a step goes on to its temporary breakpoints, or Continue). */
  resumed(finishedMessage: string): void;
  resolved(file: string, lines: number[]): void;
  notice(message: string): void;
  failed(err: unknown): void;
}

const NOT_STOPPED = 'works when the guest is stopped at a breakpoint in the driver: click in the editor\'s gutter (or F9) on a line of it, then make the driver run that line (for example, cat its file in the terminal).';

export class GuestSourceDebug {
  private readonly dbg: GuestDebugger;
  private map: SourceMap | null = null;
  /** The student's breakpoints by file (the editor's file names) and 1-based line. */
  private readonly wanted = new Map<string, number[]>();
  /** The hook waits for this answer while the machine is paused at a stop. */
  private answer: ((command: DebugCommand) => void) | null = null;
  /** The hook is running (between a breakpoint and its return): the host must not run slices. */
  inHook = false;

  constructor(private readonly sys: GuestSystem, private readonly port: SourceDebugPort) {
    this.dbg = new GuestDebugger(() => sys, (stop) => this.atStop(stop));
  }

  /** Every address the CPU must stop at for the debugger: the user's breakpoints and a step's temporary ones. */
  get addresses(): number[] {
    return [...this.dbg.breakpoints, ...this.dbg.temporaryBreakpoints];
  }

  get waiting(): boolean {
    return this.answer !== null;
  }

  /** The driver module was (re)inserted: map its code and place the breakpoints again. */
  moduleLoaded(module: string, object: Uint8Array): void {
    this.dbg.cancelStep();
    this.map = SourceMap.forModule(this.sys, module, object);
    if (this.map) this.dbg.setCode(this.map);
    for (const file of this.wanted.keys()) this.place(file);
  }

  /** The driver's C line at `pc`, or null (not the driver's code, or no driver loaded). */
  locate(pc: number): SourceLocation | null {
    return this.map?.locate(pc) ?? null;
  }

  setBreakpoints(file: string, lines: number[]): void {
    this.wanted.set(file, [...new Set(lines)].filter((l) => Number.isInteger(l) && l > 0));
    this.place(file);
  }

  /** The hart stopped on an address in the CPU's breakpoint set. */
  hitBreakpoint(pc: number): void {
    this.inHook = true;
    this.dbg.onBreakpoint(pc).then(() => {
      this.inHook = false;
      const finished = this.dbg.lastFinished;
      this.dbg.lastFinished = '';
      this.port.resumed(finished);
    }, (err: unknown) => {
      this.inHook = false;
      this.port.failed(err);
    });
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

  /** Turns one file's wanted lines into addresses (gdb moves a line without code to the next one that has). */
  private place(file: string): void {
    const lines = this.wanted.get(file) ?? [];
    for (const pc of [...this.dbg.breakpoints]) {
      const at = this.map?.locate(pc);
      if (!this.map || (at && sameFile(at.file, file))) this.dbg.removeBreakpoint(pc);
    }
    const placed: number[] = [];
    for (const line of lines) {
      const target = this.map?.addressesOf(file, line);
      if (!target || target.addresses.length === 0) continue;
      for (const pc of target.addresses) this.dbg.addBreakpoint(pc);
      placed.push(target.line);
    }
    this.port.resolved(file, [...new Set(placed)].sort((a, b) => a - b));
  }
}

