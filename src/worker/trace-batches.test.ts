// The worker sends the page at most one trace batch per frame: the clock's
// rule, then the guest in the worker under the interrupt storm of the
// never-ACK example, where the loop turns once per interrupt (thousands of
// turns a second) yet the batches stay a frame apart and lose nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineEvent } from '../protocol/messages.ts';
import { exampleCatalog } from './examples.ts';
import { GUEST_HEADERS } from './guest-files.ts';
import { GuestHost } from './guest-host.ts';
import { TRACE_BATCH_MS, TraceBatchClock } from './trace-batches.ts';

describe('TraceBatchClock', () => {
  it('lets the first batch go at once, then one per TRACE_BATCH_MS unless forced', () => {
    const clock = new TraceBatchClock();
    expect(clock.due(1000)).toBe(true);
    clock.sent(1000);
    expect(clock.due(1000 + TRACE_BATCH_MS - 1)).toBe(false);
    expect(clock.waitMs(1000 + 4)).toBe(TRACE_BATCH_MS - 4);
    expect(clock.due(1000 + TRACE_BATCH_MS - 1, true)).toBe(true);
    expect(clock.due(1000 + TRACE_BATCH_MS)).toBe(true);
    expect(clock.waitMs(1000 + TRACE_BATCH_MS + 5)).toBe(0);
  });
});

let host: GuestHost | null = null;
afterEach(() => {
  host?.dispose();
  host = null;
});

describe('the guest under an interrupt storm (the never-ACK example)', () => {
  it('sends the trace a frame apart, with every event in order, and the kernel disables the line', async () => {
    const example = exampleCatalog().find((e) => e.id === 'stopwatch-noack')!;
    // The host's own clock, and the reading it made last: the time it decided to send.
    let lastReading = 0;
    const nowMs = () => (lastReading = performance.now());
    const batches: { at: number; events: number; firstSeq: number; lastSeq: number; storming: boolean }[] = [];
    let screen = '';
    const decoder = new TextDecoder();
    const g: GuestHost = new GuestHost({
      post: (event: MachineEvent) => {
        if (event.type === 'uart-out') {
          screen += decoder.decode(event.bytes, { stream: true });
          queueMicrotask(() => g.handle({ type: 'uart-ack', bytes: event.bytes.length }));
        }
        if (event.type === 'trace') {
          batches.push({ at: lastReading, events: event.events.length, firstSeq: event.events[0].seq, lastSeq: event.events.at(-1)!.seq, storming: !screen.includes('Disabling IRQ') });
        }
      },
    }, { headers: GUEST_HEADERS, defaultDriver: { module: example.name, main: example.main, files: example.files }, nowMs });
    host = g;
    const until = async (done: () => boolean, what: string): Promise<void> => {
      for (const t0 = Date.now(); !done();) {
        if (Date.now() - t0 > 120_000) throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    g.handle({ type: 'set-trace', enabled: true });
    g.handle({ type: 'boot-guest', driver: null });
    await until(() => screen.endsWith('/ # '), 'the first prompt');
    expect(screen).toContain('stopwatch (never ACKs its interrupt) ready: irq 3');

    const from = batches.length;
    g.handle({ type: 'uart-in', bytes: new TextEncoder().encode('/guest_fs/stopwatch_ctrl.sh timeout 1\r') });
    await until(() => /the line stays off until its driver frees it[^\n]*\n/.test(screen), 'the storm report');
    // The kernel's lines, in order (the terminal redraws the prompt between them).
    expect(screen).toMatch(/irq 3: interrupt storm: 10001 interrupts in \d+ ms;[\s\S]*handlers:[\s\S]*stopwatch_timeout_irq \[stopwatch\][\s\S]*Disabling IRQ #3/);
    const before = screen.length;
    g.handle({ type: 'uart-in', bytes: new TextEncoder().encode('grep stopwatch /proc/interrupts\r') });
    await until(() => screen.length > before && screen.endsWith('/ # '), 'the prompt after grep');
    expect(screen.slice(before)).toMatch(/ 3:\s+10001\s+SiFive PLIC\s+64 \w+\s+stopwatch timeout/);

    // The last events of the storm may still wait for their frame: they go without another command.
    await until(() => g.system!.board.tracer.buffered === 0, 'the held-back events to be sent');
    const storm = batches.slice(from);
    const events = storm.reduce((n, b) => n + b.events, 0);
    expect(events).toBeGreaterThan(9 * 10_000); // claim, complete, pending, two exits and their entries, per interrupt
    for (let i = 1; i < storm.length; i++) {
      // While the storm runs, a frame apart (once the guest rests at its prompt, what is left goes at once).
      if (storm[i].storming) expect(storm[i].at - storm[i - 1].at).toBeGreaterThanOrEqual(TRACE_BATCH_MS);
      expect(storm[i].firstSeq).toBe(storm[i - 1].lastSeq + 1); // nothing lost between batches
    }
    expect(storm.length).toBeLessThan(events / 100); // not one message per interrupt
  }, 180_000);
});
