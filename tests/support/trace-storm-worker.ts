// The worker's side of the trace-storm benchmark (scripts/bench/trace-page-bench.ts), in Node: the
// guest as the page's worker runs it (GuestHost, the same code), the
// never-ACK example inserted at boot, `stopwatch_ctrl.sh timeout 1`, and the
// storm timed from the moment the timeout fires to the kernel's "Disabling
// IRQ" line. Run once with tracing on and once with it off, it tells what the
// trace costs the worker: how many interrupts (and so events) a second it
// manages in each mode, and how many trace messages it sends a second.
// The worker's modules take their files from Vite (import.meta.glob), so the
// page benchmark loads this file through Vite's module loader, and it lives
// with the tests, whose TypeScript settings know Vite's import.meta.

import type { MachineEvent } from '../../src/protocol/messages.ts';
import { exampleCatalog } from '../../src/worker/examples.ts';
import { GUEST_HEADERS } from '../../src/worker/guest-files.ts';
import { GuestHost } from '../../src/worker/guest-host.ts';

/** The kernel's storm guard gives up after this many interrupts (src/guest/kernel/services/irq-storm.ts). */
const STORM_INTERRUPTS = 10_001;

export interface WorkerStorm {
  traced: boolean;
  /** Wall time from the timeout firing to the kernel disabling the line. */
  stormMs: number;
  interruptsPerS: number;
  events: number;
  eventsPerS: number;
  /** Trace messages sent while the storm lasted (the first may go at once, then one per 16 ms at most). */
  batches: number;
}

function neverAckDriver() {
  const e = exampleCatalog().find((x) => x.id === 'stopwatch-noack');
  if (!e) throw new Error('the example stopwatch-noack is missing from src/worker/examples.ts');
  return { module: e.name, main: e.main, files: e.files };
}

export async function workerStorm(traced: boolean): Promise<WorkerStorm> {
  let screen = '';
  let stormStart = NaN;
  let events = 0;
  let batches = 0;
  const decoder = new TextDecoder();
  const host: GuestHost = new GuestHost({
    post: (event: MachineEvent) => {
      if (event.type === 'uart-out') {
        screen += decoder.decode(event.bytes, { stream: true });
        queueMicrotask(() => host.handle({ type: 'uart-ack', bytes: event.bytes.length }));
      } else if (event.type === 'trace' && !Number.isNaN(stormStart)) {
        events += event.events.length;
        if (!screen.includes('Disabling IRQ #3')) batches++;
      }
    },
  }, { headers: GUEST_HEADERS, defaultDriver: neverAckDriver() });
  const until = async (done: () => boolean, what: string): Promise<void> => {
    for (const t0 = Date.now(); !done();) {
      if (Date.now() - t0 > 120_000) throw new Error(`the worker benchmark timed out waiting for ${what}; the terminal shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  try {
    host.handle({ type: 'set-trace', enabled: traced });
    host.handle({ type: 'boot-guest', driver: null });
    await until(() => screen.endsWith('/ # '), 'the shell prompt');
    const sys = host.system!;
    const firesAtNs = sys.board.clock.nowNs() + 1e9;
    // The storm starts when virtual time reaches the timeout's deadline.
    const runSlice = sys.runSlice.bind(sys);
    sys.runSlice = (n) => {
      const r = runSlice(n);
      if (Number.isNaN(stormStart) && sys.board.clock.nowNs() >= firesAtNs) stormStart = performance.now();
      return r;
    };
    host.handle({ type: 'uart-in', bytes: new TextEncoder().encode('/guest_fs/stopwatch_ctrl.sh timeout 1\r') });
    await until(() => screen.includes('Disabling IRQ #3'), 'the storm report');
    const stormMs = performance.now() - stormStart;
    await new Promise((r) => setTimeout(r, 50)); // the last batch
    return {
      traced, stormMs, interruptsPerS: STORM_INTERRUPTS / (stormMs / 1000),
      events, eventsPerS: events / (stormMs / 1000), batches,
    };
  } finally {
    host.dispose();
  }
}
