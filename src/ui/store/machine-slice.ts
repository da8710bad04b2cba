// The machine as the UI knows it: what is loaded, whether it runs, why it
// stopped, the last register snapshot. Data only — the worker and the xterm
// widget live elsewhere; actions turn clicks into worker commands.

import type { StateCreator } from 'zustand';
import type { MachineCommand, MachineEvent, RunState, SpeedMode, StopwatchOnError } from '../../protocol/messages.ts';
import type { RegisterSnapshot } from '../../protocol/registers.ts';
import type { StopReason } from '../../protocol/stop-reason.ts';
import { NO_CHANGES, registerChanges, type RegisterChanges } from '../registers/register-changes.ts';
import type { PlaygroundState } from './playground-state.ts';

/** A file bigger than this is not a program for a 128 MiB board. */
const MAX_ELF_BYTES = 64 * 1024 * 1024;
/** Guest errors kept for the status panel: the latest few are all a reader follows. */
const GUEST_ERRORS_SHOWN = 5;

export interface MachineSlice {
  workerReady: boolean;
  programName: string | null;
  entry: number | null;
  runState: RunState;
  stop: StopReason | null;
  idle: boolean;
  speed: SpeedMode;
  /** Real time only: slow motion, virtual time N times slower than the wall clock (1: real time). */
  slowdown: number;
  /** Hot guest code translated into JavaScript (faster), or every instruction interpreted. */
  jit: boolean;
  registers: RegisterSnapshot | null;
  /** What the last snapshot changed, against the one before it (derived here, once per snapshot). */
  registerChanges: RegisterChanges;
  /** Emulation speed while running, in million instructions per wall second. */
  mips: number | null;
  /** Addresses the hart stops before executing. */
  breakpoints: number[];
  /** The stopwatch's on_error property the board is built with. */
  stopwatchOnError: StopwatchOnError;
  /** The latest guest errors the stopwatch logged and ignored, newest first. */
  guestErrors: string[];
  /** All guest errors since the program was loaded or reset, shown or not. */
  guestErrorCount: number;
  /** What the machine told since the program was loaded or reset ("this board has no FPU: …"). */
  notices: string[];
  loadElfFile(file: File): Promise<void>;
  run(): void;
  pause(): void;
  step(count: number): void;
  reset(): void;
  /** Fast-forward, or real time slowed down `slowdown` times (1, the default: real time). */
  setSpeed(mode: SpeedMode, slowdown?: number): void;
  setJit(enabled: boolean): void;
  /** Rebuilds the board with this on_error; the loaded program boots again, paused. */
  setStopwatchOnError(onError: StopwatchOnError): void;
  toggleBreakpoint(addr: number): void;
  /** Keyboard bytes for the guest's UART0 receiver. */
  sendInput(bytes: Uint8Array): void;
  /** Applies one event from the worker (the machine client calls this). */
  receive(event: Exclude<MachineEvent, { type: 'uart-out' | 'trace' }>): void;
}

/** MIPS from successive snapshots, averaged over about a second of wall time. */
const speedometer = {
  marks: [] as { instret: number; ms: number }[],
  update(instret: number, running: boolean): number | null {
    const ms = performance.now();
    if (!running) {
      this.marks = [];
      return null;
    }
    this.marks.push({ instret, ms });
    while (this.marks.length > 2 && ms - this.marks[0].ms > 1000) this.marks.shift();
    const first = this.marks[0];
    if (ms - first.ms < 150) return null;
    return (instret - first.instret) / ((ms - first.ms) * 1000);
  },
};

/** How the store reaches the worker; set once by the machine client. */
export type CommandSender = (command: MachineCommand) => void;

export const createMachineSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], MachineSlice> => (set, get) => ({
  workerReady: false,
  programName: null,
  entry: null,
  runState: 'empty',
  stop: null,
  idle: false,
  speed: 'fast',
  slowdown: 1,
  jit: true,
  registers: null,
  registerChanges: NO_CHANGES,
  mips: null,
  breakpoints: [],
  stopwatchOnError: 'stop',
  guestErrors: [],
  guestErrorCount: 0,
  notices: [],

  async loadElfFile(file) {
    if (file.size > MAX_ELF_BYTES) {
      get().showError(`"${file.name}" is ${(file.size / 1048576).toFixed(0)} MiB: too big to be a program for this board. Choose a RISC-V ELF executable.`);
      return;
    }
    get().clearError();
    send({ type: 'load-elf', name: file.name, image: await file.arrayBuffer() });
  },
  run: () => send({ type: 'run' }),
  pause: () => send({ type: 'pause' }),
  step: (count) => send({ type: 'step', count: Math.max(1, Math.floor(count) || 1) }),
  reset() {
    set({ guestErrors: [], guestErrorCount: 0, notices: [] });
    send({ type: 'reset' });
  },
  setStopwatchOnError(onError) {
    if (onError === get().stopwatchOnError) return;
    set({ stopwatchOnError: onError, guestErrors: [], guestErrorCount: 0, notices: [] });
    send({ type: 'set-stopwatch-on-error', onError });
  },
  setSpeed: (mode, slowdown = 1) => send(mode === 'realtime' && slowdown !== 1 ? { type: 'set-speed', mode, slowdown } : { type: 'set-speed', mode }),
  setJit(enabled) {
    set({ jit: enabled });
    send({ type: 'set-jit', enabled });
  },
  sendInput: (bytes) => send({ type: 'uart-in', bytes }),
  toggleBreakpoint(addr) {
    const pc = addr >>> 0;
    const now = get().breakpoints;
    const breakpoints = now.includes(pc) ? now.filter((b) => b !== pc) : [...now, pc].sort((a, b) => a - b);
    set({ breakpoints });
    send({ type: 'set-breakpoints', pcs: breakpoints });
  },

  receive(event) {
    switch (event.type) {
      case 'ready':
        set({ workerReady: true });
        send({ type: 'set-trace', enabled: true }); // the panes show what the machine does, as it does it
        return get().bootGuest(); // the page opens to the guest's shell, with no click
      case 'source-location':
        return get().setSourceLocation(event.location);
      case 'frame':
        return get().receiveFrame(event.frame);
      case 'located':
      case 'dtb':
        return get().receiveTraceAnswer(event);
      case 'breakpoints-resolved':
        return get().breakpointsResolved(event.file, event.lines);
      case 'examples':
        return get().receiveExamples(event.examples);
      case 'loaded':
        return set({ programName: event.name, entry: event.entry, guestErrors: [], guestErrorCount: 0, notices: [], guestMode: false, guestBooted: false });
      case 'guest-booted':
      case 'driver-built':
        return get().receiveGuest(event);
      case 'compiled':
        return get().receiveBuild(event);
      case 'status':
        return set({ runState: event.state, stop: event.stop, idle: event.idle, speed: event.speed, slowdown: event.slowdown ?? 1 });
      case 'registers':
        return set({
          registers: event.registers,
          registerChanges: registerChanges(get().registers, event.registers, get().registerChanges),
          mips: speedometer.update(event.registers.instret, get().runState === 'running' && !get().idle),
        });
      case 'guest-errors': {
        const s = get();
        const guestErrors = [...event.messages].reverse().concat(s.guestErrors).slice(0, GUEST_ERRORS_SHOWN);
        return set({ guestErrors, guestErrorCount: s.guestErrorCount + event.messages.length + event.more });
      }
      case 'notice':
        return set({ notices: [...get().notices, event.message] });
      case 'device-view':
        return get().receiveDeviceView(event.view);
      case 'error':
        return get().showError(event.message);
    }
  },
});
