import { describe, expect, it } from 'vitest';
import { LANES, toChromeTraceJson, type ChromeTraceEvent } from './chrome-trace.ts';
import { TIMEOUT_TRACE } from './export-fixture.ts';

function load(json: string): { traceEvents: ChromeTraceEvent[]; displayTimeUnit: string; otherData: Record<string, unknown> } {
  return JSON.parse(json);
}

describe('toChromeTraceJson', () => {
  it('is a JSON object trace with named lanes for guest, bus, device, host and IRQ', () => {
    const doc = load(toChromeTraceJson(TIMEOUT_TRACE, { dropped: 3 }));
    expect(doc.displayTimeUnit).toBe('ns');
    expect(doc.otherData.dropped).toBe(3);
    const names = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args!.name);
    expect(names).toEqual(Object.values(LANES).map((l) => l.name));
    expect(names.join(' ')).toMatch(/guest.*bus.*device.*host.*IRQ/);
  });

  it('gives every event the fields the trace-event format requires', () => {
    const { traceEvents } = load(toChromeTraceJson(TIMEOUT_TRACE));
    const tids = new Set<number>(Object.values(LANES).map((l) => l.tid));
    for (const e of traceEvents) {
      expect(['X', 'i', 'C', 'M']).toContain(e.ph);
      expect(typeof e.name).toBe('string');
      expect(Number.isFinite(e.ts) && e.ts >= 0).toBe(true);
      expect(e.pid).toBe(1);
      if (e.ph !== 'M') expect(tids.has(e.tid)).toBe(true);
      if (e.ph === 'X') expect(e.dur).toBeGreaterThan(0);
      if (e.ph === 'i') expect(e.s).toBe('t');
      if (e.ph === 'C') expect(Object.values(e.args!).every((v) => typeof v === 'number')).toBe(true);
    }
  });

  it('shows VM exits as host slices lasting the exit price, in microseconds', () => {
    const exits = load(toChromeTraceJson(TIMEOUT_TRACE)).traceEvents.filter((e) => e.ph === 'X');
    expect(exits).toHaveLength(2);
    expect(exits[0]).toMatchObject({ tid: LANES.host.tid, ts: 0.2, dur: 5, name: 'VM exit → stopwatch.command write' });
  });

  it('draws the timeout IRQ line as a counter track going 1 then 0', () => {
    const counters = load(toChromeTraceJson(TIMEOUT_TRACE)).traceEvents.filter((e) => e.ph === 'C');
    expect(counters.map((c) => [c.name, c.ts, c.args!.level])).toEqual([
      ['IRQ stopwatch.timeout', 2_000_005.2, 1],
      ['IRQ stopwatch.timeout', 2_000_010.6, 0],
    ]);
  });

  it('puts trapped and pass-through accesses on the bus lane, device log and errors on the device lane', () => {
    const { traceEvents } = load(toChromeTraceJson(TIMEOUT_TRACE));
    const on = (tid: number) => traceEvents.filter((e) => e.tid === tid && e.ph === 'i').map((e) => e.name);
    expect(on(LANES.bus.tid)).toEqual(['pass-through write stopwatch.0x0', 'exit write stopwatch.command', 'exit read stopwatch.status', 'exit write stopwatch.command']);
    expect(on(LANES.device.tid).some((n) => n.startsWith('DEVICE ERROR: stopwatch: TIMEOUT_ACK'))).toBe(true);
    expect(on(LANES.irq.tid)).toContain('PLIC claim source 64');
    expect(on(LANES.guest.tid)).toContain('trap: machine external interrupt');
  });
});
