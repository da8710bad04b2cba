// Where the current function returns to, read from its prologue. kernel-C
// (like gcc with a frame pointer) opens every function with
//   addi sp, sp, -N ; sw ra, R(sp) ; sw s0, S(sp) ; addi s0, sp, K
// so until `addi s0` has run the return address is still in ra, and after it
// the frame's top (the caller's sp) is s0 + N - K with ra saved below it.
// The epilogue restores s0 before `ret`; in those last instructions (and in any
// function whose prologue is not of this shape) the answer is "unknown", and a
// step out single-steps to the return instead.

import type { FunctionRange } from './source-map.ts';

export interface CallerFrame {
  /** Where the function returns to. */
  returnAddress: number;
  /** The caller's sp when it made the call (and again once the call has returned). */
  sp: number;
}

interface HartRegs {
  pc: number;
  x: ArrayLike<number>;
  readU32(addr: number): number;
}

const RET = 0x00008067; // jalr x0, 0(ra)
const PROLOGUE_LIMIT = 16;

const opcode = (w: number) => w & 0x7f;
const rd = (w: number) => (w >>> 7) & 31;
const funct3 = (w: number) => (w >>> 12) & 7;
const rs1 = (w: number) => (w >>> 15) & 31;
const rs2 = (w: number) => (w >>> 20) & 31;
const immI = (w: number) => w >> 20;
const immS = (w: number) => ((w >> 25) << 5) | ((w >>> 7) & 31);
const isAddi = (w: number, d: number, s: number) => opcode(w) === 0x13 && funct3(w) === 0 && rd(w) === d && rs1(w) === s;
const isLoadWord = (w: number, d: number, s: number) => opcode(w) === 0x03 && funct3(w) === 2 && rd(w) === d && rs1(w) === s;

interface Prologue {
  /** Address of `addi sp, sp, -N` and N. */
  spAt: number;
  frame: number;
  /** Offset of ra's slot from the adjusted sp. */
  raSlot: number;
  /** Address of `addi s0, sp, K` and K. */
  fpAt: number;
  fpOffset: number;
}

function readPrologue(hart: HartRegs, fn: FunctionRange): Prologue | null {
  let spAt = -1, frame = 0, raSlot = -1;
  for (let a = fn.start, i = 0; a < fn.end && i < PROLOGUE_LIMIT; a += 4, i++) {
    const w = hart.readU32(a) | 0;
    if ((w & 3) !== 3) return null; // a compressed prologue: not one we read
    if (spAt < 0 && isAddi(w, 2, 2) && immI(w) < 0) { spAt = a; frame = -immI(w); continue; }
    if (spAt >= 0 && opcode(w) === 0x23 && funct3(w) === 2 && rs1(w) === 2 && rs2(w) === 1) raSlot = immS(w);
    if (spAt >= 0 && isAddi(w, 8, 2)) return raSlot >= 0 ? { spAt, frame, raSlot, fpAt: a, fpOffset: immI(w) } : null;
  }
  return null;
}

/** Whether the epilogue has already restored s0: a `ret` comes before any `lw s0, (s0)`. */
function pastFrameRestore(hart: HartRegs, fn: FunctionRange, pc: number): boolean {
  for (let a = pc, i = 0; a < fn.end && i < 4; a += 4, i++) {
    const w = hart.readU32(a) | 0;
    if (w === RET) return true;
    if (isLoadWord(w, 8, 8)) return false;
  }
  return false;
}

/** The caller of the frame the hart is in (inside `fn`), or null when the code does not say. */
export function callerFrame(hart: HartRegs, fn: FunctionRange): CallerFrame | null {
  const pc = hart.pc >>> 0, x = hart.x;
  const ra = x[1] >>> 0, sp = x[2] >>> 0, s0 = x[8] >>> 0;
  if (pc === fn.start) return { returnAddress: ra, sp };
  const p = readPrologue(hart, fn);
  if (!p) return null;
  if (pc <= p.spAt) return { returnAddress: ra, sp };
  if (pc <= p.fpAt) return { returnAddress: ra, sp: (sp + p.frame) >>> 0 };
  if (pastFrameRestore(hart, fn, pc)) return null;
  const adjusted = (s0 - p.fpOffset) >>> 0; // the sp after `addi sp, sp, -N`
  return { returnAddress: hart.readU32((adjusted + p.raSlot) >>> 0) >>> 0, sp: (adjusted + p.frame) >>> 0 };
}
