// One playground session: the board, the program on it, and a debugger's run
// control (run in bounded slices, pause, step, breakpoints, reset), in fast-
// forward or real time. The caller passes wall time in, so the same code runs
// in the Web Worker and in Node tests.

import type { DeviceRegisterWatch, Watchpoint } from '../protocol/watchpoints.ts';
import type { EventStepTarget } from '../protocol/trace-lanes.ts';
import { resolveRegisterWatches } from '../machine/cpu/device-watch.ts';
import { MAX_GUEST_ERRORS_PER_BATCH, type RunState, type SpeedMode, type StopwatchOnError } from '../protocol/messages.ts';
import type { RegisterSnapshot } from '../protocol/registers.ts';
import type { StopReason } from '../protocol/stop-reason.ts';
import type { TraceEvent } from '../protocol/trace-events.ts';
import { DEFAULT_STOPWATCH_PROPS, type StopwatchProps } from '../machine/devices/stopwatch/stopwatch.ts';
import type { BoardRunStop, SessionBoard, SessionBoardOptions } from './session-board.ts';
import { codeWindow } from './code-listing.ts';
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

  constructor(private readonly createBoard: (options: SessionBoardOptions) => SessionBoard, options: SessionOptions = {}) {
    this.stopwatch = options.stopwatch === undefined ? DEFAULT_STOPWATCH_PROPS : options.stopwatch;
    this.maxGuestErrorsPerBatch = options.maxGuestErrorsPerBatch ?? MAX_GUEST_ERRORS_PER_BATCH;
    this.jit = options.jit ?? true;
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

  pause(): void {
    this.board?.eventStop.disarm();
    if (this.state === 'running') this.settle('paused', { reason: 'pause' });
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
    if (this.speed === 'fast') return this.fastSlice(board, maxInsns);
    return this.realTimeSlice(board, maxInsns, wallNowMs);
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
    cpu.watchpoints.set([...this.watchpoints, ...resolveRegisterWatches(this.board!.bus, this.registerWatches)]);
  }

  private settle(state: RunState, stop: StopReason | null): void {
    this.state = state;
    this.stop = stop;
    this.idle = false;
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
