// The guest side of the worker protocol: runs the Linux-like guest (kernel,
// shell, the student's driver) in this worker. The machine runs all the time,
// at the prompt too (timers, interrupts and kernel threads go on), in bounded
// slices that yield to the message loop so Pause and keystrokes get through.
// Keystrokes go to the terminal's line discipline, which feeds the shell;
// the shell's output and the kernel's console come back as uart-out.
// Build & load compiles a driver here and swaps the module in the running
// guest by typing rmmod and insmod at its prompt.

import type { BuildDiagnostic } from '../protocol/build.ts';
import { countDiagnostics } from '../protocol/build.ts';
import type { DriverSources, SourceLocation } from '../protocol/driver.ts';
import type { MachineCommand, MachineEvent, RunState, SpeedMode } from '../protocol/messages.ts';
import { MAX_GUEST_ERRORS_PER_BATCH, transferablesOf } from '../protocol/messages.ts';
import type { RegisterSnapshot } from '../protocol/registers.ts';
import type { StopReason } from '../protocol/stop-reason.ts';
import type { DeviceRegisterWatch, Watchpoint } from '../protocol/watchpoints.ts';
import type { EventStepTarget } from '../protocol/trace-lanes.ts';
import { resolveRegisterWatches } from '../machine/cpu/device-watch.ts';
import { GuestSystem, type GuestModuleObject } from '../guest/system.ts';
import { ioMappings } from '../guest/kernel/services/ioremap.ts';
import { DeviceViewSource } from '../session/device-view.ts';
import { printDts } from '../machine/fdt/dts.ts';
import { parseFdt } from '../machine/fdt/fdt-parse.ts';
import { LineDiscipline } from '../guest/shell/line-discipline.ts';
import { Shell } from '../guest/shell/shell.ts';
import { annotateCode } from '../session/code-annotation.ts';
import { codeWindow } from '../session/code-listing.ts';
import { GuestCodeNames } from '../session/code-names.ts';
import { sameFile } from '../session/source-map.ts';
import { callSite } from '../guest/kernel/kernel-trace.ts';
import { buildDriverSources, type DriverLine } from '../session/driver-build.ts';
import { clampSlowdown, RealTimePacer } from '../session/real-time.ts';
import type { HostPort } from './machine-host.ts';
import { UART_WINDOW_BYTES } from './machine-host.ts';
import { GuestSourceDebug } from './guest-source-debug.ts';
import { SliceScheduler } from './slice-scheduler.ts';
import { TRACE_BATCH_MS, TraceBatchClock } from './trace-batches.ts';

/** Wall time one turn of the loop aims at: short enough for a responsive Pause. */
const SLICE_TARGET_MS = 8;
/** Instructions per kernel slice (the kernel cuts a task's slice shorter itself). */
const SLICE_INSNS = 1_000_000;
/** Registers while running: a few snapshots a second is all a reader can follow. */
const REGISTER_INTERVAL_MS = 100;
/** The device view at most this often while running (a frame). */
const DEVICE_VIEW_INTERVAL_MS = 16;
/** Nothing is due in the guest: look again this soon (the shell's host-side work may need a turn). */
const IDLE_POLL_MS = 10;
/** Where Build & load puts the module file in the guest (the shell's HOME). */
const MODULE_DIR = '/root';

export interface GuestHostOptions {
  /** The guest's Linux headers by include path ("linux/module.h"). */
  headers: ReadonlyMap<string, string>;
  /** The driver boot-guest inserts when it is given none (the shipped stopwatch driver). */
  defaultDriver: DriverSources | null;
  nowMs?: () => number;
}

/** The driver in the running guest: what Reset boots with, and what the source debugger maps. */
export interface LoadedDriver {
  sources: DriverSources;
  module: string;
  object: Uint8Array;
  /** The compiler's line table, addresses relative to the object's sections. */
  lines: DriverLine[];
}

export class GuestHost {
  state: RunState = 'empty';
  stop: StopReason | null = null;
  speed: SpeedMode = 'realtime';
  idle = false;
  private sys: GuestSystem | null = null;
  private tty: LineDiscipline | null = null;
  private sourceDebug: GuestSourceDebug | null = null;
  /** The Device and Host panes' snapshots of this guest's stopwatch. */
  private deviceView: DeviceViewSource | null = null;
  /** Counts power-ons: the work of an older guest (its output, its boot) is dropped. */
  private generation = 0;
  private booted = false;
  driver: LoadedDriver | null = null;
  /** Terminal text produced since the last flush. */
  private out = '';
  private readonly encoder = new TextEncoder();
  /** Keys typed while the guest is paused: the guest takes them when it runs again. */
  private heldInput = '';
  private readonly keyDecoder = new TextDecoder();
  private readonly pacer = new RealTimePacer();
  /** Slow motion in real time (1: real time). */
  private slowdown = 1;
  /** Fast-forward jumps over idle time only while a command runs; at the prompt the guest follows the wall clock. */
  private fastForwarding = false;
  private breakpoints = new Set<number>();
  private watchpoints: Watchpoint[] = [];
  private registerWatches: DeviceRegisterWatch[] = [];
  private traceEnabled = false;
  /** At most one trace batch per frame, however many turns the loop takes (trace-batches.ts). */
  private readonly traceBatches = new TraceBatchClock();
  private jit = true;
  private guestErrors: string[] = [];
  private guestErrorsLeftOut = 0;
  private notices: string[] = [];
  private uartInFlight = 0;
  /** The shell's writes wait here while the terminal is behind (flow control, as a UART's transmitter). */
  private outputWaiters: Array<() => void> = [];
  private lastStatus = '';
  private lastDeviceViewMs = -Infinity;
  private lastRegistersMs = -Infinity;
  private readonly scheduler: SliceScheduler;
  private readonly nowMs: () => number;
  /** Names the Code pane's instructions: kernel labels, module symbols, the driver's C lines. */
  private readonly codeNames = new GuestCodeNames();

  constructor(private readonly port: HostPort, private readonly opts: GuestHostOptions) {
    this.nowMs = opts.nowMs ?? (() => performance.now());
    this.scheduler = new SliceScheduler(() => this.tick());
  }

  /** The guest running now (tests, and the seam for the source-level debugger). */
  get system(): GuestSystem | null {
    return this.sys;
  }

  handle(command: MachineCommand): void {
    try {
      this.apply(command);
    } catch (err) {
      this.send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
    if (command.type !== 'uart-ack') this.flush(command.type !== 'uart-in');
  }

  /** Stops the guest for good (the page went to a bare-metal program; tests). */
  shutdown(): void {
    this.generation++;
    this.scheduler.cancel();
    this.sys = null;
    this.tty = null;
    this.deviceView = null;
    this.booted = false;
    this.releaseOutput();
    this.settle('empty', null);
  }

  dispose(): void {
    this.shutdown();
    this.scheduler.close();
  }

  private apply(command: MachineCommand): void {
    switch (command.type) {
      case 'boot-guest':
        return this.bootGuest(command.driver);
      case 'build-driver':
        void this.buildAndLoad(command.driver);
        return this.scheduler.after(0);
      case 'run':
        return this.run();
      case 'pause':
        this.sys?.board.eventStop.disarm();
        if (this.state !== 'running') return;
        // A step by C lines under way stops where the hart is; the debugger reports that stop.
        if (this.sourceDebug?.pause()) return;
        this.settle('paused', { reason: 'pause' });
        return this.scheduler.cancel();
      case 'run-to-event':
        return this.runToEvent(command.target);
      case 'set-device-watchpoints':
        this.registerWatches = command.watchpoints.map((w) => ({ ...w }));
        return this.applyBreakpoints();
      case 'step':
        return this.step(command.count);
      case 'reset':
        this.requireGuest();
        return this.powerOn(this.driver);
      case 'uart-in':
        return this.typed(this.keyDecoder.decode(command.bytes, { stream: true }));
      case 'uart-ack':
        this.uartInFlight = Math.max(0, this.uartInFlight - command.bytes);
        if (this.uartInFlight <= UART_WINDOW_BYTES / 2) this.releaseOutput();
        return;
      case 'set-speed':
        this.speed = command.mode;
        this.slowdown = command.mode === 'realtime' ? clampSlowdown(command.slowdown) : 1;
        this.pacer.setSlowdown(this.slowdown);
        if (this.sys) this.pacer.anchor(this.nowMs(), this.sys.board.clock.nowNs());
        if (this.state === 'running') this.scheduler.after(0);
        return;
      case 'set-breakpoints':
        this.breakpoints = new Set(command.pcs.map((pc) => pc >>> 0));
        return this.applyBreakpoints();
      case 'set-watchpoints':
        this.watchpoints = command.watchpoints.map((w) => ({ ...w }));
        return this.applyBreakpoints();
      case 'set-trace':
        this.traceEnabled = command.enabled;
        if (this.sys) this.sys.board.tracer.enabled = command.enabled;
        return;
      case 'set-jit':
        this.jit = command.enabled;
        if (this.sys) this.sys.board.cpu.useTranslator = command.enabled;
        return;
      case 'set-stopwatch-on-error':
        this.notices.push('In the guest the stopwatch logs a misuse as a guest error and goes on (on_error=log); the other setting applies to bare-metal programs.');
        return;
      case 'set-source-breakpoints':
        return this.setSourceBreakpoints(command.file, command.lines);
      case 'step-source':
        return this.stepSource(command.how);
      case 'run-to-line':
        return this.runToLine(command.file, command.line);
      case 'locate':
        return this.locate(command.pc, command.ra);
      case 'export-dtb':
        return this.exportDtb();
      case 'load-elf':
      case 'compile':
        throw new Error('A bare-metal program cannot be loaded into the running guest; the worker hands it to the bare-metal machine.');
    }
  }

  // ---- the source-level debugger (guest-source-debug.ts) ----
  // Breakpoints on C lines survive a reboot and a Build & load: they are kept by
  // file and line and placed again each time the driver's module is inserted.
  private sourceBreakpoints = new Map<string, number[]>();

  /** Breakpoints on C lines of the loaded driver. */
  setSourceBreakpoints(file: string, lines: number[]): void {
    this.sourceBreakpoints.set(file, lines);
    this.sourceDebug?.setBreakpoints(file, lines);
    this.applyBreakpoints();
  }

  /** One C line, into a call, or out of the function, from a stop. */
  stepSource(how: 'line' | 'into' | 'out'): void {
    if (this.sourceDebug?.waiting) this.settle('running', null);
    this.sourceDebug?.step(how);
  }

  runToLine(file: string, line: number): void {
    if (this.sourceDebug?.waiting) this.settle('running', null);
    this.sourceDebug?.runToLine(file, line);
  }

  private newSourceDebug(sys: GuestSystem, generation: number): GuestSourceDebug {
    const mine = () => generation === this.generation;
    const debug = new GuestSourceDebug(sys, {
      stopped: (stop) => {
        if (!mine()) return;
        this.scheduler.cancel();
        this.settle('paused', stop.reason === 'breakpoint'
          ? { reason: 'breakpoint', pc: stop.pc }
          : { reason: 'source-step', pc: stop.pc, message: stop.message });
        this.send({ type: 'source-location', location: stop.location });
        this.send({ type: 'frame', frame: this.driver ? debug.frame(this.driver.module, this.driver.object) : null });
        this.flush(true);
      },
      resumed: (finished) => {
        if (!mine()) return;
        this.send({ type: 'source-location', location: null });
        this.send({ type: 'frame', frame: null });
        if (finished) this.notices.push(finished);
        sys.board.cpu.resumeOverBreakpoint();
        this.pacer.anchor(this.nowMs(), sys.board.clock.nowNs());
        this.settle('running', null);
        this.scheduler.after(0);
      },
      resolved: (file, lines) => { if (mine()) this.send({ type: 'breakpoints-resolved', file, lines }); },
      notice: (message) => { if (mine()) this.notices.push(message); this.flush(false); },
      failed: (err) => this.guestFailed(generation, err),
      isAddressBreakpoint: (pc) => this.breakpoints.has(pc),
    });
    for (const [file, lines] of this.sourceBreakpoints) debug.setBreakpoints(file, lines);
    return debug;
  }

  /** The driver module is in the guest (at boot or after Build & load): its C lines get addresses. */
  private driverInserted(): void {
    if (this.driver && this.sourceDebug) this.sourceDebug.moduleLoaded(this.driver.module, this.driver.object);
    this.applyBreakpoints();
  }

  // ---- the Trace pane's questions ----

  /** A traced pc: its C line in the driver and the instructions around it. An access made
   * in a header's accessor (__raw_writel) is shown at the driver's line that called it (`ra`). */
  private locate(pc: number, ra: number | undefined): void {
    const at = pc >>> 0;
    const sys = this.sys;
    const files = Object.keys(this.driver?.sources.files ?? {});
    const inDriver = (l: SourceLocation | null) => l !== null && files.some((f) => sameFile(f, l.file));
    let location = this.sourceDebug?.locate(at) ?? null;
    if (!inDriver(location) && ra !== undefined && sys) {
      const caller = this.sourceDebug?.locate(callSite(ra, (a) => sys.board.bus.peek(a, 2))) ?? null;
      if (inDriver(caller)) location = caller;
    }
    this.send({ type: 'located', pc: at, location, code: sys ? codeWindow(sys.board.bus, at, 4, 6) : [] });
  }

  private exportDtb(): void {
    const dtb = this.requireGuest().board.dtb().slice();
    this.send({ type: 'dtb', dtb, dts: printDts(parseFdt(dtb)) });
  }

  // ---- power, boot and the shell ----

  private bootGuest(driver: DriverSources | null): void {
    const sources = driver ?? this.opts.defaultDriver;
    if (!sources) {
      this.powerOn(null);
      return;
    }
    const t0 = this.nowMs();
    const b = buildDriverSources(sources, this.opts.headers);
    const buildMs = this.nowMs() - t0;
    const loaded = b.ok && b.object ? { sources, module: b.module, object: b.object, lines: b.lines } : null;
    this.powerOn(loaded, () => {
      if (!b.ok) {
        this.sendBuilt(b.module, false, false, b.diagnostics, buildMs,
          `${sources.main} does not compile (${countDiagnostics(b.diagnostics)}), so the guest booted without it. Fix the errors and press Build & load.`);
        return;
      }
      const inserted = this.sys?.kernel.modules.some((m) => m.name === b.module) ?? false;
      this.sendBuilt(b.module, true, inserted, b.diagnostics, buildMs, inserted
        ? `Built ${sources.main} and inserted the module ${b.module} at boot.`
        : `Built ${sources.main}, but inserting it at boot failed (the terminal shows why). Fix the driver and press Build & load.`);
    });
  }

  /** A new guest: power-on, boot, the driver inserted; the loop runs from here. */
  private powerOn(driver: LoadedDriver | null, afterBoot?: () => void): void {
    this.generation++;
    const generation = this.generation;
    this.scheduler.cancel();
    this.releaseOutput();
    this.out = '';
    this.uartInFlight = 0;
    this.heldInput = '';
    this.booted = false;
    this.driver = driver;
    this.guestErrors = [];
    this.guestErrorsLeftOut = 0;
    this.notices = [];
    const outputDecoder = new TextDecoder();
    const modules: GuestModuleObject[] = driver ? [{ name: driver.module, object: driver.object }] : [];
    const toTerminal = (bytes: Uint8Array): void | Promise<void> => this.shellOutput(generation, outputDecoder.decode(bytes, { stream: true }));
    const sys = new GuestSystem({
      hostDriven: true, terminal: true, jit: this.jit, modules, stdout: toTerminal, stderr: toTerminal,
      console: (line) => { if (generation === this.generation) tty.console(line); },
      guestError: (message) => this.noteGuestError(message),
    });
    const tty: LineDiscipline = new LineDiscipline({
      output: (text) => { if (generation === this.generation) this.out += text; },
      prompt: () => sys.shell.prompt(),
      needsMoreInput: (text) => Shell.needsMoreInput(text),
      run: (text) => this.runShell(sys, generation, text),
      interrupt: () => sys.shell.interrupt(),
    });
    sys.board.cpu.onNotice = (message) => this.notices.push(message);
    sys.board.tracer.enabled = this.traceEnabled;
    this.sys = sys;
    this.tty = tty;
    this.deviceView = new DeviceViewSource(sys.board, () => ioMappings(sys.kernel));
    this.sourceDebug = this.newSourceDebug(sys, generation);
    this.applyBreakpoints();
    this.pacer.anchor(this.nowMs(), sys.board.clock.nowNs());
    this.settle('running', null);
    sys.boot().then(() => {
      if (generation !== this.generation) return;
      this.booted = true;
      this.driverInserted();
      tty.start();
      this.send({ type: 'guest-booted' });
      afterBoot?.();
      this.wake();
    }, (err: unknown) => this.guestFailed(generation, err));
    this.scheduler.after(0);
  }

  /** A command line from the terminal, run in the shell; what happens to the machine after it. */
  private async runShell(sys: GuestSystem, generation: number, text: string): Promise<number> {
    let status: number;
    try {
      status = await sys.execute(text);
    } catch (err) {
      this.guestFailed(generation, err);
      return 1;
    }
    if (generation !== this.generation) return status;
    if (sys.shellKernel.power === 'reboot') {
      queueMicrotask(() => this.powerOn(this.driver));
    } else if (sys.shellKernel.power === 'off') {
      this.scheduler.cancel();
      this.settle('halted', { reason: 'poweroff', exitCode: 0 });
      this.flush(true);
    } else if (sys.shell.exitStatus !== null) {
      // The console's shell ended: init starts a new one, as busybox init respawns it.
      sys.shell.exitStatus = null;
    }
    return status;
  }

  /** Something in the host side of the guest threw: the machine stops and the student is told. */
  private guestFailed(generation: number, err: unknown): void {
    if (generation !== this.generation) return;
    this.scheduler.cancel();
    this.settle('halted', { reason: 'device-error', device: 'guest kernel', message: err instanceof Error ? err.message : String(err) });
    this.send({ type: 'error', message: `The guest stopped on an internal error (please report it): ${err instanceof Error ? err.message : String(err)}. Press Reset to boot it again.` });
    this.flush(true);
  }

  /** The shell's output; while the terminal is too far behind, the writer waits for it. */
  private shellOutput(generation: number, text: string): void | Promise<void> {
    if (generation !== this.generation) return;
    this.tty?.write(text);
    if (this.uartInFlight + this.out.length <= UART_WINDOW_BYTES) return;
    this.wake();
    return new Promise((resolve) => this.outputWaiters.push(resolve));
  }

  private releaseOutput(): void {
    for (const w of this.outputWaiters.splice(0)) w();
  }

  private typed(text: string): void {
    if (!this.tty) return;
    if (this.state !== 'running') {
      this.heldInput += text; // a paused machine echoes nothing; the keys wait for Run
      return;
    }
    this.tty.receive(text);
    this.wake();
  }

  // ---- run control ----

  private run(): void {
    const sys = this.requireGuest();
    if (this.state === 'halted') throw new Error('The guest has stopped for good (powered off or failed): press Reset to boot it again.');
    if (this.state === 'running') return;
    if (this.sourceDebug?.waiting) {
      this.settle('running', null);
      this.sourceDebug.continue(); // the hook returns; `resumed` runs the loop again
      return;
    }
    sys.board.cpu.resumeOverBreakpoint();
    this.pacer.anchor(this.nowMs(), sys.board.clock.nowNs());
    this.settle('running', null);
    const held = this.heldInput;
    this.heldInput = '';
    if (held) this.tty?.receive(held);
    this.scheduler.after(0);
  }

  /** Runs (from a pause, or on while running) until the next VM exit, IRQ or lane event, then pauses there. */
  private runToEvent(target: EventStepTarget): void {
    const sys = this.requireGuest();
    if (this.state === 'halted') throw new Error('The guest has stopped for good (powered off or failed): press Reset to boot it again.');
    if (!this.booted) throw new Error('The guest is still booting: wait for the shell prompt, then step to the next event.');
    sys.board.eventStop.arm(target);
    if (this.state === 'running') return this.wake();
    this.run();
  }

  /** A run to the next event reached it (the board stopped, or idle time reached an IRQ): pause there. */
  private eventReached(sys: GuestSystem): boolean {
    const reached = sys.board.eventStop.take();
    if (!reached) return false;
    this.settle('paused', { reason: 'event', ...reached });
    return true;
  }

  /** Executes `count` instructions of whatever the kernel runs (idle time is jumped over), then pauses. */
  private step(count: number): void {
    const sys = this.requireGuest();
    if (this.state === 'halted') throw new Error('The guest has stopped for good (powered off or failed): press Reset to boot it again.');
    this.scheduler.cancel();
    sys.board.eventStop.disarm();
    sys.board.cpu.resumeOverBreakpoint();
    let left = Math.max(1, Math.floor(count));
    let ran = 0;
    let waiting = false;
    for (let turns = 0; left > 0 && turns < 10_000; turns++) {
      const r = sys.runSlice(left);
      ran += r.insns;
      left -= r.insns;
      if (r.kind === 'breakpoint') return this.settle('paused', { reason: 'breakpoint', pc: r.pc >>> 0 });
      if (r.kind === 'watchpoint') return this.settle('paused', { reason: 'watchpoint', hit: r.hit });
      if (r.kind === 'halted') return this.halted(r.why);
      if (r.kind === 'idle') {
        if (r.wakeAtNs === Infinity) { waiting = true; break; }
        sys.kernel.skipTo(r.wakeAtNs);
      }
    }
    this.settle('paused', { reason: 'step', count: ran, waiting });
  }

  /** One turn of the loop: slices for about SLICE_TARGET_MS, then the message loop gets a turn. */
  private tick(): void {
    const sys = this.sys;
    if (!sys || this.state !== 'running' || this.sourceDebug?.inHook && !this.sourceDebug.waiting) return;
    let waitMs: number;
    try {
      waitMs = this.runFor(sys, this.nowMs());
    } catch (err) {
      this.settle('paused', null);
      this.send({ type: 'error', message: `Internal error in the emulator (please report it): ${err instanceof Error ? err.message : String(err)}` });
      waitMs = Infinity;
    }
    // At a stop, or when the guest goes to sleep in wfi for a while (at the prompt, not between the
    // interrupts of a storm), what was held back goes at once: the page shows the state it rests in.
    this.flush(this.state !== 'running', this.state !== 'running' || (this.idle && waitMs >= TRACE_BATCH_MS));
    // Events held back for the next batch must not wait for a long idle turn.
    if (this.state === 'running' && (sys.board.tracer.enabled && sys.board.tracer.buffered > 0)) {
      waitMs = Math.min(waitMs, this.traceBatches.waitMs(this.nowMs()));
    }
    if (this.state === 'running') this.scheduler.after(waitMs);
  }

  /** Runs kernel slices until the turn's time is up or the host has work; how long to wait before the next turn. */
  private runFor(sys: GuestSystem, t0: number): number {
    const board = sys.board;
    for (;;) {
      if (this.eventReached(sys)) return Infinity; // reached while idle time passed
      const wall = this.nowMs();
      if (wall - t0 >= SLICE_TARGET_MS) return 0;
      const fast = this.speed === 'fast' && (!this.booted || sys.shell.busy);
      if (!fast && this.fastForwarding) this.pacer.anchor(wall, board.clock.nowNs());
      this.fastForwarding = fast;
      let budget = SLICE_INSNS;
      if (!fast) {
        const plan = this.pacer.plan(board, SLICE_INSNS, wall);
        if (plan.waitMs > 0) return plan.waitMs;
        budget = plan.insns;
      }
      const r = sys.runSlice(budget);
      this.idle = r.kind === 'idle';
      if (r.kind !== 'halted' && this.eventReached(sys)) return Infinity;
      switch (r.kind) {
        case 'breakpoint':
          // The debugger's hook decides: a stop for the student, or a step that runs on.
          if (this.sourceDebug) this.sourceDebug.hitBreakpoint(r.pc >>> 0);
          else this.settle('paused', { reason: 'breakpoint', pc: r.pc >>> 0 });
          return Infinity;
        case 'watchpoint':
          this.settle('paused', { reason: 'watchpoint', hit: r.hit });
          return Infinity;
        case 'halted':
          this.halted(r.why);
          return Infinity;
        case 'idle': {
          if (fast) {
            if (r.wakeAtNs === Infinity) return IDLE_POLL_MS;
            sys.kernel.skipTo(r.wakeAtNs);
            return 0; // the shell's promises settle between turns
          }
          const wait = this.pacer.sleep(board, r.wakeAtNs, wall);
          if (wait > 0) return Math.min(wait, IDLE_POLL_MS * 10);
          if (sys.kernel.hostWork) return 0;
          break;
        }
        case 'ran':
          if (sys.kernel.hostWork) return 0;
          break;
      }
    }
  }

  /** The kernel stopped the machine: powered off, a device error, or a reboot. */
  private halted(why: string): void {
    if (why === 'reset') {
      queueMicrotask(() => this.powerOn(this.driver)); // like QEMU without -no-reboot: the board boots again
      return;
    }
    if (why === 'poweroff') return this.settle('halted', { reason: 'poweroff', exitCode: 0 });
    const colon = why.indexOf(': ');
    const device = colon > 0 ? why.slice(0, colon) : 'guest kernel';
    this.settle('halted', { reason: 'device-error', device, message: colon > 0 ? why.slice(colon + 2) : why });
  }

  /** Run the loop now (input arrived, a command was typed), instead of after its wait. */
  private wake(): void {
    if (this.state === 'running') this.scheduler.after(0);
  }

  // ---- Build & load ----

  /** Compiles the driver; if it builds, rmmod of the old module and insmod of the new one, typed at the prompt. */
  private async buildAndLoad(driver: DriverSources): Promise<void> {
    const t0 = this.nowMs();
    const b = buildDriverSources(driver, this.opts.headers);
    const buildMs = this.nowMs() - t0;
    const module = b.module;
    if (!b.ok || !b.object) {
      return this.sendBuilt(module, false, false, b.diagnostics, buildMs,
        `${driver.main} does not compile (${countDiagnostics(b.diagnostics)}); nothing in the guest changed. Fix the errors and press Build & load again.`);
    }
    const sys = this.sys, tty = this.tty, generation = this.generation;
    const notNow = (why: string) => this.sendBuilt(module, true, false, b.diagnostics, buildMs, `Built ${driver.main}, but ${why}; nothing in the guest changed.`);
    if (!sys || !tty) return notNow('the guest is not running: it boots when the page opens, or press Reset');
    if (!this.booted) return notNow('the guest is still booting: press Build & load again once the prompt shows');
    if (this.state !== 'running') return notNow('the guest is paused: press Run, then Build & load again');
    if (tty.busy) return notNow('a command is still running in the terminal: wait for the prompt (or press Ctrl-C there), then press Build & load again');
    const path = `${MODULE_DIR}/${module}.ko`;
    sys.vfs.mkdirp(MODULE_DIR);
    sys.vfs.writeFile(path, b.object);
    if (sys.kernel.modules.some((m) => m.name === module)) {
      const removed = await tty.typeCommand(`rmmod ${module}`);
      if (generation !== this.generation) return;
      if (removed !== 0) {
        return this.sendBuilt(module, true, false, b.diagnostics, buildMs,
          `Built ${driver.main}, but rmmod ${module} failed (the terminal shows why; a module in use cannot be removed), so the old module stays and the new one was not inserted. Stop what uses it and press Build & load again.`);
      }
    }
    const inserted = await tty.typeCommand(`insmod ${path}`);
    if (generation !== this.generation) return;
    this.driver = { sources: driver, module, object: b.object, lines: b.lines };
    const loaded = inserted === 0;
    if (loaded) this.driverInserted();
    this.sendBuilt(module, true, loaded, b.diagnostics, buildMs, loaded
      ? `Built ${driver.main} and loaded it: the module ${module} now runs in the guest.`
      : `Built ${driver.main}, but insmod failed (the terminal shows the kernel's reason). Fix the driver and press Build & load again.`);
    this.flush(false);
  }

  private sendBuilt(module: string, ok: boolean, loaded: boolean, diagnostics: BuildDiagnostic[], buildMs: number, message: string): void {
    this.send({ type: 'driver-built', module, ok, loaded, diagnostics, buildMs, message });
  }

  // ---- what goes to the page ----

  /** Sends what the turn produced. forceRegisters: a register snapshot now; forceBatches: the trace and
   * the device view now, rather than at most once per frame. */
  private flush(forceRegisters: boolean, forceBatches = forceRegisters): void {
    if (this.out !== '') {
      const bytes = this.encoder.encode(this.out);
      this.out = '';
      this.uartInFlight += bytes.length;
      this.send({ type: 'uart-out', bytes });
    }
    const sys = this.sys;
    const now = this.nowMs();
    // A storm makes the loop turn once per interrupt (thousands of turns a
    // second): the trace goes once per frame, or at once when the machine stops.
    if (sys && sys.board.tracer.enabled && sys.board.tracer.buffered > 0 && this.traceBatches.due(now, forceBatches)) {
      const events = sys.board.tracer.drain();
      this.send({ type: 'trace', events, dropped: sys.board.tracer.dropped });
      this.traceBatches.sent(now);
    }
    if (this.guestErrors.length > 0 || this.guestErrorsLeftOut > 0) {
      this.send({ type: 'guest-errors', messages: this.guestErrors, more: this.guestErrorsLeftOut });
      this.guestErrors = [];
      this.guestErrorsLeftOut = 0;
    }
    for (const message of this.notices.splice(0)) this.send({ type: 'notice', message });
    // The device snapshot, like the trace, goes at most once per frame: a storm turns the loop once per interrupt.
    if (forceBatches || now - this.lastDeviceViewMs >= DEVICE_VIEW_INTERVAL_MS) {
      const view = this.deviceView?.take(forceRegisters);
      if (view) {
        this.send({ type: 'device-view', view });
        this.lastDeviceViewMs = now;
      }
    }
    if (forceRegisters || now - this.lastRegistersMs >= REGISTER_INTERVAL_MS) {
      const registers = this.registers();
      if (registers) this.send({ type: 'registers', registers });
      this.lastRegistersMs = now;
    }
    this.sendStatus(); // last: once the page reads "Paused", the registers it shows are final
  }

  registers(): RegisterSnapshot | null {
    const sys = this.sys;
    if (!sys) return null;
    const regs = sys.board.cpu.registers();
    const task = sys.kernel.live?.comm;
    const driver = this.driver && { module: this.driver.module, object: this.driver.object, files: this.driver.sources.files };
    const code = annotateCode(codeWindow(sys.board.bus, regs.pc), this.codeNames.names(sys, driver));
    return { ...regs, timeNs: sys.board.clock.nowNs(), code, ...(task ? { task } : {}) };
  }

  private sendStatus(): void {
    const event: MachineEvent = { type: 'status', state: this.state, stop: this.stop, speed: this.speed, idle: this.idle, slowdown: this.slowdown };
    const key = JSON.stringify(event);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.send(event);
  }

  private noteGuestError(message: string): void {
    if (this.guestErrors.length < MAX_GUEST_ERRORS_PER_BATCH) this.guestErrors.push(message);
    else this.guestErrorsLeftOut++;
  }

  private applyBreakpoints(): void {
    const set = this.sys?.board.cpu.breakpoints;
    if (!set) return;
    set.clear();
    for (const pc of this.breakpoints) set.add(pc);
    for (const pc of this.sourceDebug?.addresses ?? []) set.add(pc);
    const board = this.sys!.board;
    board.cpu.watchpoints.set([...this.watchpoints, ...resolveRegisterWatches(board.bus, this.registerWatches)]);
  }

  private settle(state: RunState, stop: StopReason | null): void {
    if (state !== 'running') this.sys?.board.eventStop.disarm(); // any stop ends a run to the next event
    this.state = state;
    this.stop = stop;
    this.idle = false;
  }

  private requireGuest(): GuestSystem {
    if (!this.sys) throw new Error('The guest has not been booted yet: reload the page to boot it.');
    return this.sys;
  }

  private send(event: MachineEvent): void {
    this.port.post(event, transferablesOf(event));
  }
}
