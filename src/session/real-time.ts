// Real-time pacing: virtual time follows the wall clock. The hart runs as fast
// as it can but never more than one slice of virtual time ahead of the wall
// clock, and an idle hart (wfi) waits for the wall clock instead of jumping
// straight to its next deadline as fast-forward does.
//
// Slow motion is the same pacing with the wall clock divided: at a slowdown of
// N, one wall millisecond is worth 1/N ms of virtual time, so a 10 Hz timer
// ticks once every N/10 s and a student can watch each interrupt arrive. The
// allowances (how far ahead, how far behind) shrink by the same factor, so a
// burst of instructions still takes about one wall slice, not N of them.

import type { SessionBoard } from './session-board.ts';

/** How far virtual time may run ahead of the wall clock: one slice. */
export const SLICE_NS = 10_000_000;
/** A CPU-bound guest slower than real time lags at most this far behind;
 * older lag is forgiven, so a later wfi does not rush through its timers. */
export const MAX_LAG_NS = 50_000_000;
/** Longest single wait, so the pacing re-checks the clock now and then. */
const MAX_WAIT_MS = 100;

type PacedBoard = Pick<SessionBoard, 'clock' | 'config' | 'idleUntil'>;

/** The largest slow-motion factor: beyond it a guest barely moves at all. */
export const MAX_SLOWDOWN = 10_000;

/** A slowdown the pacer can use: a whole number from 1 (real time) to MAX_SLOWDOWN. */
export function clampSlowdown(slowdown: number | undefined): number {
  if (slowdown === undefined || !Number.isFinite(slowdown)) return 1;
  return Math.min(MAX_SLOWDOWN, Math.max(1, Math.round(slowdown)));
}

export class RealTimePacer {
  private wallMs = 0;
  private virtNs = 0;
  private wakeAtNs = Infinity;
  /** Wall time per virtual time: 1 is real time, N is N times slower. */
  private slowdown = 1;

  /** Slow motion: virtual time runs `slowdown` times slower than the wall clock (1: real time).
   * Call anchor() after it, so the change applies from now on and not to the time already past. */
  setSlowdown(slowdown: number): void {
    this.slowdown = clampSlowdown(slowdown);
  }

  /** Virtual time `virtNs` corresponds to wall time `wallMs` from now on. */
  anchor(wallMs: number, virtNs: number): void {
    this.wallMs = wallMs;
    this.virtNs = virtNs;
    this.wakeAtNs = Infinity;
  }

  /** How many instructions the next slice may run, or how long to wait first. */
  plan(board: PacedBoard, maxInsns: number, wallNowMs: number): { insns: number; waitMs: number } {
    const now = board.clock.nowNs();
    const slice = SLICE_NS / this.slowdown;
    const maxLag = MAX_LAG_NS / this.slowdown;
    let target = this.wallVirtNs(wallNowMs);
    if (target - now > maxLag) {
      this.anchor(wallNowMs, now + maxLag);
      target = now + maxLag;
    }
    const ahead = now - target;
    if (ahead > slice) return { insns: 0, waitMs: this.wallWaitMs(ahead - slice) };
    const insns = Math.ceil((target + slice - now) / board.config.nsPerInsn);
    return { insns: Math.max(1, Math.min(maxInsns, insns)), waitMs: 0 };
  }

  /** The hart went idle until `wakeAtNs`: let virtual time follow the wall
   * clock up to there; returns how long to wait before running again. */
  sleep(board: PacedBoard, wakeAtNs: number, wallNowMs: number): number {
    this.wakeAtNs = wakeAtNs;
    const target = this.wallVirtNs(wallNowMs);
    const to = Math.min(wakeAtNs, target);
    if (to > board.clock.nowNs()) board.idleUntil(to);
    if (wakeAtNs <= target) return 0;
    if (wakeAtNs === Infinity) return Infinity;
    return this.wallWaitMs(wakeAtNs - target);
  }

  /** Something woke the idle hart early (input): bring virtual time to now. */
  catchUp(board: PacedBoard, wallNowMs: number): void {
    const to = Math.min(this.wakeAtNs, this.wallVirtNs(wallNowMs));
    if (to > board.clock.nowNs()) board.idleUntil(to);
  }

  private wallVirtNs(wallNowMs: number): number {
    return this.virtNs + ((wallNowMs - this.wallMs) * 1e6) / this.slowdown;
  }

  /** The wall time `virtNs` of virtual time takes at this speed, bounded to re-check the clock. */
  private wallWaitMs(virtNs: number): number {
    return Math.min(MAX_WAIT_MS, Math.max(1, (virtNs * this.slowdown) / 1e6));
  }
}
