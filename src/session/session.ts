// One playground session: the board, the program on it, and a debugger's run
// control (run in bounded slices, pause, step, breakpoints, reset), in fast-
// forward or real time. The caller passes wall time in, so the same code runs
// in the Web Worker and in Node tests.

import type { SourceLocation } from '../protocol/driver.ts';
import type { DeviceRegisterWatch, Watchpoint } from '../protocol/watchpoints.ts';
import type { EventStepTarget } from '../protocol/trace-lanes.ts';
import { resolveRegisterWatches } from '../machine/cpu/device-watch.ts';
import { MAX_GUEST_ERRORS_PER_BATCH, type RunState, type SpeedMode, type StopwatchOnError } from '../protocol/messages.ts';
import type { CodeLine, RegisterSnapshot } from '../protocol/registers.ts';
import type { StopReason } from '../protocol/stop-reason.ts';
import type { TraceEvent } from '../protocol/trace-events.ts';
import { DEFAULT_STOPWATCH_PROPS, type StopwatchProps } from '../machine/devices/stopwatch/stopwatch.ts';
import type { BoardRunStop, SessionBoard, SessionBoardOptions } from './session-board.ts';
import { codeWindow } from './code-listing.ts';
import { bareMetalMachine } from './debug-machine.ts';
import { LineBreakpoints, type ResolvedLines } from './line-breakpoints.ts';
import { SourceDebugger, STEP_BATCH, type DebugProgress } from './source-debugger.ts';
import { programSourceMap } from './program-source.ts';
import type { SourceMap } from './source-map.ts';
import type { FrameView } from '../protocol/frame.ts';
import { ProgramFrames } from './program-frames.ts';
import { clampSlowdown, RealTimePacer } from './real-time.ts';

export interface SliceResult {
  /** Instructions retired in the slice. */
  insns: number;
  /** Wall-clock milliseconds to wait before the next slice: 0 = at once,
   * Infinity = only when something happens (UART input, a command). */
  waitMs: number;
}

/** A request the session cannot carry out; the message is for the student. */
export class SessionError extends Error {
  override name = 'SessionError';
}

type RunResult = BoardRunStop & { insns: number };

export interface SessionOptions {
  /** The stopwatch's properties (null: no stopwatch); fixed when the board is built. */
  stopwatch?: StopwatchProps | null;
  /** At most this many guest errors per takeGuestErrors batch (the others are counted). */
  maxGuestErrorsPerBatch?: number;
  /** false: the board's hart only interprets (`--no-jit`); translated by default. */
  jit?: boolean;
}

export class Session {
  state: RunState = 'empty';
  stop: StopReason | null = null;
  speed: SpeedMode = 'fast';
  /** Real time only: virtual time runs this many times slower than the wall clock (1: real time). */
  slowdown = 1;
  /** Running, but the hart sleeps in wfi. */
  idle = false;
  programName: string | null = null;
  private board: SessionBoard | null = null;
  /** The loaded program, kept to boot it again on a board built with other properties. */
  private program: { name: string; image: Uint8Array } | null = null;
  /** The loaded program's variable info, read when a frame is first asked for. */
  private frames: ProgramFrames | null = null;
  /** Guest errors the stopwatch logged since the last takeGuestErrors, and how many did not fit. */
  private guestErrors: string[] = [];
  private guestErrorsLeftOut = 0;
  /** Machine notices (cpu.onNotice) since the last takeNotices. */
  private notices: string[] = [];
  private breakpoints = new Set<number>();
  private watchpoints: Watchpoint[] = [];
  private registerWatches: DeviceRegisterWatch[] = [];
  private traceEnabled = false;
  /** Execute the instruction under a breakpoint instead of stopping on it
   * again: set when the user resumes (Run, Step) from where it stopped. */
  private leaveBreakpoint = false;
  private readonly pacer = new RealTimePacer();
  /** The stopwatch's properties, fixed when the board is built (as QEMU's -device). */
  private stopwatch: StopwatchProps | null;
  private readonly maxGuestErrorsPerBatch: number;
  private jit: boolean;
  /** Stepping by C lines in the loaded program (its ELF's line table). */
  private readonly debug = new SourceDebugger(() => bareMetalMachine(this.boardForDebugger()),
    { outside: 'the start-up code', faultHandled: 'the hart took the trap' }, (pc) => this.breakpoints.has(pc));
  private readonly lineBreakpoints = new LineBreakpoints(this.debug);
  /** The loaded program's lines and functions (null: it has no line information). */
  private sourceMap: SourceMap | null = null;
  /** Where each file's C-line breakpoints went in the loaded program. */
  private resolvedLines: ResolvedLines[] = [];

  constructor(private readonly createBoard: (options: SessionBoardOptions) => SessionBoard, options: SessionOptions = {}) {
    this.stopwatch = options.stopwatch === undefined ? DEFAULT_STOPWATCH_PROPS : options.stopwatch;
    this.maxGuestErrorsPerBatch = options.maxGuestErrorsPerBatch ?? MAX_GUEST_ERRORS_PER_BATCH;
    this.jit = options.jit ?? true;
  }

  /** The board the program runs on (null before the first load): for views that only read it. */
  get currentBoard(): SessionBoard | null {
    return this.board;
  }

  /** The stopwatch's on_error property ('stop' when there is no stopwatch). */
  get stopwatchOnError(): StopwatchOnError {
    return this.stopwatch?.onError ?? 'stop';
  }

  /** Loads an ELF and powers the board on to boot it, paused. If the file
   * is not a program for this board, the old program stays. `label` names
   * the file in error messages. The SessionError's cause is the loader's error. */
  loadElf(name: string, image: Uint8Array, label = `"${name}"`): { entry: number } {
    const board = (this.board ??= this.newBoard());
    let entry: number;
    try {
      entry = board.loadElf(image, label).entry;
    } catch (err) {
      throw new SessionError(`Could not load the program: ${messageOf(err)}`, { cause: err });
    }
    board.takeUartOutput(); // the old program's last words are not the new one's
    board.tracer.drain();
    this.programName = name;
    this.program = { name, image };
    this.takeGuestErrors(); // they were the old program's
    this.takeNotices();
    board.tracer.enabled = this.traceEnabled;
    this.debug.cancelStep();
    this.sourceMap = programSourceMap(image);
    this.debug.setCode(this.sourceMap);
    this.resolvedLines = this.lineBreakpoints.remap(this.sourceMap);
    this.applyBreakpoints();
    this.settle('paused', null);
    return { entry };
  }

  /** Sets the stopwatch's on_error. A device's properties are fixed when the
   * board is built, so a change builds the board again and boots the loaded
   * program on it, paused. Returns that program, or null if nothing was reloaded. */
  setStopwatchOnError(onError: StopwatchOnError): { name: string; entry: number } | null {
    if (!this.stopwatch || onError === this.stopwatch.onError) return null;
    this.stopwatch = { ...this.stopwatch, onError };
    const program = this.program;
    this.board = null;
    this.program = null;
    this.programName = null;
    this.settle('empty', null);
    if (!program) return null;
    return { name: program.name, entry: this.loadElf(program.name, program.image).entry };
  }

  /** Guest errors logged since the last call, oldest first: at most
   * MAX_GUEST_ERRORS_PER_BATCH, with the count of the others left out. */
  takeGuestErrors(): { messages: string[]; more: number } {
    const taken = { messages: this.guestErrors, more: this.guestErrorsLeftOut };
    this.guestErrors = [];
    this.guestErrorsLeftOut = 0;
    return taken;
  }

  /** Notices the hart gave since the last call (each at most once per boot), oldest first. */
  takeNotices(): string[] {
    const taken = this.notices;
    this.notices = [];
    return taken;
  }

  /** Power-on reset: the same program boots again from the start, paused. */
  reset(): void {
    this.requireBoard().reset();
    this.debug.cancelStep();
    this.applyBreakpoints();
    this.settle('paused', null);
  }

  start(wallNowMs: number): void {
    const board = this.requireBoard();
    if (this.state === 'halted') throw new SessionError(haltedMessage());
    if (this.state === 'running') return;
    this.settle('running', null);
    this.leaveBreakpoint = true;
    this.pacer.anchor(wallNowMs, board.clock.nowNs());
  }

  /** Pause; a step by C lines under way stops where the hart is, and the stop says so. */
  pause(): void {
    this.board?.eventStop.disarm();
    if (this.state !== 'running') return;
    if (!this.debug.stepping) return this.settle('paused', { reason: 'pause' });
    const stop = this.debug.interrupt();
    this.settle('paused', { reason: 'source-step', pc: stop.pc, message: stop.message });
  }

  /** Runs (or goes on running) until the next VM exit, IRQ or lane event, and pauses there. */
  runToEvent(target: EventStepTarget, wallNowMs: number): void {
    const board = this.requireBoard();
    if (this.state === 'halted') throw new SessionError(haltedMessage());
    board.eventStop.arm(target);
    this.start(wallNowMs);
  }

  /** Fast-forward, or real time slowed down `slowdown` times (1: real time; ignored in fast-forward). */
  setSpeed(mode: SpeedMode, wallNowMs: number, slowdown = 1): void {
    this.speed = mode;
    this.slowdown = mode === 'realtime' ? clampSlowdown(slowdown) : 1;
    this.pacer.setSlowdown(this.slowdown);
    if (this.board) this.pacer.anchor(wallNowMs, this.board.clock.nowNs());
  }

  /** Runs one bounded slice of at most `maxInsns` instructions. */
  runSlice(maxInsns: number, wallNowMs: number): SliceResult {
    const board = this.board;
    if (!board || this.state !== 'running') return { insns: 0, waitMs: Infinity };
    if (this.debug.singleStepping) return this.follow(this.debug.advance(Math.min(maxInsns, STEP_BATCH)), wallNowMs);
    const r = this.speed === 'fast' ? this.fastSlice(board, maxInsns) : this.realTimeSlice(board, maxInsns, wallNowMs);
    // A breakpoint of the debugger's (a C line's, or a step's): it decides whether the run stops.
    const stop = this.stop;
    if (stop?.reason === 'breakpoint' && this.debug.owns(stop.pc)) {
      this.state = 'running';
      this.stop = null;
      return { insns: r.insns, waitMs: this.follow(this.debug.atBreakpoint(stop.pc), wallNowMs).waitMs };
    }
    // A watchpoint, a power-off or a device error ended the run: a step under way ends with it.
    if (this.state !== 'running') this.debug.cancelStep();
    return r;
  }

  // ---- stepping by C lines (source-debugger.ts) ----

  /** Breakpoints on C lines of `file` (the editor's name); which lines got one (none while no
   * program with line information is loaded). They stay through reset and reload. */
  setSourceBreakpoints(file: string, lines: readonly number[]): ResolvedLines {
    const r = this.lineBreakpoints.set(file, lines);
    this.resolvedLines = [...this.resolvedLines.filter((l) => l.file !== file), r];
    this.applyBreakpoints(); // a line's address may also be one of the Code pane's breakpoints
    return r;
  }

  /** Where each file's breakpoints went in the loaded program. */
  sourceBreakpoints(): readonly ResolvedLines[] {
    return this.resolvedLines;
  }

  /** The C line the hart is stopped at (null: running, or no source there). */
  sourceLocation(): SourceLocation | null {
    if (!this.board || this.state === 'running' || this.state === 'empty') return null;
    return this.debug.locate(this.board.cpu.pc);
  }

  /** From a stop: to the next C line, into the call on this one, or out of the function.
   * The machine runs while the step goes on (runSlice carries it); Pause stops it. */
  stepSource(how: 'line' | 'into' | 'out', wallNowMs: number): void {
    this.beginSource({ kind: 'step', step: how }, wallNowMs);
  }

  /** Runs until the hart reaches `file`:`line` (or the next line with code). */
  runToLine(file: string, line: number, wallNowMs: number): void {
    const target = this.sourceMap?.addressesOf(file, line);
    if (!target?.addresses.length) {
      throw new SessionError(`Run to line ${line}: ${file} has no code of the loaded program at or after that line. Pick a line with a statement, and build the program that uses this file.`);
    }
    this.beginSource({ kind: 'run-to', addresses: target.addresses }, wallNowMs);
  }

  private beginSource(command: Parameters<SourceDebugger['begin']>[0], wallNowMs: number): void {
    const board = this.requireBoard();
    const what = command.kind === 'run-to' ? 'Run to line' : { line: 'Step line', into: 'Step into', out: 'Step out' }[command.step];
    if (this.state === 'halted') throw new SessionError(haltedMessage());
    if (this.state !== 'paused') throw new SessionError(`${what} works while the machine is paused: press Pause (F6) first.`);
    if (!this.sourceMap) {
      throw new SessionError(`${what}: this program has no C line information. Build it from C here (Build & load), or step by instructions with Step and the Code pane.`);
    }
    this.settle('running', null);
    this.pacer.anchor(wallNowMs, board.clock.nowNs());
    this.follow(this.debug.begin(command)!, wallNowMs);
  }

  /** Carries out what the debugger asks after its turn; the slice's result for the host. */
  private follow(p: DebugProgress, wallNowMs: number): SliceResult {
    switch (p.kind) {
      case 'stopped': {
        const { stop } = p;
        this.settle('paused', stop.reason === 'breakpoint'
          ? { reason: 'breakpoint', pc: stop.pc }
          : { reason: 'source-step', pc: stop.pc, message: stop.message });
        return { insns: 0, waitMs: Infinity };
      }
      case 'stepping':
        return { insns: 0, waitMs: 0 };
      case 'run-on':
        if (p.message) this.notices.push(p.message);
        this.leaveBreakpoint = true; // the hart may sit on a breakpoint where the step began
        if (this.board) this.pacer.anchor(wallNowMs, this.board.clock.nowNs());
        return { insns: 0, waitMs: 0 };
      case 'machine-stopped':
        return this.afterRun({ ...p.stop, insns: 0 });
    }
  }

  /** Executes `count` instructions (fewer if the machine stops first), then pauses. */
  step(count: number): StopReason {
    const board = this.requireBoard();
    if (this.state === 'halted') throw new SessionError(haltedMessage());
    this.leaveBreakpoint = true;
    const r = this.runBoard(board, Math.max(1, Math.floor(count)), 'skip');
    const stop: StopReason = r.reason === 'budget' || r.reason === 'wfi' || r.reason === 'reset'
      ? { reason: 'step', count: r.insns, waiting: r.reason === 'wfi' }
      : (this.toStop(r) ?? { reason: 'step', count: r.insns, waiting: false });
    this.settle(stop.reason === 'poweroff' || stop.reason === 'device-error' ? 'halted' : 'paused', stop);
    return stop;
  }

  /** Keyboard → UART0 receive. In real time, an idle hart first catches up
   * with the wall clock, so the byte arrives at the time it was typed. */
  sendUartInput(bytes: Uint8Array, wallNowMs?: number): void {
    const board = this.board;
    if (!board) return;
    if (wallNowMs !== undefined && this.state === 'running' && this.speed === 'realtime' && this.idle) {
      this.pacer.catchUp(board, wallNowMs);
    }
    board.sendUartInput(bytes);
  }

  /** Bytes the guest transmitted since the last call, in a buffer of their own. */
  takeUartOutput(): Uint8Array {
    const out = this.board?.takeUartOutput();
    return out && out.length > 0 ? new Uint8Array(out) : new Uint8Array(0);
  }

  /** The arguments and locals of the C function the paused hart is in; null while running or without variable info. */
  frame(): FrameView | null {
    const board = this.board, program = this.program;
    if (!board || !program || this.state !== 'paused') return null;
    if (this.frames?.image !== program.image) this.frames = new ProgramFrames(program.image);
    return this.frames.frameAt(board.cpu.pc >>> 0, board.cpu.x, board.bus);
  }

  /** Where a traced pc is, for the Trace pane: its C line (null: none known) and the code around it. */
  traced(pc: number): { location: SourceLocation | null; code: CodeLine[] } {
    const at = pc >>> 0;
    return { location: this.sourceMap?.locate(at) ?? null, code: this.board ? codeWindow(this.board.bus, at, 4, 6) : [] };
  }

  registers(): RegisterSnapshot | null {
    const board = this.board;
    if (!board || this.state === 'empty') return null;
    const regs = board.cpu.registers();
    return { ...regs, timeNs: board.clock.nowNs(), code: codeWindow(board.bus, regs.pc) };
  }

  setBreakpoints(pcs: readonly number[]): void {
    this.breakpoints = new Set(pcs.map((pc) => pc >>> 0));
    this.applyBreakpoints();
  }

  /** Data watchpoints: the run stops (paused) right after a watched access; they survive reset and reload. */
  setWatchpoints(watchpoints: readonly Watchpoint[]): void {
    this.watchpoints = watchpoints.map((w) => ({ ...w }));
    this.applyBreakpoints();
  }

  /** Watchpoints on device registers by name: on a trapping register the run stops before the VM exit. */
  setDeviceWatchpoints(watchpoints: readonly DeviceRegisterWatch[]): void {
    this.registerWatches = watchpoints.map((w) => ({ ...w }));
    this.applyBreakpoints();
  }

  /** Translation of hot code on or off, from the next slice on (the run is the same either way). */
  setJit(enabled: boolean): void {
    this.jit = enabled;
    if (this.board) this.board.cpu.useTranslator = enabled;
  }

  setTrace(enabled: boolean): void {
    this.traceEnabled = enabled;
    if (this.board) this.board.tracer.enabled = enabled;
  }

  drainTrace(): { events: TraceEvent[]; dropped: number } {
    const tracer = this.board?.tracer;
    return tracer ? { events: tracer.drain(), dropped: tracer.dropped } : { events: [], dropped: 0 };
  }

  private fastSlice(board: SessionBoard, maxInsns: number): SliceResult {
    const r = this.runBoard(board, maxInsns, 'skip');
    if (r.reason !== 'wfi') return this.afterRun(r);
    this.idle = true;
    if (r.wakeAtNs === Infinity) return { insns: r.insns, waitMs: Infinity };
    board.idleUntil(r.wakeAtNs);
    return { insns: r.insns, waitMs: 0 };
  }

  private realTimeSlice(board: SessionBoard, maxInsns: number, wallNowMs: number): SliceResult {
    const plan = this.pacer.plan(board, maxInsns, wallNowMs);
    if (plan.waitMs > 0) return { insns: 0, waitMs: plan.waitMs };
    const r = this.runBoard(board, plan.insns, 'return');
    if (r.reason !== 'wfi') return this.afterRun(r);
    this.idle = true;
    return { insns: r.insns, waitMs: this.pacer.sleep(board, r.wakeAtNs, wallNowMs) };
  }

  /** Maps a run's end to the session's state; the slice loop goes on unless it stopped. */
  private afterRun(r: RunResult): SliceResult {
    this.idle = false;
    const stop = this.toStop(r);
    if (stop) this.settle(stop.reason === 'breakpoint' || stop.reason === 'watchpoint' || stop.reason === 'event' ? 'paused' : 'halted', stop);
    if (stop) this.board?.eventStop.disarm(); // any stop ends a run to the next event
    if (r.reason === 'reset') this.applyBreakpoints();
    return { insns: r.insns, waitMs: stop ? Infinity : 0 };
  }

  private toStop(r: RunResult): StopReason | null {
    switch (r.reason) {
      case 'budget':
      case 'wfi':
      case 'reset': // like QEMU without -no-reboot: the board rebooted and runs on
        return null;
      case 'breakpoint':
        return { reason: 'breakpoint', pc: r.pc >>> 0 };
      case 'watchpoint':
        return { reason: 'watchpoint', hit: r.hit };
      case 'event': {
        const reached = this.board?.eventStop.take();
        return reached ? { reason: 'event', ...reached } : null;
      }
      case 'poweroff':
        return { reason: 'poweroff', exitCode: r.exitCode };
      case 'device-error':
        return { reason: 'device-error', device: r.device, message: r.message };
    }
  }

  /** board.run; the first run after Run or Step executes a breakpoint at pc
   * instead of stopping on it again (the CPU stops on any other). */
  private runBoard(board: SessionBoard, maxInsns: number, idle: 'skip' | 'return'): RunResult {
    if (this.leaveBreakpoint) board.cpu.resumeOverBreakpoint();
    this.leaveBreakpoint = false;
    return board.run(maxInsns, { idle });
  }

  private newBoard(): SessionBoard {
    const board = this.createBoard({ stopwatch: this.stopwatch, jit: this.jit });
    if (board.stopwatch) board.stopwatch.onGuestError = (message) => this.noteGuestError(message);
    board.cpu.onNotice = (message) => this.notices.push(message);
    return board;
  }

  private noteGuestError(message: string): void {
    if (this.guestErrors.length < this.maxGuestErrorsPerBatch) this.guestErrors.push(message);
    else this.guestErrorsLeftOut++;
  }

  private applyBreakpoints(): void {
    const cpu = this.board?.cpu;
    if (!cpu) return;
    cpu.breakpoints.clear();
    for (const pc of this.breakpoints) cpu.breakpoints.add(pc);
    for (const pc of this.debug.addresses) cpu.breakpoints.add(pc);
    cpu.watchpoints.set([...this.watchpoints, ...resolveRegisterWatches(this.board!.bus, this.registerWatches)]);
  }

  private settle(state: RunState, stop: StopReason | null): void {
    this.state = state;
    this.stop = stop;
    this.idle = false;
  }

  /** The board, loaded or being loaded (the debugger places breakpoints while a program loads). */
  private boardForDebugger(): SessionBoard {
    if (!this.board) throw new Error('the source debugger has no board to work on (a bug: please report it)');
    return this.board;
  }

  private requireBoard(): SessionBoard {
    if (!this.board || this.state === 'empty') throw new SessionError('No program is loaded yet: load a RISC-V ELF file first.');
    return this.board;
  }
}

function haltedMessage(): string {
  return 'The machine has stopped for good (powered off or a device error): press Reset to boot the program again.';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
