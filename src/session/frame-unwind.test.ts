// Where a function returns to, from kernel-C's prologue shape, at each point of
// a function: before the frame exists, inside the prologue, in the body, and in
// the last instructions of the epilogue (where the answer is "unknown").
import { describe, expect, it } from 'vitest';
import { callerFrame } from './frame-unwind.ts';

const BASE = 0x8010_0000;
/** addi sp,sp,-48; sw ra,44(sp); sw s0,40(sp); addi s0,sp,48; nop; lw ra,-4(s0); mv t0,s0; lw s0,-8(s0); mv sp,t0; ret */
const CODE = [
  (0xfd0 << 20) | (2 << 15) | (2 << 7) | 0x13,
  (1 << 25) | (1 << 20) | (2 << 15) | (2 << 12) | (12 << 7) | 0x23,
  (1 << 25) | (8 << 20) | (2 << 15) | (2 << 12) | (8 << 7) | 0x23,
  (48 << 20) | (2 << 15) | (8 << 7) | 0x13,
  0x13,
  (0xffc << 20) | (8 << 15) | (2 << 12) | (1 << 7) | 0x03,
  (8 << 15) | (5 << 7) | 0x13,
  (0xff8 << 20) | (8 << 15) | (2 << 12) | (8 << 7) | 0x03,
  (5 << 15) | (2 << 7) | 0x13,
  0x8067,
];
const fn = { name: 'f', start: BASE, end: BASE + 4 * CODE.length };
const CALLER_SP = 0x8090_0000, RETURN = 0x8010_0400;

function hartAt(index: number, regs: { ra?: number; sp: number; s0?: number }) {
  const memory = new Map<number, number>(CODE.map((w, i) => [BASE + 4 * i, w >>> 0]));
  memory.set(CALLER_SP - 4, RETURN); // where `sw ra, 44(sp)` put it
  const x = new Int32Array(32);
  x[1] = regs.ra ?? 0x1234_5678; x[2] = regs.sp; x[8] = regs.s0 ?? 0;
  return { pc: BASE + 4 * index, x, readU32: (a: number) => memory.get(a) ?? 0 };
}

describe('callerFrame', () => {
  it('reads ra before the frame exists and during the prologue', () => {
    expect(callerFrame(hartAt(0, { ra: RETURN, sp: CALLER_SP }), fn)).toEqual({ returnAddress: RETURN, sp: CALLER_SP });
    expect(callerFrame(hartAt(2, { ra: RETURN, sp: CALLER_SP - 48 }), fn)).toEqual({ returnAddress: RETURN, sp: CALLER_SP });
  });

  it('reads the saved ra below the frame pointer in the body, whatever ra holds by then', () => {
    expect(callerFrame(hartAt(4, { sp: CALLER_SP - 48, s0: CALLER_SP }), fn)).toEqual({ returnAddress: RETURN, sp: CALLER_SP });
  });

  it('says "unknown" once the epilogue has restored s0, and for a prologue it does not know', () => {
    expect(callerFrame(hartAt(8, { ra: RETURN, sp: CALLER_SP - 48, s0: 0x1000 }), fn)).toBeNull();
    const compressed = { ...hartAt(4, { sp: CALLER_SP - 48, s0: CALLER_SP }), readU32: () => 0x1141 }; // c.addi sp,-16
    expect(callerFrame(compressed, fn)).toBeNull();
  });
});
