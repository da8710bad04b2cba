// The worker protocol: the only way the UI talks to the machine, which runs
// in the worker in bounded slices. Two narrow discriminated unions, one per
// direction; byte buffers are transferred, never copied.

import type { FrameView } from './frame.ts';
import type { BuildDiagnostic, BuildOutput } from './build.ts';
import type { DeviceView } from './device-view.ts';
import type { DriverSources, SourceLocation } from './driver.ts';
import type { Example } from './examples.ts';
import type { DeviceRegisterWatch, Watchpoint } from './watchpoints.ts';
import type { EventStepTarget } from './trace-lanes.ts';
import type { CodeLine, RegisterSnapshot } from './registers.ts';
import type { StopReason } from './stop-reason.ts';
import type { TraceEvent } from './trace-events.ts';

/** Fast-forward: an idle hart jumps to its next deadline. Real time: it waits for the wall clock. */
export type SpeedMode = 'fast' | 'realtime';

/** The stopwatch's on_error property: a guest mistake stops the machine (QEMU's
 * hw_error) or is logged as a guest error and ignored (QEMU style). */
export type StopwatchOnError = 'stop' | 'log';

/** At most this many guest errors go to the UI per slice; the rest are only counted. */
export const MAX_GUEST_ERRORS_PER_BATCH = 8;

/** UI → worker. */
export type MachineCommand =
  | { type: 'load-elf'; name: string; image: ArrayBuffer }
  /** Compiles a C source in the worker; if it builds, its program is loaded like an ELF.
   * `files`: the other files of its project by name (headers for #include "…", C files linked in). */
  | { type: 'compile'; name: string; source: string; output: BuildOutput; files?: Record<string, string> }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'reset' }
  | { type: 'uart-in'; bytes: Uint8Array }
  /** Flow control: the terminal has taken in this many bytes of uart-out. The
   * worker stops running while too much output is unacknowledged, as a UART
   * transmitter waits for a slow line, so a printing loop cannot flood the page. */
  | { type: 'uart-ack'; bytes: number }
  /** slowdown (real time only): slow motion, virtual time runs N times slower than the wall clock; absent or 1: real time. */
  | { type: 'set-speed'; mode: SpeedMode; slowdown?: number }
  | { type: 'set-breakpoints'; pcs: number[] }
  /** Data watchpoints: the machine pauses right after a watched access (stop reason 'watchpoint'). */
  | { type: 'set-watchpoints'; watchpoints: Watchpoint[] }
  /** Watchpoints on device registers by name; on a trapping register the machine stops before the VM exit. */
  | { type: 'set-device-watchpoints'; watchpoints: DeviceRegisterWatch[] }
  /** Runs (from a pause, or on while running) until the next VM exit, IRQ or event of a lane, and stops there (stop reason 'event'). */
  | { type: 'run-to-event'; target: EventStepTarget }
  | { type: 'set-trace'; enabled: boolean }
  /** Translate hot guest code into JavaScript (the default), or interpret every instruction: the same run either way. */
  | { type: 'set-jit'; enabled: boolean }
  /** Sets the stopwatch's on_error property: the board is built again with it and the program reloaded. */
  | { type: 'set-stopwatch-on-error'; onError: StopwatchOnError }
  /** Boots the Linux-like guest to its shell with this driver inserted (null: the shipped
   * stopwatch driver). A driver that does not build is left out and the guest boots anyway.
   * From here on run/pause/step/reset/uart-in/set-breakpoints act on the guest (reset reboots it). */
  | { type: 'boot-guest'; driver: DriverSources | null }
  /** Builds a driver and, if it builds, replaces the loaded module of that name in the running
   * guest: rmmod, then insmod, typed into the guest's terminal. A failed build changes nothing. */
  | { type: 'build-driver'; driver: DriverSources }
  /** Breakpoints on C lines of the loaded driver (replaces the ones of that file). */
  | { type: 'set-source-breakpoints'; file: string; lines: number[] }
  /** From a stop: to the next C line ('line'), into a call ('into'), or out of the function ('out'). */
  | { type: 'step-source'; how: 'line' | 'into' | 'out' }
  | { type: 'run-to-line'; file: string; line: number }
  /** Where a traced pc is: answered by 'located' (the C line and the code around it).
   * ra: the event's return address, tried when pc is in a header's accessor (__raw_writel). */
  | { type: 'locate'; pc: number; ra?: number }
  /** The board's device tree, for download: answered by 'dtb'. */
  | { type: 'export-dtb' };

/** What the machine is doing (`idle` in a status: running, but the hart sleeps in wfi). 'empty': no program loaded yet. 'halted': it
 * powered off or hit a device error, and only Reset or a new ELF goes on. */
export type RunState = 'empty' | 'paused' | 'running' | 'halted';

/** Worker → UI. */
export type MachineEvent =
  | { type: 'ready' }
  /** The example menu's contents, sent once after 'ready' (the page bundles no sources of its own). */
  | { type: 'examples'; examples: Example[] }
  | { type: 'loaded'; name: string; entry: number }
  /** A compile finished. ok: it built and was loaded (a 'loaded' event follows);
   * otherwise the program loaded before, if any, stays. buildMs: wall time of the build. */
  | { type: 'compiled'; name: string; ok: boolean; diagnostics: BuildDiagnostic[]; buildMs: number }
  | { type: 'uart-out'; bytes: Uint8Array }
  /** slowdown: the slow-motion factor in force (1 or absent: real time or fast-forward). */
  | { type: 'status'; state: RunState; stop: StopReason | null; speed: SpeedMode; idle: boolean; slowdown?: number }
  | { type: 'registers'; registers: RegisterSnapshot }
  | { type: 'trace'; events: TraceEvent[]; dropped: number }
  /** The stopwatch as the Device and Host panes show it: sent on every stop and, while running, after a slice that changed it. */
  | { type: 'device-view'; view: DeviceView }
  /** Guest errors the stopwatch logged and ignored (on_error=log) since the last batch,
   * oldest first; `more`: how many others there were, left out so an erring loop cannot flood the page. */
  | { type: 'guest-errors'; messages: string[]; more: number }
  /** Something the machine tells the student that stops nothing (the first FP instruction on this FPU-less hart). */
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string }
  /** The guest reached its shell prompt (after boot-guest or reset). */
  | { type: 'guest-booted' }
  /** A driver build finished. ok: it compiled; loaded: the module is now in the guest.
   * message: one sentence for the student on what happened and what to do. */
  | { type: 'driver-built'; module: string; ok: boolean; loaded: boolean; diagnostics: BuildDiagnostic[]; buildMs: number; message: string }
  /** Which lines of `file` got a breakpoint (a line with no code moves to the next that has some). */
  | { type: 'breakpoints-resolved'; file: string; lines: number[] }
  /** Where the stopped hart is in C (null: in no code with line information). */
  | { type: 'source-location'; location: SourceLocation | null }
  /** The arguments and locals of the C function the hart stopped in (null: running, or in code without variable info). */
  | { type: 'frame'; frame: FrameView | null }
  /** The answer to 'locate': the C line at `pc` (null: no line information there) and the instructions around it. */
  | { type: 'located'; pc: number; location: SourceLocation | null; code: CodeLine[] }
  /** The answer to 'export-dtb': the flattened device tree the guest was given, and its source text. */
  | { type: 'dtb'; dtb: Uint8Array; dts: string };

/** Which buffers to transfer along with a message (postMessage's transfer list). */
export function transferablesOf(message: MachineCommand | MachineEvent): ArrayBuffer[] {
  switch (message.type) {
    case 'load-elf':
      return [message.image];
    case 'uart-in':
    case 'uart-out':
      return ownsWholeBuffer(message.bytes) ? [message.bytes.buffer as ArrayBuffer] : [];
    case 'dtb':
      return ownsWholeBuffer(message.dtb) ? [message.dtb.buffer as ArrayBuffer] : [];
    default:
      return [];
  }
}

/** Transferring detaches the whole buffer, so only a view that covers all of it may go. */
function ownsWholeBuffer(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
