// The kernel's part of the trace: the driver's calls into the kernel, the
// kernel's calls into the driver, printk lines, and memcpy_fromio's reads of
// the pass-through buffer, each with the pc that leads back to the C line.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { guestDriver } from '../../../tests/support/guest-modules.ts';
import { GuestSystem } from '../system.ts';
import { callSite } from './kernel-trace.ts';

async function tracedGuest() {
  const trace: TraceEvent[] = [];
  const sys = new GuestSystem({ modules: [guestDriver('stopwatch/stopwatch.c')], stdout: () => {}, stderr: () => {}, console: () => {}, guestError: () => {},
    onSlices: () => { trace.push(...sys.board.tracer.drain()); } });
  sys.board.tracer.enabled = true;
  await sys.boot();
  const run = async (cmd: string) => {
    trace.length = 0;
    await sys.execute(cmd);
    trace.push(...sys.board.tracer.drain());
    return [...trace];
  };
  return { sys, run };
}

describe('the kernel in the trace', () => {
  it('shows the probe\'s service calls, the copy out of the shared buffer, and the IRQ handler by name', async () => {
    const { sys, run } = await tracedGuest();
    const shown = await run('sh /guest_fs/stopwatch_ctrl.sh show');
    const data = shown.filter((e) => e.kind === 'mmio' && e.access === 'passthrough' && e.op === 'read' && e.reg?.startsWith('data['));
    // memcpy_fromio's pieces, as Linux makes them: aligned words, then the last byte.
    expect(data.map((e) => e.kind === 'mmio' ? e.size : 0)).toEqual([4, 4, 4, 1]);
    const bytes = data.flatMap((e) => e.kind === 'mmio' ? Array.from({ length: e.size }, (_, i) => (e.value >>> (8 * i)) & 0xff) : []);
    expect(bytes).toEqual([...new TextEncoder().encode('0.00 seconds'), 0]);
    expect(new Set(data.map((e) => e.pc)).size).toBe(1);
    expect(shown.some((e) => e.kind === 'kcall' && e.name === 'simple_read_from_buffer' && e.ret === 13)).toBe(true);

    const timed = await run('sh /guest_fs/stopwatch_ctrl.sh timeout 1; sleep 2');
    const handler = timed.find((e) => e.kind === 'kcall' && e.into === 'irq-handler');
    expect(handler).toMatchObject({ name: 'stopwatch_timeout_irq' });
    expect(timed.some((e) => e.kind === 'printk' && e.text.includes('timeout interrupt 1'))).toBe(true);
    expect(sys.board.tracer.dropped).toBe(0);
  }, 60_000);

  it('finds the call instruction before a return address, 4 bytes or compressed', () => {
    expect(callSite(0x1008, () => 0x80e7)).toBe(0x1004); // jalr: low bits 11
    expect(callSite(0x1008, () => 0x9082)).toBe(0x1006); // c.jalr before it
  });
});
