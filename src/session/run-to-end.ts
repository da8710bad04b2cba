// A session run from start to finish in fast-forward, for a caller with no
// user at a Pause button (the `paravirt run-elf` command): slice after slice
// through Session.runSlice, the one run loop the worker uses too, until the
// guest powers off, a device error or a breakpoint stops it, the instruction
// limit is reached, or the idle hart can never wake up.

import type { WatchHit } from '../protocol/watchpoints.ts';
import type { Session } from './session.ts';

/** Why a run to the end ended; `insns` is the instructions retired in it. */
export type RunEnd = { insns: number } & (
  | { reason: 'poweroff'; exitCode: number }
  | { reason: 'device-error'; device: string; message: string }
  | { reason: 'breakpoint'; pc: number }
  | { reason: 'watchpoint'; hit: WatchHit }
  /** The instruction limit was reached first. */
  | { reason: 'limit' }
  /** The hart waits in wfi with no timer armed, and no input will come. */
  | { reason: 'stuck' }
  /** The host said stop (its reader went away, the user quit). */
  | { reason: 'stopped' }
);

/** What the caller does between slices. Each returns false to stop the run. */
export interface RunHost {
  /** After every slice, first: take what it produced (UART output, trace, guest errors). */
  afterSlice(): boolean | Promise<boolean>;
  /** Before the next slice: let pending input through (e.g. one turn of the event loop). */
  beforeSlice?(): boolean | Promise<boolean>;
  /** The hart idles with no timer armed: resolve true once input has gone to
   * the session (sendUartInput), false if none will come. */
  waitForInput?(): Promise<boolean>;
}

export interface RunLimits {
  /** Stop after this many instructions (default: no limit). */
  maxInsns?: number;
  /** Instructions per slice, between two calls to the host. */
  sliceInsns?: number;
}

const DEFAULT_SLICE_INSNS = 4_000_000;

/** Runs the loaded program (paused, as after loadElf or reset) in fast-forward until it ends. */
export async function runToEnd(session: Session, host: RunHost, limits: RunLimits = {}): Promise<RunEnd> {
  const maxInsns = limits.maxInsns ?? Infinity;
  const sliceInsns = limits.sliceInsns ?? DEFAULT_SLICE_INSNS;
  session.setSpeed('fast', 0);
  session.start(0);
  let insns = 0;
  for (;;) {
    const slice = session.runSlice(Math.min(sliceInsns, maxInsns - insns), 0);
    insns += slice.insns;
    if (!(await host.afterSlice())) return { reason: 'stopped', insns };
    const stop = session.stop;
    if (stop && stop.reason !== 'pause' && stop.reason !== 'step' && stop.reason !== 'source-step' && stop.reason !== 'event') return { ...stop, insns };
    if (session.state !== 'running') return { reason: 'stopped', insns }; // paused meanwhile
    if (slice.waitMs === Infinity) {
      if (!(await host.waitForInput?.())) return { reason: 'stuck', insns };
    } else if (insns >= maxInsns) {
      return { reason: 'limit', insns };
    }
    if (host.beforeSlice && !(await host.beforeSlice())) return { reason: 'stopped', insns };
  }
}
