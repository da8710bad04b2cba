// The trace of a `paravirt run-elf` run for --trace and --vcd: drained from
// the session every slice into a bounded list, written out at the end.

import { writeFileSync } from 'node:fs';
import { toChromeTraceJson } from '../../protocol/export/chrome-trace.ts';
import { toVcd } from '../../protocol/export/vcd.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { cannotWriteReason } from '../write-error.ts';

/** At most this many trace events are kept; later ones are counted as dropped. */
const MAX_TRACE_EVENTS = 2_000_000;

/** What the collector needs of a machine: a Session, or the guest system's board. */
export interface TraceSource {
  setTrace(enabled: boolean): void;
  drainTrace(): { events: TraceEvent[]; dropped: number };
}

export class TraceCollector {
  private events: TraceEvent[] = [];
  private dropped = 0;
  /** Events the session's tracer itself dropped (its ring overflowed between drains). */
  private tracerDropped = 0;

  constructor(private readonly session: TraceSource) {
    session.setTrace(true);
  }

  collect(): void {
    const batch = this.session.drainTrace();
    this.tracerDropped = batch.dropped;
    const room = MAX_TRACE_EVENTS - this.events.length;
    for (let i = 0; i < Math.min(room, batch.events.length); i++) this.events.push(batch.events[i]);
    this.dropped += Math.max(0, batch.events.length - room);
  }

  write(out: { trace?: string; vcd?: string }): void {
    this.collect();
    if (out.trace) writeTrace(out.trace, () => toChromeTraceJson(this.events, { dropped: this.dropped + this.tracerDropped }));
    if (out.vcd) writeTrace(out.vcd, () => toVcd(this.events));
  }
}

function writeTrace(path: string, render: () => string): void {
  try {
    writeFileSync(path, render());
  } catch (e) {
    console.error(`paravirt run-elf: cannot write the trace to ${path}: ${cannotWriteReason(e)}.`);
  }
}
