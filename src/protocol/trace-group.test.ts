import { describe, expect, it } from 'vitest';
import type { TraceBody, TraceEvent } from './trace-events.ts';
import { groupTrace, TraceGrouper } from './trace-group.ts';

function stream(bodies: (TraceBody & { pc?: number })[]): TraceEvent[] {
  return bodies.map((b, seq) => ({ seq, timeNs: 1000 + seq, ...b }) as TraceEvent);
}

const byte = (i: number, value: number, pc = 0x8010_0040, op: 'read' | 'write' = 'read'): TraceBody & { pc: number } => ({
  kind: 'mmio', access: 'passthrough', op, addr: 0x0400_0008 + i, size: 1, value, region: 'stopwatch-mem', device: 'stopwatch', offset: 8 + i, reg: `data[${i}]`, pc,
});
const text = (s: string, from = 0, pc?: number) => [...s, '\0'].map((c, i) => byte(from + i, c.charCodeAt(0), pc));

describe('groupTrace', () => {
  it('reads memcpy_fromio\'s bytes of data as one row with the text', () => {
    const rows = groupTrace(stream(text('1.00 seconds')));
    expect(rows.map((r) => r.text)).toEqual(['pass-through · read data[0..13] "1.00 seconds"']);
    expect([rows[0].firstSeq, rows[0].lastSeq, rows[0].startNs, rows[0].endNs]).toEqual([0, 12, 1000, 1012]);
  });

  it('reads memcpy_fromio\'s aligned words and last byte as one row with the text', () => {
    const bytes = [...new TextEncoder().encode('1.00 seconds'), 0];
    const word = (i: number) => ({ ...byte(i, (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0), size: 4 }) as TraceBody & { pc: number };
    const rows = groupTrace(stream([word(0), word(4), word(8), byte(12, 0)]));
    expect(rows.map((r) => r.text)).toEqual(['pass-through · read data[0..13] "1.00 seconds"']);
  });

  it('starts a new row when the code, the direction or the position changes', () => {
    const rows = groupTrace(stream([byte(0, 0x41), byte(1, 0x42, 0x8010_0080), byte(2, 0x43, 0x8010_0080, 'write'), byte(5, 0x44, 0x8010_0080, 'write')]));
    expect(rows.map((r) => r.text)).toEqual([
      'pass-through · read data[0] = 65 "A"', 'pass-through · read data[1] = 66 "B"',
      'pass-through · write data[2] = 67 "C"', 'pass-through · write data[5] = 68 "D"',
    ]);
  });

  it('groups UART bytes into lines', () => {
    const rows = groupTrace(stream([...'ok\nhi'].map((c) => ({ kind: 'uart', dir: 'tx', byte: c.charCodeAt(0) }) as TraceBody)));
    expect(rows.map((r) => r.text)).toEqual(['uart tx "ok\\n"', 'uart tx "hi"']);
  });

  it('names the handler a trap was dispatched to, and not a later one after the return', () => {
    const rows = groupTrace(stream([
      { kind: 'trap', interrupt: true, cause: 9, causeName: 'supervisor external interrupt', epc: 0x8000_009c, tval: 0, mode: 'S' },
      { kind: 'plic', action: 'claim', source: 64, context: 1 },
      { kind: 'kcall', name: 'stopwatch_timeout_irq', args: [3, 0], into: 'irq-handler', pc: 0x8010_0200 },
      { kind: 'plic', action: 'complete', source: 64, context: 1 },
      { kind: 'trap-return', pc: 0x8000_009c, mode: 'S', via: 'sret' },
      { kind: 'kcall', name: 'other_irq', args: [3, 0], into: 'irq-handler' },
    ]));
    expect(rows[0].text).toBe('trap scause=0x80000009 → stopwatch_timeout_irq');
    expect(rows).toHaveLength(6);
  });

  it('keeps a gap from the ring between groups, and forgets rows the ring dropped', () => {
    const g = new TraceGrouper();
    const events = stream(text('ab'));
    g.add(events[0]);
    g.add({ ...events[1], seq: 5 }); // seq 1..4 were dropped: not the same copy
    expect(g.rows).toHaveLength(2);
    g.dropBefore(5);
    expect(g.rows.map((r) => r.firstSeq)).toEqual([5]);
  });
});
