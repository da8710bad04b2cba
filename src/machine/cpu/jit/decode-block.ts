// Finds a block for the translator: the straight run of instructions from a
// pc in RAM up to a branch or jump, or up to (not including) an instruction
// the translator leaves to the interpreter (SYSTEM, atomics, fence.i, illegal
// encodings, a breakpoint, an instruction crossing the page end), or the
// block-length cap. Compressed instructions are expanded as the interpreter
// expands them (rvc.ts).

import { RVC_EXPANSION } from '../rvc.ts';

/** Instructions per block at most: bounds the time between two budget tests. */
export const BLOCK_CAP = 64;
export const PAGE_SIZE = 4096;

/** How a block ends. */
export const END_BRANCH = 0, END_JAL = 1, END_JALR = 2, END_FALLTHROUGH = 3, END_INTERPRET = 4;

export interface DecodedInsn {
  pc: number;
  /** The 32-bit instruction (a compressed one expanded). */
  insn: number;
  len: 2 | 4;
}

export interface Block {
  start: number;
  /** Translated instructions; the last is the branch/jump for END_BRANCH/JAL/JALR. */
  insns: DecodedInsn[];
  end: number;
  /** pc after the block for END_FALLTHROUGH and END_INTERPRET (where the interpreter takes over). */
  next: number;
}

export interface CodeSource {
  ramBase: number;
  ramSize: number;
  u16: Uint16Array;
  hasBreakpoint(pc: number): boolean;
}

/** The instruction at pc (int32), undefined if it leaves the page or RAM. */
function fetch(src: CodeSource, pc: number): DecodedInsn | undefined {
  const off = (pc - src.ramBase) >>> 0;
  if (off + 2 > src.ramSize) return undefined;
  const low = src.u16[off >>> 1];
  if ((low & 3) !== 3) return { pc, insn: RVC_EXPANSION[low], len: 2 };
  if ((off & (PAGE_SIZE - 1)) > PAGE_SIZE - 4 || off + 4 > src.ramSize) return undefined;
  return { pc, insn: (low | (src.u16[(off >>> 1) + 1] << 16)) | 0, len: 4 };
}

/** Whether the translator can run this (expanded) instruction without the interpreter. */
export function translatable(insn: number): boolean {
  if (insn === 0) return false; // an illegal compressed encoding
  const f3 = (insn >>> 12) & 7, f7 = insn >>> 25;
  switch ((insn >>> 2) & 31) {
    case 0x00: return f3 !== 3 && f3 < 6; // loads
    case 0x03: return f3 === 0; // fence (fence.i goes to the interpreter)
    case 0x04: return f3 === 1 ? f7 === 0 : f3 === 5 ? f7 === 0 || f7 === 0x20 : true;
    case 0x05: case 0x0d: case 0x1b: return true; // auipc, lui, jal
    case 0x08: return f3 < 3; // stores
    case 0x0c: return f7 === 0 || f7 === 1 || (f7 === 0x20 && (f3 === 0 || f3 === 5));
    case 0x18: return f3 !== 2 && f3 !== 3;
    case 0x19: return f3 === 0;
    default: return false;
  }
}

function endOf(insn: number): number {
  switch ((insn >>> 2) & 31) {
    case 0x18: return END_BRANCH;
    case 0x1b: return END_JAL;
    case 0x19: return END_JALR;
    default: return -1;
  }
}

/** The block at `start` (an even pc in RAM); it may be empty (END_INTERPRET at start). */
export function decodeBlock(src: CodeSource, start: number): Block {
  const insns: DecodedInsn[] = [];
  const page = (start - src.ramBase) >>> 12;
  let pc = start;
  while (insns.length < BLOCK_CAP) {
    if (((pc - src.ramBase) >>> 12) !== page) return { start, insns, end: END_FALLTHROUGH, next: pc };
    const d = fetch(src, pc);
    if (d === undefined || !translatable(d.insn) || src.hasBreakpoint(pc)) return { start, insns, end: END_INTERPRET, next: pc };
    insns.push(d);
    pc = (pc + d.len) | 0;
    const end = endOf(d.insn);
    if (end >= 0) return { start, insns, end, next: pc };
  }
  return { start, insns, end: END_FALLTHROUGH, next: pc };
}

/** The number of instructions the interpreter should run from pc to reach a block end (at least 1). */
export function blockLength(src: CodeSource, start: number): number {
  const b = decodeBlock(src, start);
  return Math.max(1, b.insns.length + (b.end === END_INTERPRET ? 1 : 0));
}

/** A branch's target. */
export function branchTarget(d: DecodedInsn): number {
  const i = d.insn;
  return (d.pc + (((i >> 31) << 12) | ((i << 4) & 0x800) | ((i >>> 20) & 0x7e0) | ((i >>> 7) & 0x1e))) | 0;
}

/** A jal's target. */
export function jalTarget(d: DecodedInsn): number {
  const i = d.insn;
  return (d.pc + (((i >> 31) << 20) | (i & 0xff000) | ((i >>> 9) & 0x800) | ((i >>> 20) & 0x7fe))) | 0;
}
