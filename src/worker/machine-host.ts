// The machine side of the worker protocol: turns MachineCommands into Session
// calls and runs the machine in bounded slices, yielding to the message loop
// between them so Pause and keyboard input get through (v86/jor1k's split).
// Output is batched per slice: UART bytes as one array, trace events as one list.
// Stepping by C lines runs in the same slices (Session.runSlice carries a step
// on), so Pause stops a long step too; at every stop the page is told the C
// line the hart is on.

import type { BuildOutput } from '../protocol/build.ts';
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { transferablesOf } from '../protocol/messages.ts';
import { VirtBoard } from '../machine/board.ts';
import { buildAndLoad } from '../session/build.ts';
import { DeviceViewSource } from '../session/device-view.ts';
import { annotateCode, type CodeNames } from '../session/code-annotation.ts';
import { programCodeNames } from '../session/code-names.ts';
import { Session, SessionError } from '../session/session.ts';
import { exampleCatalog } from './examples.ts';
import { SliceScheduler } from './slice-scheduler.ts';

export interface HostPort {
  post(event: MachineEvent, transfer: Transferable[]): void;
}

/** Wall time one slice aims at: short enough for a responsive Pause. */
const SLICE_TARGET_MS = 8;
const MIN_SLICE_INSNS = 10_000;
const MAX_SLICE_INSNS = 50_000_000;
/** Registers while running: a few snapshots a second is all a reader can follow. */
const REGISTER_INTERVAL_MS = 100;
/** UART output in flight to the terminal before the machine waits for it (uart-ack). */
export const UART_WINDOW_BYTES = 256 * 1024;

export class MachineHost {
  private sliceInsns = 200_000;
  private lastStatus = '';
  /** The C line last sent to the page (as JSON), so a stop's line goes out once. */
  private lastLocation = 'null';
  private lastRegistersMs = -Infinity;
  /** UART bytes sent that the terminal has not acknowledged yet. */
  private uartInFlight = 0;
  /** The slice loop waits for the terminal to catch up. */
  private blockedOnUart = false;
  private readonly scheduler: SliceScheduler;
  /** The Device and Host panes' snapshots, of the board they were made for (a new board gets a new source). */
  private deviceView: { board: unknown; source: DeviceViewSource | null } = { board: null, source: null };
  /** The loaded program's function names and C lines, for the Code pane. */
  private codeNames: CodeNames | null = null;
  /** The stop (pc:instret) whose frame was sent last; '' for none. */
  private frameStop = '';

  constructor(
    private readonly session: Session,
    private readonly port: HostPort,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.scheduler = new SliceScheduler(() => this.tick());
  }

  /** Says hello, so the UI knows the worker's module loaded. */
  start(): void {
    this.send({ type: 'ready' });
    this.send({ type: 'examples', examples: exampleCatalog() });
    this.sendStatus();
  }

  handle(command: MachineCommand): void {
    try {
      this.apply(command);
    } catch (err) {
      this.session.pause();
      this.send({ type: 'error', message: errorText(err) });
    }
    if (command.type !== 'uart-ack') this.flush(command.type !== 'uart-in');
  }

  /** Stops the slice loop for good (tests, worker shutdown). */
  dispose(): void {
    this.scheduler.close();
  }

  private apply(command: MachineCommand): void {
    const s = this.session;
    switch (command.type) {
      case 'load-elf': {
        const image = new Uint8Array(command.image);
        const { entry } = s.loadElf(command.name, image);
        this.codeNames = programCodeNames(image);
        this.scheduler.cancel();
        this.forgetUartInFlight();
        this.send({ type: 'loaded', name: command.name, entry });
        return this.sendSourceBreakpoints();
      }
      case 'compile':
        return this.build(command.name, command.source, command.output, command.files);
      case 'run':
        s.start(this.nowMs());
        return this.scheduler.after(0);
      case 'pause':
        s.pause();
        return this.scheduler.cancel();
      case 'step':
        this.scheduler.cancel();
        s.pause();
        s.step(command.count);
        return;
      case 'reset':
        this.scheduler.cancel();
        this.forgetUartInFlight();
        return s.reset();
      case 'uart-in':
        s.sendUartInput(command.bytes, this.nowMs());
        if (s.state === 'running' && !this.blockedOnUart) this.scheduler.after(0);
        return;
      case 'uart-ack':
        this.uartInFlight = Math.max(0, this.uartInFlight - command.bytes);
        if (this.blockedOnUart && this.uartInFlight <= UART_WINDOW_BYTES / 2) {
          this.blockedOnUart = false;
          if (s.state === 'running') this.scheduler.after(0);
        }
        return;
      case 'set-speed':
        s.setSpeed(command.mode, this.nowMs(), command.slowdown);
        if (s.state === 'running') this.scheduler.after(0);
        return;
      case 'set-breakpoints':
        return s.setBreakpoints(command.pcs);
      case 'set-watchpoints':
        return s.setWatchpoints(command.watchpoints);
      case 'set-device-watchpoints':
        return s.setDeviceWatchpoints(command.watchpoints);
      case 'run-to-event':
        s.runToEvent(command.target, this.nowMs());
        return this.scheduler.after(0);
      case 'set-trace':
        return s.setTrace(command.enabled);
      case 'set-jit':
        return s.setJit(command.enabled);
      case 'set-stopwatch-on-error': {
        const reloaded = s.setStopwatchOnError(command.onError);
        if (!reloaded) return;
        this.scheduler.cancel();
        this.forgetUartInFlight();
        this.send({ type: 'loaded', ...reloaded });
        return this.sendSourceBreakpoints();
      }
      case 'set-source-breakpoints': {
        const r = s.setSourceBreakpoints(command.file, command.lines);
        if (s.state !== 'empty') this.send({ type: 'breakpoints-resolved', ...r });
        return;
      }
      case 'step-source':
        s.stepSource(command.how, this.nowMs());
        return this.keepRunning();
      case 'run-to-line':
        s.runToLine(command.file, command.line, this.nowMs());
        return this.keepRunning();
      case 'locate':
        this.send({ type: 'located', pc: command.pc >>> 0, ...s.traced(command.pc) });
        return;
      case 'export-dtb':
        this.send({ type: 'notice', message: 'The device tree export works while the guest runs (the page boots it when it opens; Reset boots it again).' });
        return;
      case 'boot-guest':
      case 'build-driver':
        return; // the worker's router gives these to the guest
    }
  }

  /** Compiles in this worker (the page never waits on it) and loads the program if it built. */
  private build(name: string, source: string, output: BuildOutput, files: Record<string, string> = {}): void {
    const t0 = this.nowMs();
    let r: ReturnType<typeof buildAndLoad>;
    try {
      r = buildAndLoad(this.session, name, source, output, files);
    } catch (err) {
      // It built but would not load: the build panel must not wait forever; the error banner says why.
      this.send({ type: 'compiled', name, ok: false, diagnostics: [], buildMs: this.nowMs() - t0 });
      throw err;
    }
    const buildMs = this.nowMs() - t0;
    this.send({ type: 'compiled', name, ok: r.entry !== null, diagnostics: r.diagnostics, buildMs });
    if (r.entry === null) return;
    this.codeNames = r.elf ? programCodeNames(r.elf, { ...files, [name]: source }) : null;
    this.scheduler.cancel();
    this.forgetUartInFlight();
    this.send({ type: 'loaded', name, entry: r.entry });
    this.sendSourceBreakpoints();
  }

  /** A step by C lines goes on in the slice loop (or ended at once, paused). */
  private keepRunning(): void {
    if (this.session.state === 'running') this.scheduler.after(0);
  }

  /** A program was loaded: where the page's C-line breakpoints are in it. */
  private sendSourceBreakpoints(): void {
    this.lastLocation = ''; // the page may still show the guest's line: the next flush tells it this program's
    for (const r of this.session.sourceBreakpoints()) this.send({ type: 'breakpoints-resolved', file: r.file, lines: r.lines });
  }

  private tick(): void {
    if (this.uartInFlight > UART_WINDOW_BYTES) {
      this.blockedOnUart = true; // the next uart-ack resumes the loop
      return;
    }
    const t0 = this.nowMs();
    let waitMs: number;
    try {
      const r = this.session.runSlice(this.sliceInsns, t0);
      this.adaptSlice(r.insns, this.nowMs() - t0);
      waitMs = r.waitMs;
    } catch (err) {
      this.session.pause();
      this.send({ type: 'error', message: `Internal error in the emulator (please report it): ${errorText(err)}` });
      waitMs = Infinity;
    }
    // Nothing runs until the next event: the registers shown must be these.
    this.flush(this.session.state !== 'running' || waitMs === Infinity);
    this.scheduler.after(waitMs);
  }

  /** A new power-on: the terminal starts afresh and may never acknowledge the old bytes. */
  private forgetUartInFlight(): void {
    this.uartInFlight = 0;
    this.blockedOnUart = false;
  }

  /** Sizes the next slice so that one takes about SLICE_TARGET_MS. */
  private adaptSlice(insns: number, elapsedMs: number): void {
    if (insns < this.sliceInsns * 0.9 || elapsedMs <= 0.5) return;
    const next = Math.round(this.sliceInsns * (SLICE_TARGET_MS / elapsedMs));
    this.sliceInsns = Math.max(MIN_SLICE_INSNS, Math.min(MAX_SLICE_INSNS, next));
  }

  /** Sends what the slice produced: UART bytes, trace, guest errors, registers, status. */
  private flush(forceRegisters: boolean): void {
    const uart = this.session.takeUartOutput();
    if (uart.length > 0) {
      this.uartInFlight += uart.length;
      this.send({ type: 'uart-out', bytes: uart });
    }
    const trace = this.session.drainTrace();
    if (trace.events.length > 0) this.send({ type: 'trace', events: trace.events, dropped: trace.dropped });
    const guestErrors = this.session.takeGuestErrors();
    if (guestErrors.messages.length > 0) this.send({ type: 'guest-errors', ...guestErrors });
    for (const message of this.session.takeNotices()) this.send({ type: 'notice', message });
    this.sendDeviceView(forceRegisters);
    this.sendSourceLocation();
    const now = this.nowMs();
    if (forceRegisters || now - this.lastRegistersMs >= REGISTER_INTERVAL_MS) {
      const registers = this.session.registers();
      if (registers) this.send({ type: 'registers', registers: this.codeNames ? { ...registers, code: annotateCode(registers.code, this.codeNames) } : registers });
      this.lastRegistersMs = now;
    }
    this.sendFrame();
    this.sendStatus(); // last: once the UI reads "Paused", the registers it shows are final
  }

  /** The stopwatch's view, when it changed (or on a stop, `force`). */
  private sendDeviceView(force: boolean): void {
    if (this.session.state === 'empty') return; // no program: nothing on the board to show
    const board = this.session.currentBoard;
    if (board !== this.deviceView.board) {
      this.deviceView = { board, source: board instanceof VirtBoard ? new DeviceViewSource(board) : null };
    }
    const view = this.deviceView.source?.take(force);
    if (view) this.send({ type: 'device-view', view });
  }

  /** The C line of a stopped hart, for the editor (null while running); sent when it changes. */
  private sendSourceLocation(): void {
    const location = this.session.sourceLocation();
    const key = JSON.stringify(location);
    if (key === this.lastLocation) return;
    this.lastLocation = key;
    this.send({ type: 'source-location', location });
  }

  /** The Variables view's frame, once per stop (a new pc or instret), and null once it runs. */
  private sendFrame(): void {
    const regs = this.session.state === 'paused' ? this.session.registers() : null;
    const stop = regs ? `${regs.pc}:${regs.instret}` : '';
    if (stop === this.frameStop) return;
    this.frameStop = stop;
    this.send({ type: 'frame', frame: regs ? this.session.frame() : null });
  }

  private sendStatus(): void {
    const s = this.session;
    const event: MachineEvent = { type: 'status', state: s.state, stop: s.stop, speed: s.speed, idle: s.idle, slowdown: s.slowdown };
    const key = JSON.stringify(event);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.send(event);
  }

  private send(event: MachineEvent): void {
    this.port.post(event, transferablesOf(event));
  }
}

function errorText(err: unknown): string {
  if (err instanceof SessionError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
