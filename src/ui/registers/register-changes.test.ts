import { describe, expect, it } from 'vitest';
import type { RegisterSnapshot } from '../../protocol/registers.ts';
import { NO_CHANGES, registerChanges } from './register-changes.ts';

function snapshot(over: Partial<RegisterSnapshot> = {}): RegisterSnapshot {
  return { pc: 0x80000000, x: new Array<number>(32).fill(0), priv: 'M', csr: { mstatus: 0, mcause: 0 }, instret: 10, timeNs: 10, code: [], ...over };
}

describe('register changes', () => {
  it('marks the registers a step changed, and only those', () => {
    const before = snapshot();
    const x = [...before.x];
    x[10] = 5;
    const after = snapshot({ pc: 0x80000004, x, csr: { mstatus: 8, mcause: 0 }, instret: 11, timeNs: 11 });
    expect(registerChanges(before, after, NO_CHANGES)).toEqual({ pc: true, x: [10], csr: ['mstatus'] });
  });

  it('keeps the marks when the same snapshot comes again (a command that ran nothing)', () => {
    const marked = { pc: true, x: [10], csr: [] };
    expect(registerChanges(snapshot(), snapshot(), marked)).toBe(marked);
  });

  it('marks nothing on the first snapshot or after a reset', () => {
    expect(registerChanges(null, snapshot(), { pc: true, x: [1], csr: [] })).toEqual(NO_CHANGES);
    const x = new Array<number>(32).fill(7);
    expect(registerChanges(snapshot({ instret: 500, x }), snapshot({ instret: 0 }), NO_CHANGES)).toEqual(NO_CHANGES);
  });
});
