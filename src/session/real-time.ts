// Real-time pacing: virtual time follows the wall clock. The hart runs as fast
// as it can but never more than one slice of virtual time ahead of the wall
// clock, and an idle hart (wfi) waits for the wall clock instead of jumping
// straight to its next deadline as fast-forward does.

import type { SessionBoard } from './session-board.ts';

/** How far virtual time may run ahead of the wall clock: one slice. */
export const SLICE_NS = 10_000_000;
/** A CPU-bound guest slower than real time lags at most this far behind;
 * older lag is forgiven, so a later wfi does not rush through its timers. */
export const MAX_LAG_NS = 50_000_000;
/** Longest single wait, so the pacing re-checks the clock now and then. */
const MAX_WAIT_MS = 100;

type PacedBoard = Pick<SessionBoard, 'clock' | 'config' | 'idleUntil'>;

export class RealTimePacer {
  private wallMs = 0;
  private virtNs = 0;
  private wakeAtNs = Infinity;

  /** Virtual time `virtNs` corresponds to wall time `wallMs` from now on. */
  anchor(wallMs: number, virtNs: number): void {
    this.wallMs = wallMs;
    this.virtNs = virtNs;
    this.wakeAtNs = Infinity;
  }

  /** How many instructions the next slice may run, or how long to wait first. */
  plan(board: PacedBoard, maxInsns: number, wallNowMs: number): { insns: number; waitMs: number } {
    const now = board.clock.nowNs();
    let target = this.wallVirtNs(wallNowMs);
    if (target - now > MAX_LAG_NS) {
      this.anchor(wallNowMs, now + MAX_LAG_NS);
      target = now + MAX_LAG_NS;
    }
    const ahead = now - target;
    if (ahead > SLICE_NS) return { insns: 0, waitMs: Math.min(MAX_WAIT_MS, Math.max(1, (ahead - SLICE_NS) / 1e6)) };
    const insns = Math.ceil((target + SLICE_NS - now) / board.config.nsPerInsn);
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
    return Math.min(MAX_WAIT_MS, Math.max(1, (wakeAtNs - target) / 1e6));
  }

  /** Something woke the idle hart early (input): bring virtual time to now. */
  catchUp(board: PacedBoard, wallNowMs: number): void {
    const to = Math.min(this.wakeAtNs, this.wallVirtNs(wallNowMs));
    if (to > board.clock.nowNs()) board.idleUntil(to);
  }

  private wallVirtNs(wallNowMs: number): number {
    return this.virtNs + (wallNowMs - this.wallMs) * 1e6;
  }
}
