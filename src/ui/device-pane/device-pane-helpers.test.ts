// The Device pane's pure parts: what a selected event points at, the rows of
// the hex dump, and the IRQ line as segments and as words.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { deviceTarget } from './device-selection.ts';
import { asciiOf, dumpRows } from './hex-dump.ts';
import { irqSegments, irqText } from './irq-history.ts';

const mmio = (access: 'trap' | 'passthrough', offset: number, size: 1 | 2 | 4, reg?: string): TraceEvent => ({
  seq: 1, timeNs: 0, kind: 'mmio', access, op: 'read', addr: 0, size, value: 0,
  region: access === 'trap' ? 'stopwatch-regs' : 'stopwatch-mem', device: 'stopwatch', offset, reg,
});

describe('deviceTarget', () => {
  it('points a trapped access or its exit at the register, a pass-through access at its bytes', () => {
    expect(deviceTarget(mmio('trap', 0, 4, 'command'))).toEqual({ kind: 'register', name: 'command' });
    expect(deviceTarget({ seq: 2, timeNs: 0, kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', reg: 'status', op: 'read', costNs: 1 }))
      .toEqual({ kind: 'register', name: 'status' });
    expect(deviceTarget(mmio('passthrough', 8, 4))).toEqual({ kind: 'bytes', from: 8, to: 12 });
    expect(deviceTarget({ seq: 3, timeNs: 0, kind: 'uart', dir: 'tx', byte: 1 })).toBeNull();
    expect(deviceTarget(null)).toBeNull();
  });
});

describe('dumpRows', () => {
  it('shows the rows that hold something (or the selected bytes), or all of them', () => {
    const mem = new Uint8Array(0x88);
    mem[0] = 13;
    mem.set(new TextEncoder().encode('1.00 seconds'), 8);
    expect(dumpRows(mem, false).map((r) => r.offset)).toEqual([0, 16]); // the text runs into the second row
    expect(dumpRows(mem, false, { from: 0x40, to: 0x44 }).map((r) => r.offset)).toEqual([0, 16, 0x40]);
    const all = dumpRows(mem, true);
    expect(all).toHaveLength(9);
    expect(all[8].bytes).toHaveLength(8); // 0x88 bytes: the last row is short
    expect(all[0].bytes.slice(8).map(asciiOf).join('')).toBe('1.00 sec');
    expect(asciiOf(0)).toBe('.');
  });
});

describe('the IRQ line', () => {
  const edges = [{ timeNs: 2_104_000_000, level: 1 as const }, { timeNs: 2_105_000_000, level: 0 as const }];

  it('says its level and its last edges', () => {
    expect(irqText(64, false, edges)).toBe('IRQ 64 low · last rose at 2.104 s, fell at 2.105 s');
    expect(irqText(64, false, [])).toBe('IRQ 64 low · no edge yet');
    expect(irqText(64, true, edges.slice(0, 1))).toBe('IRQ 64 high · last rose at 2.104 s');
  });

  it('becomes level segments across a time window', () => {
    expect(irqSegments(edges, 2e9, 3e9, false)).toEqual([
      { fromNs: 2e9, toNs: 2_104_000_000, level: 0 },
      { fromNs: 2_104_000_000, toNs: 2_105_000_000, level: 1 },
      { fromNs: 2_105_000_000, toNs: 3e9, level: 0 },
    ]);
    expect(irqSegments(edges, 2.5e9, 3e9, false)).toEqual([{ fromNs: 2.5e9, toNs: 3e9, level: 0 }]);
    expect(irqSegments([], 0, 1e9, true)).toEqual([{ fromNs: 0, toNs: 1e9, level: 1 }]);
  });
});
