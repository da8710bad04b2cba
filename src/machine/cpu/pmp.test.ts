import { describe, expect, it } from 'vitest';
import { hasPmpRule, pmpAllows, pmpAllowsWholeWindow, pmpRange, PMP_R, PMP_W, PMP_X, writePmpaddr, writePmpcfg, type PmpRegisters } from './pmp.ts';

const L = 0x80, TOR = 1 << 3, NA4 = 2 << 3, NAPOT = 3 << 3, RWX = 7;
const M = 3, S = 1, U = 0;

function regs(entries: [cfg: number, addr: number][]): PmpRegisters {
  const p = { pmpcfg: new Int32Array(4), pmpaddr: new Int32Array(16) };
  entries.forEach(([cfg, addr], i) => {
    p.pmpcfg[i >>> 2] |= cfg << (8 * (i & 3));
    p.pmpaddr[i] = addr;
  });
  return p;
}

const napot = (base: number, size: number) => (base >>> 2) | ((size >>> 3) - 1);

describe('PMP address matching', () => {
  it('NAPOT covers base..base+size-1, NA4 one word, TOR [previous pmpaddr, pmpaddr)', () => {
    const p = regs([[NAPOT, napot(0x8000_0000, 0x1000)], [NA4, 0x1000_0004 >>> 2], [TOR, 0x8000_2000 >>> 2]]);
    expect(pmpRange(p, 0)).toEqual({ start: 0x8000_0000, end: 0x8000_0fff });
    expect(pmpRange(p, 1)).toEqual({ start: 0x1000_0004, end: 0x1000_0007 });
    expect(pmpRange(p, 2)).toEqual({ start: 0x1000_0004, end: 0x8000_1fff });
  });

  it('NAPOT with all ones covers the whole 32-bit space', () => {
    expect(pmpRange(regs([[NAPOT, -1]]), 0)).toEqual({ start: 0, end: 0xffff_ffff });
    expect(pmpRange(regs([[NAPOT, 0x7fff_ffff]]), 0)).toEqual({ start: 0, end: 0xffff_ffff });
  });

  it('TOR entry 0 with pmpaddr0 = 0 spans everything, as QEMU 7.2 computes it (0 - 1)', () => {
    const p = regs([[TOR | PMP_R, 0]]);
    expect(pmpAllows(p, 0x1000, 4, PMP_R, S)).toBe(true);
    expect(pmpAllows(p, 0x1000, 4, PMP_W, S)).toBe(false);
  });

  it('a TOR entry whose top is below its base covers nothing', () => {
    const p = regs([[0, 0x8000_1000 >>> 2], [TOR | RWX, 0x8000_0000 >>> 2]]);
    expect(pmpAllows(p, 0x8000_0800, 4, PMP_R, S)).toBe(false);
  });
});

describe('PMP permission checks', () => {
  it('the lowest-numbered matching entry decides', () => {
    const p = regs([[NA4 | PMP_R, 0x8000_0010 >>> 2], [NAPOT | RWX, -1]]);
    expect(pmpAllows(p, 0x8000_0010, 4, PMP_W, S)).toBe(false);
    expect(pmpAllows(p, 0x8000_0010, 4, PMP_R, U)).toBe(true);
    expect(pmpAllows(p, 0x8000_0014, 4, PMP_W, S)).toBe(true);
  });

  it('S and U fail where no entry matches, with or without rules; M succeeds', () => {
    const none = regs([]);
    expect(hasPmpRule(none)).toBe(false);
    expect(pmpAllows(none, 0x8000_0000, 4, PMP_R, S)).toBe(false);
    expect(pmpAllows(none, 0x8000_0000, 4, PMP_X, U)).toBe(false);
    expect(pmpAllows(none, 0x8000_0000, 4, PMP_W, M)).toBe(true);
    const one = regs([[NA4 | RWX, 0]]);
    expect(hasPmpRule(one)).toBe(true);
    expect(pmpAllows(one, 0x8000_0000, 4, PMP_R, U)).toBe(false);
  });

  it('an access only partly inside an entry fails, even in M', () => {
    const p = regs([[NA4 | RWX, 0x8000_0010 >>> 2]]);
    expect(pmpAllows(p, 0x8000_000e, 4, PMP_R, M)).toBe(false);
    expect(pmpAllows(p, 0x8000_0012, 2, PMP_R, S)).toBe(true);
  });

  it('M ignores an unlocked entry, but a locked one binds M too', () => {
    expect(pmpAllows(regs([[NA4 | PMP_R, 0]]), 0, 4, PMP_W, M)).toBe(true);
    expect(pmpAllows(regs([[L | NA4 | PMP_R, 0]]), 0, 4, PMP_W, M)).toBe(false);
    expect(pmpAllows(regs([[L | NA4 | PMP_R, 0]]), 0, 4, PMP_R, M)).toBe(true);
  });
});

describe('PMP CSR writes', () => {
  it('a locked entry keeps its pmpcfg byte and pmpaddr; its neighbours stay writable', () => {
    const p = regs([[L | NA4 | PMP_R, 0x100], [0, 0x200]]);
    writePmpcfg(p, 0, 0x1f1f);
    expect(p.pmpcfg[0] & 0xffff).toBe(0x1f00 | L | NA4 | PMP_R);
    writePmpaddr(p, 0, 0x999);
    writePmpaddr(p, 1, 0x300);
    expect([p.pmpaddr[0], p.pmpaddr[1]]).toEqual([0x100, 0x300]);
  });

  it('a locked TOR entry also freezes the pmpaddr below it; a locked NAPOT entry does not', () => {
    const tor = regs([[0, 0x100], [L | TOR | PMP_R, 0x200]]);
    writePmpaddr(tor, 0, 0x999);
    expect(tor.pmpaddr[0]).toBe(0x100);
    const napotAbove = regs([[0, 0x100], [L | NAPOT | PMP_R, 0x200]]);
    writePmpaddr(napotAbove, 0, 0x999);
    expect(napotAbove.pmpaddr[0]).toBe(0x999);
  });

  it('pmpcfg keeps every bit written, as QEMU 7.2 does (reserved bits, W without R)', () => {
    const p = regs([]);
    writePmpcfg(p, 1, 0x6002);
    expect(p.pmpcfg[1]).toBe(0x6002);
  });
});

describe('RAM windows for the fast path', () => {
  const RAM = 0x8000_0000, SIZE = 0x800_0000;
  it('one entry over all of RAM opens it for what it grants; none opens it to M only', () => {
    const all = regs([[NAPOT | PMP_R | PMP_X, -1]]);
    expect(pmpAllowsWholeWindow(all, RAM, SIZE, PMP_R, S)).toBe(true);
    expect(pmpAllowsWholeWindow(all, RAM, SIZE, PMP_W, S)).toBe(false);
    expect(pmpAllowsWholeWindow(regs([]), RAM, SIZE, PMP_W, M)).toBe(true);
    expect(pmpAllowsWholeWindow(regs([]), RAM, SIZE, PMP_R, U)).toBe(false);
  });

  it('an entry over part of RAM closes the window (each access is checked)', () => {
    const p = regs([[NA4 | PMP_R, (RAM + 0x10) >>> 2], [NAPOT | RWX, -1]]);
    expect(pmpAllowsWholeWindow(p, RAM, SIZE, PMP_R, S)).toBe(false);
    expect(pmpAllowsWholeWindow(regs([[NAPOT | RWX, napot(RAM, SIZE)]]), RAM, SIZE, PMP_R, S)).toBe(true);
    expect(pmpAllowsWholeWindow(regs([[NA4 | RWX, 0x10], [NAPOT | RWX, -1]]), RAM, SIZE, PMP_R, S)).toBe(true);
  });
});
