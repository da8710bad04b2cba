import { describe, expect, it } from 'vitest';
import { Tracer } from './tracer.ts';

describe('Tracer', () => {
  it('records nothing while disabled', () => {
    const t = new Tracer({ nowNs: () => 0 });
    t.emit({ kind: 'printk', text: 'x' });
    expect(t.drain()).toEqual([]);
  });

  it('stamps sequence number, virtual time and pc, and drains oldest first', () => {
    let now = 10;
    const t = new Tracer({ nowNs: () => now });
    t.enabled = true;
    t.emit({ kind: 'printk', text: 'a' }, 0x8000_0000);
    now = 20;
    t.emit({ kind: 'printk', text: 'b' });
    expect(t.drain()).toEqual([
      { kind: 'printk', text: 'a', seq: 0, timeNs: 10, pc: 0x8000_0000 },
      { kind: 'printk', text: 'b', seq: 1, timeNs: 20 },
    ]);
    expect(t.buffered).toBe(0);
  });

  it('keeps the newest events when full and counts the dropped ones', () => {
    const t = new Tracer({ nowNs: () => 0 }, 4);
    t.enabled = true;
    for (let i = 0; i < 10; i++) t.emit({ kind: 'uart', dir: 'tx', byte: i });
    expect(t.dropped).toBe(6);
    const kept = t.drain();
    expect(kept.map((e) => e.seq)).toEqual([6, 7, 8, 9]);
    t.emit({ kind: 'uart', dir: 'tx', byte: 42 });
    expect(t.drain().map((e) => e.seq)).toEqual([10]);
  });
});
