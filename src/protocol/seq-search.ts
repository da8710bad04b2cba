// Searches in a trace held in seq order (the tracer's events, the page's ring,
// an array in a test). One binary search, so that every view finds an event
// by its seq the same way; gaps in seq (events the ring dropped) are fine.

import type { TraceEvent } from './trace-events.ts';

/** Events in seq order, by index: the page's TraceBuffer, or an array (seqSource). */
export interface SeqSource {
  readonly size: number;
  at(i: number): TraceEvent;
}

export function seqSource(events: readonly TraceEvent[]): SeqSource {
  return { size: events.length, at: (i) => events[i]! };
}

/** The first index whose event's seq is above `seq` (size if none). */
export function firstAfterSeq(src: SeqSource, seq: number): number {
  let lo = 0, hi = src.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (src.at(mid).seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the event with this seq, or -1 if it is not (or no longer) held. */
export function indexOfSeq(src: SeqSource, seq: number): number {
  const i = firstAfterSeq(src, seq) - 1;
  return i >= 0 && src.at(i).seq === seq ? i : -1;
}
