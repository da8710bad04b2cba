// The source-level debugger in a guest: SourceDebugger on the guest's board
// (S-mode traps, the kernel's RAM), run from GuestSystem's onBreakpoint hook.
// The hook asks the front end what to do at each stop (continue, step
// line/into/out, run to a line) and waits for the answer while the machine
// stays paused; single steps run right in the hook, a batch at a time with a
// turn for the host in between (so a Pause reaches a step that loops), and a
// step over a call returns from the hook, so the guest runs on (a service may
// sleep, interrupts come in) until the hart stops at the step's breakpoint.

import type { GuestSystem } from '../guest/system.ts';
import { debugMachine, type DebugMachine } from './debug-machine.ts';
import { frameArguments, prototypeParams, type ArgumentValue } from './frame-arguments.ts';
import { SourceDebugger, type DebugCommand, type DebugProgress, type DebugStop } from './source-debugger.ts';

export type { DebugCommand, DebugStop } from './source-debugger.ts';

/** The guest's hart as the debugger sees it. */
export function guestMachine(sys: GuestSystem): DebugMachine {
  return debugMachine(sys.board, 'supervisor', (addr) => sys.kernel.ram.u32(addr));
}

export class GuestDebugger extends SourceDebugger {
  /** What the last step that ended without a stop said (it returned to the kernel). */
  lastFinished = '';
  private pauseWanted = false;

  constructor(system: () => GuestSystem,
    /** The front end's answer at a stop (the page waits for a button). */
    private readonly ask: (stop: DebugStop) => Promise<DebugCommand>,
    /** Lets the host's message loop turn between two batches of single steps (tests: a microtask). */
    private readonly yieldToHost: () => Promise<void> = () => Promise.resolve(),
    /** Another breakpoint of the user's (an address): a step stops there too. */
    otherBreakpoint?: (pc: number) => boolean) {
    super(() => guestMachine(system()), undefined, otherBreakpoint);
  }

  /** Pause while the hook single-steps: the step stops after the batch under way. */
  requestPause(): void {
    this.pauseWanted = true;
  }

  /** GuestSystem's onBreakpoint: returns when the guest may run on. */
  readonly onBreakpoint = (pc: number): Promise<void> => this.drive(this.atBreakpoint(pc));

  /** Pause while the guest runs towards a step's temporary breakpoint: the step is dropped and
   * the hook waits at the hart's place, as at a breakpoint. Returns when the guest may run on. */
  readonly onPause = (): Promise<void> => this.drive({ kind: 'stopped', stop: this.interrupt() });

  private async drive(first: DebugProgress): Promise<void> {
    let p = first;
    for (;;) {
      switch (p.kind) {
        case 'stepping':
          await this.yieldToHost();
          if (this.pauseWanted) p = { kind: 'stopped', stop: this.interrupt() };
          else p = this.advance();
          break;
        case 'run-on':
          // A Pause that came while the hook stepped is kept, even when the step ended just now.
          if (this.pauseWanted) {
            p = { kind: 'stopped', stop: this.interrupt() };
            break;
          }
          this.lastFinished = p.message;
          return;
        case 'machine-stopped':
          this.pauseWanted = false;
          this.lastFinished = `The step ended: the machine stopped (${p.stop.reason}).`;
          return;
        case 'stopped': {
          this.pauseWanted = false;
          const cmd = await this.ask(p.stop);
          if (cmd.kind === 'continue') return;
          const next = this.begin(cmd);
          if (!next) return;
          p = next;
        }
      }
    }
  }

  /** The arguments of the function the hart is stopped in, named from its C source
   * (`sourceOf` gives a file's text by the name the line table uses); null without source. */
  argumentsHere(sourceOf: (file: string) => string | undefined): ArgumentValue[] | null {
    const hart = this.machine().hart;
    const code = this.lookup;
    const fn = code?.functionAt(hart.pc);
    const opening = fn ? code!.locate(fn.start) : null;
    const text = opening ? sourceOf(opening.file) : undefined;
    const params = fn && opening && text !== undefined ? prototypeParams(text, opening.line, fn.name) : null;
    return fn && params ? frameArguments(hart, fn, code!.bodyStart(fn), params) : null;
  }
}
