// The lanes of the trace, top to bottom, as the Trace pane draws them and
// "Next in lane" steps through them: which layer of the system each kind of
// event belongs to. One pure mapping, so the timeline, the event list and the
// machine's run-to-event agree on where an event is.

import type { TraceBody } from './trace-events.ts';

export type TraceLane = 'user' | 'kernel' | 'cpu' | 'bus' | 'device' | 'host' | 'irq';

export const TRACE_LANES: readonly TraceLane[] = ['user', 'kernel', 'cpu', 'bus', 'device', 'host', 'irq'];

/** The lane's name on the page. */
export const LANE_NAMES: Readonly<Record<TraceLane, string>> = {
  user: 'Guest user / shell',
  kernel: 'Guest kernel and driver',
  cpu: 'vCPU traps',
  bus: 'Bus',
  device: 'Device',
  host: 'Host',
  irq: 'IRQ / PLIC',
};

/** The lane's one-word name, for the event list's narrow column and the filter boxes. */
export const LANE_SHORT_NAMES: Readonly<Record<TraceLane, string>> = {
  user: 'shell', kernel: 'kernel', cpu: 'trap', bus: 'bus', device: 'device', host: 'host', irq: 'irq',
};

/**
 * Where an event is drawn. The console's bytes are what user space reads and
 * writes; kernel services and printk are the kernel and its driver; the
 * hart's traps (and its sampled instructions) are the vCPU; every MMIO access
 * is on the bus; the model's timers and fatal errors are the device; a VM
 * exit, its return and the model's log lines are host work (the callback
 * runs outside the guest); interrupt lines and the PLIC are the IRQ lane.
 */
export function laneOf(event: TraceBody): TraceLane {
  switch (event.kind) {
    case 'uart':
      return 'user';
    case 'kcall':
    case 'printk':
      return 'kernel';
    case 'insn':
    case 'trap':
    case 'trap-return':
      return 'cpu';
    case 'mmio':
      return 'bus';
    case 'timer':
    case 'device-error':
      return 'device';
    case 'vm-exit':
    case 'vm-entry':
    case 'device-log':
      return 'host';
    case 'irq-line':
    case 'plic':
      return 'irq';
  }
}

/** What "run to the next event" runs to: a VM exit, an interrupt line rising, or any event of a lane. */
export type EventStepTarget = 'exit' | 'irq' | { lane: TraceLane };

/** Whether a trace event is the one an IRQ or lane target waits for (an exit is caught before it is traced). */
export function isEventStepTarget(target: EventStepTarget, event: TraceBody): boolean {
  if (target === 'exit') return event.kind === 'vm-exit';
  if (target === 'irq') return event.kind === 'irq-line' && event.level === 1;
  return laneOf(event) === target.lane;
}

/** "the next VM exit", "the next IRQ", "the next event in the Bus lane". */
export function describeEventStepTarget(target: EventStepTarget): string {
  if (target === 'exit') return 'the next VM exit';
  if (target === 'irq') return 'the next IRQ';
  return `the next event in the ${LANE_NAMES[target.lane]} lane`;
}
