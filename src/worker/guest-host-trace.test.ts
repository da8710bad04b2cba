// The Trace pane's questions to the guest in the worker: where a traced pc is
// in the driver's C (the START write leads to the writel line), and the board's
// device tree for download.
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace-events.ts';
import { exampleDriver, GuestPage } from '../../tests/support/guest-page.ts';

let page: GuestPage | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

describe('the guest host answers the Trace pane', () => {
  it('locates the START write on the writel line of stopwatch.c, and exports the DTB with its DTS', async () => {
    const p = page = new GuestPage({ trace: true });
    await p.boot();
    p.type('/guest_fs/stopwatch_ctrl.sh start\r');
    const isStart = (t: TraceEvent) => t.kind === 'mmio' && t.access === 'trap' && t.reg === 'command' && t.valueName === 'START';
    await p.until(() => p.trace.some(isStart), 'the START write in the trace');
    const start = p.trace.find(isStart)!;

    p.send({ type: 'locate', pc: start.pc!, ra: start.kind === 'mmio' ? start.ra : undefined });
    const located = p.last('located');
    expect(located).toMatchObject({ pc: start.pc, location: { file: 'stopwatch.c', function: expect.any(String) } });
    const line = located?.location?.line ?? 0;
    expect(exampleDriver('stopwatch').files['stopwatch.c']!.split('\n')[line - 1]).toContain('writel(');
    expect(located?.code.some((c) => c.addr === start.pc)).toBe(true);

    p.send({ type: 'export-dtb' });
    const dtb = p.last('dtb');
    expect(dtb && new DataView(dtb.dtb.buffer, dtb.dtb.byteOffset).getUint32(0)).toBe(0xd00dfeed);
    expect(dtb?.dts).toMatch(/stopwatch@/);
  }, 90_000);
});
