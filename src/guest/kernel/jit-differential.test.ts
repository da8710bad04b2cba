// The translating CPU must not change what the guest does: the boot, the
// default driver and the article's script, run with the translator on and
// off, give the same shell output, the same kernel log and the same trace,
// event for event (virtual time, pc, value).
import { describe, expect, it, vi } from 'vitest';
import { guestDriver } from '../../../tests/support/guest-modules.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { GuestSystem } from '../system.ts';


const stopwatchModule = () => guestDriver('stopwatch/stopwatch.c');

async function runArticleScript(jit: boolean) {
  const out = { stdout: '', console: '', trace: [] as TraceEvent[], dropped: 0 };
  const dec = new TextDecoder();
  const sys: GuestSystem = new GuestSystem({
    jit, modules: [stopwatchModule()],
    stdout: (b) => { out.stdout += dec.decode(b); }, console: (l) => { out.console += l; },
    onSlices: () => { out.trace.push(...sys.board.tracer.drain()); out.dropped = sys.board.tracer.dropped; },
  });
  sys.board.tracer.enabled = true;
  await sys.boot();
  const status = await sys.execute('sh /guest_fs/stopwatch_test.sh; cat /proc/interrupts');
  out.trace.push(...sys.board.tracer.drain());
  return { status, ...out, instret: sys.board.cpu.instret };
}

describe('the guest with the translator on and off', () => {
  it('boots and runs the article script to the same output, log and trace', async () => {
    const off = await runArticleScript(false);
    const on = await runArticleScript(true);
    expect(off.stdout).toContain('2) after 5s: 5.00 seconds');
    expect(off.trace.length).toBeGreaterThan(100);
    expect(on.status).toBe(off.status);
    expect(on.stdout).toBe(off.stdout);
    expect(on.console).toBe(off.console);
    expect(on.dropped).toBe(off.dropped);
    expect(on.instret).toBe(off.instret);
    expect(on.trace).toEqual(off.trace);
  });

  it('gives the same trace on a host so slow that every slice takes 50 ms of wall time', async () => {
    // A loaded machine (CI on two shared cores) must not move the kernel's
    // events in virtual time: where the host's side of the kernel runs is
    // counted in guest instructions, never in milliseconds.
    const fast = await runArticleScript(true);
    let wall = Date.now();
    const slowClock = vi.spyOn(Date, 'now').mockImplementation(() => (wall += 50));
    try {
      const slow = await runArticleScript(true);
      expect(slow.stdout).toBe(fast.stdout);
      expect(slow.instret).toBe(fast.instret);
      expect(slow.trace).toEqual(fast.trace);
    } finally {
      slowClock.mockRestore();
    }
  });
});
