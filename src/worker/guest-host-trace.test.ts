// The Trace pane's questions to the guest in the worker: where a traced pc is
// in the driver's C (the START write leads to the writel line), and the board's
// device tree for download.
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineEvent } from '../protocol/messages.ts';
import type { TraceEvent } from '../protocol/trace-events.ts';
import { exampleCatalog } from './examples.ts';
import { GUEST_HEADERS } from './guest-files.ts';
import { GuestHost } from './guest-host.ts';

let host: GuestHost | null = null;
afterEach(() => {
  host?.dispose();
  host = null;
});

async function until(done: () => boolean, what: string): Promise<void> {
  const t0 = Date.now();
  while (!done()) {
    if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the guest host answers the Trace pane', () => {
  it('locates the START write on the writel line of stopwatch.c, and exports the DTB with its DTS', async () => {
    const events: MachineEvent[] = [];
    const trace: TraceEvent[] = [];
    let screen = '';
    const e = exampleCatalog().find((x) => x.id === 'stopwatch')!;
    host = new GuestHost({
      post: (event) => {
        events.push(event);
        if (event.type === 'trace') trace.push(...event.events);
        if (event.type === 'uart-out') {
          screen += new TextDecoder().decode(event.bytes);
          queueMicrotask(() => host?.handle({ type: 'uart-ack', bytes: event.bytes.length }));
        }
      },
    }, { headers: GUEST_HEADERS, defaultDriver: { module: e.name, main: e.main, files: { ...e.files } } });
    host.handle({ type: 'set-trace', enabled: true });
    host.handle({ type: 'boot-guest', driver: null });
    await until(() => screen.endsWith('/ # '), 'the prompt');
    host.handle({ type: 'uart-in', bytes: new TextEncoder().encode('/guest_fs/stopwatch_ctrl.sh start\r') });
    const isStart = (t: TraceEvent) => t.kind === 'mmio' && t.access === 'trap' && t.reg === 'command' && t.valueName === 'START';
    await until(() => trace.some(isStart), 'the START write in the trace');
    const start = trace.find(isStart)!;

    host.handle({ type: 'locate', pc: start.pc!, ra: start.kind === 'mmio' ? start.ra : undefined });
    const located = events.findLast((x) => x.type === 'located');
    expect(located).toMatchObject({ pc: start.pc, location: { file: 'stopwatch.c', function: expect.any(String) } });
    const line = located?.type === 'located' ? located.location!.line : 0;
    expect(e.files['stopwatch.c'].split('\n')[line - 1]).toContain('writel(');
    expect(located?.type === 'located' && located.code.some((c) => c.addr === start.pc)).toBe(true);

    host.handle({ type: 'export-dtb' });
    const dtb = events.findLast((x) => x.type === 'dtb');
    expect(dtb?.type === 'dtb' && new DataView(dtb.dtb.buffer, dtb.dtb.byteOffset).getUint32(0)).toBe(0xd00dfeed);
    expect(dtb?.type === 'dtb' && dtb.dts).toMatch(/stopwatch@/);
  }, 90_000);
});
