// Why the machine stopped, as the worker reports it and the UI explains it to
// a student. The board's RunStop plus the stops a session adds (a user's
// Pause, the end of a Step); a guest-requested reset is no stop: the board
// reboots and runs on, as QEMU does without -no-reboot.

import { describeWatchHit, type WatchHit } from './watchpoints.ts';

export type StopReason =
  | { reason: 'pause' }                                    // the user pressed Pause
  | { reason: 'step'; count: number; waiting: boolean }    // a Step ran `count` instructions; waiting: the hart sleeps in wfi
  | { reason: 'breakpoint'; pc: number }
  | { reason: 'watchpoint'; hit: WatchHit }
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
      return `Stopped by the watchpoint at 0x${(stop.hit.watchpoint.addr >>> 0).toString(16)}: ${describeWatchHit(stop.hit)}.`;
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
