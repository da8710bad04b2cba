import { describe, expect, it } from 'vitest';
import { asm } from './encode.ts';
import { DEV_BASE, HANDLER, li, RAM_BASE, ROM_BASE, testMachine } from './test-machine.ts';

const LR = 0x02, SC = 0x03;
const DATA = RAM_BASE + 0x400;

/** funct5, memory before, rs2, memory after (rd always gets the old value). */
const AMOS: [string, number, number, number, number][] = [
  ['amoswap', 0x01, 5, -7, -7],
  ['amoadd', 0x00, 0x7fff_ffff, 1, -0x8000_0000],
  ['amoxor', 0x04, 0b1100, 0b1010, 0b0110],
  ['amoand', 0x0c, 0b1100, 0b1010, 0b1000],
  ['amoor', 0x08, 0b1100, 0b1010, 0b1110],
  ['amomin', 0x10, -1, 1, -1],
  ['amomax', 0x14, -1, 1, 1],
  ['amominu', 0x18, -1, 1, 1],
  ['amomaxu', 0x1c, -1, 1, -1],
];

describe('A extension', () => {
  for (const [name, funct5, before, src, after] of AMOS) {
    for (const [where, addr] of [['RAM', DATA], ['MMIO', DEV_BASE + 4]] as const) {
      it(`${name}.w on ${where} returns the old value and stores the result`, () => {
        const m = testMachine([...li(1, addr), ...li(2, src), asm.amo(funct5, 3, 1, 2)]);
        if (where === 'RAM') new DataView(m.ram.buffer).setInt32(addr - RAM_BASE, before, true);
        else m.dev[1] = before >>> 0;
        m.cpu.step(5);
        const stored = where === 'RAM' ? new DataView(m.ram.buffer).getInt32(addr - RAM_BASE, true) : m.dev[1] | 0;
        expect([m.cpu.x[3], stored]).toEqual([before, after]);
      });
    }
  }

  it('sc.w succeeds after lr.w and fails without a reservation', () => {
    const m = testMachine([
      ...li(1, DATA), asm.addi(2, 0, 42),
      asm.amo(LR, 3, 1, 0), asm.amo(SC, 4, 1, 2), // succeeds: x4 = 0
      asm.amo(SC, 5, 1, 2), // reservation used up: x5 = 1
      asm.lw(6, 1, 0),
    ]);
    m.cpu.step(7);
    expect([m.cpu.x[4], m.cpu.x[5], m.cpu.x[6]]).toEqual([0, 1, 42]);
  });

  it('sc.w fails when a store changed the reserved word, or at another address', () => {
    const m = testMachine([
      ...li(1, DATA), asm.addi(2, 0, 42), asm.addi(7, 0, 9),
      asm.amo(LR, 3, 1, 0), asm.sw(7, 1, 0), asm.amo(SC, 4, 1, 2),
      asm.amo(LR, 3, 1, 0), asm.addi(8, 1, 4), asm.amo(SC, 5, 8, 2),
      asm.lw(6, 1, 0),
    ]);
    m.cpu.step(11);
    expect([m.cpu.x[4], m.cpu.x[5], m.cpu.x[6]]).toEqual([1, 1, 9]);
  });

  it('a trap between lr.w and sc.w drops the reservation', () => {
    const m = testMachine([...li(1, DATA), asm.amo(LR, 3, 1, 0), asm.ecall()]);
    m.cpu.step(4);
    expect(m.cpu.reserved).toBe(false);
  });

  it('misaligned and unmapped atomics fault like QEMU 7.2 (as loads), a write to ROM as a store', () => {
    const cases: [number, number, number][] = [
      [RAM_BASE + 0x402, 0x01, 4], [0x3000_0000, 0x00, 5], [RAM_BASE + 0x402, LR, 4], [0x3000_0000, LR, 5], [ROM_BASE, 0x01, 7],
    ];
    for (const [addr, funct5, cause] of cases) {
      const m = testMachine([...li(1, addr), asm.amo(funct5, 3, 1, 0)]);
      m.cpu.step(3);
      expect([m.cpu.pc, m.cpu.csr.mcause, m.cpu.csr.mtval >>> 0]).toEqual([HANDLER, cause, addr]);
    }
  });
});

describe('misaligned accesses', () => {
  it('are done byte by byte, as QEMU 7.2 does, unless trapMisaligned is set', () => {
    const m = testMachine([...li(1, DATA + 1), ...li(2, 0x4142_4344), asm.sw(2, 1, 0), asm.lh(3, 1, 2), asm.lw(4, 1, 0)]);
    m.cpu.trapMisaligned = false;
    m.cpu.step(7);
    expect(m.cpu.pc).toBe(RAM_BASE + 28);
    expect([m.cpu.x[3], m.cpu.x[4]]).toEqual([0x4142, 0x4142_4344]);
    expect(Array.from(m.ram.subarray(0x400, 0x406))).toEqual([0, 0x44, 0x43, 0x42, 0x41, 0]);
  });
});
