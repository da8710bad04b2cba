import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from './muldiv.ts';
import { asm } from './encode.ts';
import { li, testMachine } from './test-machine.ts';

const MIN = -0x8000_0000;
const s64 = (v: number) => BigInt(v | 0);
const u64 = (v: number) => BigInt(v >>> 0);
const hi = (p: bigint) => Number(BigInt.asIntN(32, p >> 32n));

describe('M extension high multiplies', () => {
  const edge = fc.oneof(fc.constantFrom(0, 1, -1, MIN, 0x7fff_ffff, 0xffff, 0x10000), fc.integer({ min: MIN, max: 0x7fff_ffff }));
  it('mulhu/mulh/mulhsu equal the high word of the exact 64-bit product', () => {
    fc.assert(fc.property(edge, edge, (a, b) => {
      expect(mulhu(a, b)).toBe(hi(u64(a) * u64(b)));
      expect(mulh(a, b)).toBe(hi(s64(a) * s64(b)));
      expect(mulhsu(a, b)).toBe(hi(s64(a) * u64(b)));
    }), { numRuns: 5000 });
  });
});

describe('M extension division corner cases (unprivileged spec table 7.1)', () => {
  it('division by zero gives all ones, remainder the dividend', () => {
    expect(div(7, 0)).toBe(-1);
    expect(divu(7, 0)).toBe(-1);
    expect(rem(-7, 0)).toBe(-7);
    expect(remu(7, 0)).toBe(7);
  });
  it('MIN / -1 overflows to MIN with remainder 0', () => {
    expect(div(MIN, -1)).toBe(MIN);
    expect(rem(MIN, -1)).toBe(0);
  });
  it('rounds toward zero, remainder takes the dividend sign', () => {
    expect(div(-7, 2)).toBe(-3);
    expect(rem(-7, 2)).toBe(-1);
    expect(rem(7, -2)).toBe(1);
    expect(divu(-1, 2)).toBe(0x7fff_ffff);
    expect(remu(-1, 10)).toBe(5);
  });
});

describe('M instructions on the hart', () => {
  it('executes mul/mulh/div/rem with their funct3 codes', () => {
    const m = testMachine([
      ...li(10, MIN), ...li(11, -1), ...li(12, 0),
      asm.op(0, 1, 13, 10, 11), // mul
      asm.op(1, 1, 14, 10, 10), // mulh
      asm.op(4, 1, 15, 10, 11), // div MIN/-1
      asm.op(5, 1, 16, 10, 12), // divu by 0
      asm.op(6, 1, 17, 10, 11), // rem MIN%-1
      asm.op(7, 1, 18, 11, 12), // remu by 0
      asm.op(3, 1, 19, 11, 11), // mulhu
      asm.op(2, 1, 20, 11, 11), // mulhsu(-1, 0xffffffff)
    ]);
    m.cpu.step(14);
    const x = m.cpu.x;
    expect([x[13], x[14], x[15], x[16], x[17], x[18], x[19], x[20]])
      .toEqual([MIN, 0x4000_0000, MIN, -1, 0, -1, -2, -1]);
  });
});
