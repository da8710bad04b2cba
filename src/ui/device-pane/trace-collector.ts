// A pane's own short list of the trace events it shows (the stopwatch's IRQ
// edges, its VM exits, its host log), kept up to date from the page's trace
// ring without walking all of it each frame: each update reads only the
// events that arrived since the last one. Bounded: the oldest go first.

import { useEffect, useState } from 'react';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { machineClient } from '../store/store.ts';
import { throttle, TRACE_VIEW_INTERVAL_MS } from '../trace/throttle.ts';

/** What the collector reads of the page's TraceBuffer. */
export interface TraceSource {
  readonly size: number;
  at(i: number): TraceEvent;
  indexOfSeq(seq: number): number;
  subscribe(listener: () => void): () => void;
}

export class TraceCollector {
  /** The matching events held, oldest first; a new array after each change. */
  events: readonly TraceEvent[] = [];
  private last: TraceEvent | null = null;

  constructor(private readonly match: (e: TraceEvent) => boolean, private readonly limit: number) {}

  /** Takes in what arrived since the last update; true if `events` changed. */
  update(source: TraceSource): boolean {
    const n = source.size;
    let start = 0;
    let list = this.events as TraceEvent[];
    let changed = false;
    if (this.last) {
      const at = source.indexOfSeq(this.last.seq);
      if (at >= 0 && source.at(at) === this.last) start = at + 1; // the same stream: only the new events
      else if (n === 0 || source.at(0).seq <= this.last.seq) {
        // The trace started over (a reset or a reboot): so does the list.
        changed = list.length > 0;
        list = [];
      } // else the ring dropped events we had not read: read all it holds, after what we have
    }
    let fresh: TraceEvent[] | null = null;
    for (let i = start; i < n; i++) {
      const e = source.at(i);
      if (this.match(e)) (fresh ??= []).push(e);
    }
    this.last = n > 0 ? source.at(n - 1) : null;
    if (fresh) {
      list = list.concat(fresh);
      if (list.length > this.limit) list = list.slice(list.length - this.limit);
      changed = true;
    }
    if (changed) this.events = list;
    return changed;
  }
}

/** The matching events of the page's trace, bounded; the component redraws when they changed, at most ten times a second.
 * `match` must be a module-level function (it is captured once). */
export function useTraceEvents(match: (e: TraceEvent) => boolean, limit: number): readonly TraceEvent[] {
  const [collector] = useState(() => new TraceCollector(match, limit));
  const [events, setEvents] = useState(collector.events);
  useEffect(() => {
    const trace = machineClient().trace;
    const take = () => {
      if (collector.update(trace)) setEvents(collector.events);
    };
    take();
    const later = throttle(take, TRACE_VIEW_INTERVAL_MS);
    const unsubscribe = trace.subscribe(later.call);
    return () => { unsubscribe(); later.cancel(); };
  }, [collector]);
  return events;
}
