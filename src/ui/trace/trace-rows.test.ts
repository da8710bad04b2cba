import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { TraceBuffer } from './trace-buffer.ts';
import { TraceRows } from './trace-rows.ts';

const now = (run: () => void) => run();
const printk = (seq: number): TraceEvent => ({ seq, timeNs: seq, kind: 'printk', text: `line ${seq}` });
const byte = (seq: number, i: number, c: string): TraceEvent => ({
  seq, timeNs: seq, pc: 0x8010_0000, kind: 'mmio', access: 'passthrough', op: 'read', addr: 0x0400_0008 + i, size: 1,
  value: c.charCodeAt(0), region: 'stopwatch-mem', device: 'stopwatch', offset: 8 + i, reg: `data[${i}]`,
});

describe('TraceRows', () => {
  it('groups a copy that arrives over two batches into one row', () => {
    const b = new TraceBuffer(100, now);
    const rows = new TraceRows(b);
    b.push([printk(0), byte(1, 0, 'o')], 0);
    expect(rows.sync()).toBe(true);
    b.push([byte(2, 1, 'k')], 0);
    rows.sync();
    expect(rows.rows.map((r) => r.text)).toEqual(['printk line 0', 'pass-through · read data[0..2] "ok"']);
    expect(rows.indexOfSeq(2)).toBe(1);
    expect(rows.sync()).toBe(false);
  });

  it('forgets rows the ring dropped, and starts over when the machine does', () => {
    const b = new TraceBuffer(3, now);
    const rows = new TraceRows(b);
    b.push([printk(0), printk(1), printk(2), printk(3)], 0);
    rows.sync();
    expect(rows.rows.map((r) => r.firstSeq)).toEqual([1, 2, 3]);
    b.clear();
    b.push([printk(0)], 0);
    rows.sync();
    expect(rows.rows.map((r) => r.text)).toEqual(['printk line 0']);
  });
});
