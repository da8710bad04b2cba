// How often the worker sends the page its trace: at most one batch per frame.
// The machine's own ring keeps the events in between (65,536 of them, over
// half a second of the worst interrupt storm), so holding them back costs
// nothing but latency, and a page that gets one message per frame does one
// ring update and one redraw per frame however busy the guest is.

/** A frame at 60 Hz, rounded down: never more than one batch per frame. */
export const TRACE_BATCH_MS = 16;

export class TraceBatchClock {
  private lastSentMs = -Infinity;

  /** Whether a batch may go now (a stop or a command may send one early: `force`). */
  due(nowMs: number, force = false): boolean {
    return force || nowMs - this.lastSentMs >= TRACE_BATCH_MS;
  }

  sent(nowMs: number): void {
    this.lastSentMs = nowMs;
  }

  /** How long until the next batch may go (0: now). */
  waitMs(nowMs: number): number {
    return Math.max(0, TRACE_BATCH_MS - (nowMs - this.lastSentMs));
  }
}
