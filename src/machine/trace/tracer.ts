// Where the machine writes its trace events. Off by default: every emitter
// checks `enabled` first, so a machine that is not traced pays one branch.
// Events go into a bounded ring that counts what it drops (a trace never
// grows without bound); the worker and the CLI drain it in batches.

import { EventRing } from '../../protocol/event-ring.ts';
import type { TraceBody, TraceEvent } from '../../protocol/trace-events.ts';

export interface TraceTime {
  nowNs(): number;
}

export class Tracer {
  enabled = false;
  /** Sample every Nth retired instruction when tracing instructions (0 = none). */
  insnSampleEvery = 0;
  private seq = 0;
  private readonly ring: EventRing<TraceEvent>;
  /** Told of every event as it is recorded, while a run to the next event waits for one (else null). */
  watcher: ((event: TraceEvent) => void) | null = null;

  constructor(private readonly time: TraceTime, readonly capacity = 65536) {
    this.ring = new EventRing(capacity);
  }

  /** Events overwritten before anyone drained them. */
  get dropped(): number {
    return this.ring.dropped;
  }

  /** Records `body`, which becomes the event: emitters pass a fresh object
   * literal, and stamping it in place (rather than copying it into a new
   * one) halves the cost of tracing. */
  emit(body: TraceBody, pc?: number): void {
    if (!this.enabled) return;
    const event = body as TraceEvent;
    event.seq = this.seq++;
    event.timeNs = this.time.nowNs();
    if (pc !== undefined) event.pc = pc;
    this.ring.push(event);
    if (this.watcher !== null) this.watcher(event);
  }

  /** Removes and returns every buffered event, oldest first. */
  drain(): TraceEvent[] {
    return this.ring.drain();
  }

  get buffered(): number {
    return this.ring.size;
  }
}
