// The page's copy of the machine's trace: the worker sends its events in
// batches (one per slice), and they land here, outside React and the store,
// because a storm is tens of thousands of events a second. The buffer is a
// bounded ring: the oldest events go first, and it counts them, so a ten-minute
// storm costs the page a fixed amount of memory and the views can say how much
// they no longer hold. Views subscribe and are told at most once per frame.

import { EventRing } from '../../protocol/event-ring.ts';
import { indexOfSeq } from '../../protocol/seq-search.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';

/** Events the page keeps: enough for minutes of a busy guest, a few tens of MB at most. */
export const TRACE_CAPACITY = 200_000;

export type TraceListener = () => void;

export class TraceBuffer {
  private readonly ring: EventRing<TraceEvent>;
  /** Events the worker's own ring dropped before sending (its running total). */
  private workerDropped = 0;
  /** Goes up with every change: a view redraws when it differs from the one it drew. */
  version = 0;
  private readonly listeners = new Set<TraceListener>();
  private notifyScheduled = false;

  constructor(readonly capacity = TRACE_CAPACITY, private readonly schedule: (run: () => void) => void = defaultSchedule) {
    this.ring = new EventRing(capacity);
  }

  /** Adds a batch from the worker; `workerDropped` is the worker's running count of dropped events. */
  push(events: readonly TraceEvent[], workerDropped: number): void {
    this.workerDropped = workerDropped;
    for (const event of events) this.ring.push(event);
    this.changed();
  }

  /** The machine started again (reset, a new program, a reboot): its trace starts over. */
  clear(): void {
    this.ring.clear();
    this.workerDropped = 0;
    this.changed();
  }

  /** How many events the buffer holds. */
  get size(): number {
    return this.ring.size;
  }

  /** Events lost so far: dropped by the worker's ring, or pushed out of this one. */
  get dropped(): number {
    return this.workerDropped + this.ring.dropped;
  }

  /** The i-th event held, oldest first (0 ≤ i < size). */
  at(i: number): TraceEvent {
    return this.ring.at(i);
  }

  /** The newest event, if any. */
  latest(): TraceEvent | undefined {
    return this.size === 0 ? undefined : this.at(this.size - 1);
  }

  /** Index of the event with this sequence number, or -1 if it is not (or no longer) held. */
  indexOfSeq(seq: number): number {
    return indexOfSeq(this, seq);
  }

  /** Calls `listener` after changes, at most once per frame. Returns how to stop. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    this.schedule(() => {
      this.notifyScheduled = false;
      for (const l of this.listeners) l();
    });
  }
}

function defaultSchedule(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run());
  else setTimeout(run, 16);
}
