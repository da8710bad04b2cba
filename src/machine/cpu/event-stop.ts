// Run to the next event: the next VM exit, the next IRQ, or the next event of
// a trace lane. Nothing is tested per instruction. A VM exit is always a
// device-register access, which takes the CPU's slow path anyway: there the
// hart stops before it (Watchpoints.holdNextExit), at the trapping
// instruction, with the device model's callback still to come. Every other
// target is a trace event: the tracer tells us of each event as it is
// recorded, and the first that matches ends the run after the current
// instruction. For an IRQ that is the moment the line rises; the hart stops
// before it takes the interrupt, so the stop shows the line high, the PLIC
// pending and the guest where it was, and Step enters the handler.

import type { EventStopAt } from '../../protocol/stop-reason.ts';
import { isEventStepTarget, type EventStepTarget } from '../../protocol/trace-lanes.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import type { Tracer } from '../trace/tracer.ts';
import type { Cpu } from './cpu.ts';

export class EventStop {
  /** What the run waits for (null: nothing armed). */
  private armed: EventStepTarget | null = null;
  private seen: TraceEvent | null = null;
  /** Tracing was off and was turned on only to see the events. */
  private tracingForUs = false;

  constructor(private readonly cpu: Cpu, private readonly tracer: Tracer) {}

  get target(): EventStepTarget | null {
    return this.armed;
  }

  /** Waits for the next `target` from here on (replacing any other). */
  arm(target: EventStepTarget): void {
    this.disarm();
    this.armed = target;
    if (target === 'exit') {
      this.cpu.watchpoints.holdNextExit = true;
      return;
    }
    if (!this.tracer.enabled) {
      this.tracer.enabled = true;
      this.tracingForUs = true;
    }
    this.tracer.watcher = (event) => this.noticed(event);
  }

  /** Stops waiting (Pause, another stop, reset); a stop already reached is forgotten. */
  disarm(): void {
    this.armed = null;
    this.seen = null;
    this.cpu.watchpoints.holdNextExit = false;
    this.cpu.watchpoints.exitHit = null;
    this.stopWatching();
  }

  /** The target was reached: the board ends its run and the host takes the stop. */
  get reached(): boolean {
    return this.seen !== null || this.cpu.watchpoints.exitHit !== null;
  }

  /** Where the run stopped, once; the target is then disarmed. */
  take(): { target: EventStepTarget; at: EventStopAt } | null {
    const target = this.armed;
    const exitHit = this.cpu.watchpoints.exitHit;
    const at: EventStopAt | null = exitHit ? { kind: 'exit', hit: exitHit } : this.seen ? { kind: 'event', event: this.seen } : null;
    if (!at || !target) return null;
    this.disarm();
    return { target, at };
  }

  private noticed(event: TraceEvent): void {
    if (this.armed === null || this.seen !== null || !isEventStepTarget(this.armed, event)) return;
    this.seen = event;
    this.stopWatching();
    this.cpu.exitBeforeInterrupts = true;
    this.cpu.requestExit();
  }

  private stopWatching(): void {
    this.tracer.watcher = null;
    if (this.tracingForUs) this.tracer.enabled = false;
    this.tracingForUs = false;
  }
}
