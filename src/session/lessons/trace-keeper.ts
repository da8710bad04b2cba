// The part of a graded run's trace that a lesson's check can see. A run of a
// few commands emits hundreds of thousands of events (an interrupt storm
// millions), most of which no rule mentions; keeping them all would cost
// memory for nothing. The keeper keeps, in order, exactly the events that can
// change a verdict: those matching a pattern of some rule, and, when a rule
// measures a window, every VM exit and pass-through access (the window's
// figures count them all). The check then gives the same result on the kept
// events as on the whole trace. Past `maxEvents` kept events it stops keeping
// and says so: the verdict is then read on the first part of the run only.

import { compilePattern } from '../../protocol/lessons/check.ts';
import type { CheckRule, EventPattern } from '../../protocol/lessons/lesson.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';

/** Every event pattern a rule looks at. */
function patternsOf(rule: CheckRule): EventPattern[] {
  switch (rule.kind) {
    case 'event': return [rule.match];
    case 'sequence': return rule.steps;
    case 'window': return [rule.from, rule.to, ...rule.expect.map((x) => x.match)];
    case 'stepped-over': return [rule.match];
    case 'device': return [];
  }
}

export const DEFAULT_MAX_KEPT_EVENTS = 1_000_000;

export class TraceKeeper {
  private readonly events: TraceEvent[] = [];
  /** Recorded, not yet filtered: a kcall's `ret` is written into its event after the
   * event is recorded (when the service returns, later in the same slice), so an
   * event is judged only once the slice that recorded it has ended (`settle`). */
  private pending: TraceEvent[] = [];
  private readonly wanted: ((e: TraceEvent) => boolean)[];
  private readonly figures: boolean;
  /** Events seen (kept or not). */
  seen = 0;
  /** Events that matched but were not kept because `maxEvents` was reached. */
  cut = 0;

  constructor(rules: readonly CheckRule[], readonly maxEvents = DEFAULT_MAX_KEPT_EVENTS) {
    this.wanted = rules.flatMap(patternsOf).map(compilePattern);
    this.figures = rules.some((r) => r.kind === 'window');
  }

  /** Whether a rule can be moved by this event. */
  private needed(e: TraceEvent): boolean {
    if (this.figures && (e.kind === 'vm-exit' || (e.kind === 'mmio' && e.access === 'passthrough'))) return true;
    for (const w of this.wanted) if (w(e)) return true;
    return false;
  }

  /** Takes one event as the machine records it (it is judged at the next `settle`). */
  record(e: TraceEvent): void {
    this.pending.push(e);
  }

  /** Judges the events recorded so far: call it between slices, when every event is complete. */
  settle(): void {
    for (const e of this.pending) this.offer(e);
    this.pending = [];
  }

  /** Judges one complete event now. */
  offer(e: TraceEvent): void {
    this.seen++;
    if (!this.needed(e)) return;
    if (this.events.length >= this.maxEvents) this.cut++;
    else this.events.push(e);
  }

  /** The kept events, oldest first (those recorded since the last `settle` are judged first). */
  get trace(): readonly TraceEvent[] {
    this.settle();
    return this.events;
  }
}
