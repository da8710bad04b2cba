// Why the machine stopped, as the worker reports it and the UI explains it to
// a student. The board's RunStop plus the stops a session adds (a user's
// Pause, the end of a Step); a guest-requested reset is no stop: the board
// reboots and runs on, as QEMU does without -no-reboot.

import { describeEventStepTarget, LANE_NAMES, type EventStepTarget } from './trace-lanes.ts';
import { describeTraceEvent } from './trace-text.ts';
import type { TraceEvent } from './trace-events.ts';
import { describeWatchHit, describeWatchpoint, type AccessHit, type WatchHit } from './watchpoints.ts';

/** Where a run to the next event stopped: before a VM exit (the access not yet made),
 * or at a traced event (an IRQ line rising, an event of a lane). */
export type EventStopAt =
  | { kind: 'exit'; hit: AccessHit }
  | { kind: 'event'; event: TraceEvent };

export type StopReason =
  | { reason: 'pause' }                                    // the user pressed Pause
  | { reason: 'step'; count: number; waiting: boolean }    // a Step ran `count` instructions; waiting: the hart sleeps in wfi
  | { reason: 'breakpoint'; pc: number }
  | { reason: 'watchpoint'; hit: WatchHit }
  /** A run to the next exit, IRQ or lane event reached it. */
  | { reason: 'event'; target: EventStepTarget; at: EventStopAt }
  /** A step by C line (line, into, out, run to a line) ended; message: where, in words. */
  | { reason: 'source-step'; pc: number; message: string }
  | { reason: 'poweroff'; exitCode: number }
  | { reason: 'device-error'; device: string; message: string };

/** One sentence for the status line. */
export function describeStop(stop: StopReason): string {
  switch (stop.reason) {
    case 'pause':
      return 'Paused.';
    case 'step':
      return describeStep(stop.count, stop.waiting);
    case 'breakpoint':
      return `Stopped at the breakpoint at pc 0x${(stop.pc >>> 0).toString(16).padStart(8, '0')}.`;
    case 'watchpoint':
      return stop.hit.when === 'before'
        ? `Stopped by ${describeWatchpoint(stop.hit.watchpoint)} before the VM exit: ${describeWatchHit(stop.hit)}. ${RESUME_ONCE}`
        : `Stopped by the watchpoint at 0x${(stop.hit.watchpoint.addr >>> 0).toString(16)}: ${describeWatchHit(stop.hit)}.`;
    case 'event':
      return describeEventStop(stop.target, stop.at);
    case 'source-step':
      return stop.message;
    case 'poweroff':
      return stop.exitCode === 0
        ? 'The guest powered the machine off (exit status 0). Press Reset to boot it again.'
        : `The guest powered the machine off with exit status ${stop.exitCode}. Press Reset to boot it again.`;
    case 'device-error':
      return `Device error in ${stop.device}: ${deviceMessage(stop.device, stop.message)}. The machine stopped; press Reset to boot it again.`;
  }
}

const RESUME_ONCE = 'Run or Step makes the access once.';

function describeEventStop(target: EventStepTarget, at: EventStopAt): string {
  if (at.kind === 'exit') return `Stopped at the next VM exit: ${describeWatchHit(at.hit)}. ${RESUME_ONCE}`;
  const e = at.event;
  const when = `at ${formatMs(e.timeNs)}`;
  if (target === 'irq' && e.kind === 'irq-line') {
    return `Stopped at the next IRQ: the ${e.line} line${e.source === undefined ? '' : ` (source ${e.source})`} rose ${when}. `
      + 'The hart has not taken the interrupt yet: Step enters the trap handler once the guest has interrupts enabled.';
  }
  const lane = typeof target === 'object' ? `in the ${LANE_NAMES[target.lane]} lane` : describeEventStepTarget(target);
  return `Stopped at the next event ${lane}: ${describeTraceEvent(e)} ${when}.`;
}

/** Virtual time for a stop: "12.345678 ms". */
function formatMs(ns: number): string {
  return `${(ns / 1e6).toFixed(6)} ms`;
}

function describeStep(count: number, waiting: boolean): string {
  const stepped = `Stepped ${count} instruction${count === 1 ? '' : 's'}.`;
  if (!waiting) return stepped;
  const why = 'the hart sleeps in wfi until an interrupt is pending (type a key, or wait for a timer with Run)';
  return count === 0 ? `Nothing to step: ${why}.` : `${stepped} Now ${why}.`;
}

/** The device's own words, without a repeated "device: " prefix or a final period. */
function deviceMessage(device: string, message: string): string {
  const own = message.startsWith(`${device}: `) ? message.slice(device.length + 2) : message;
  return own.replace(/\.$/, '');
}
