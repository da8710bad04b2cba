// JavaScript source for one translated RV32IM instruction (the same
// semantics as the interpreter's switch in cpu.ts). Registers are locals
// r1..r31 holding int32 values; x0 reads as 0 and writes to it vanish. A load
// or store outside the RAM window leaves the region before the instruction
// (`exitBefore`), so the interpreter runs it through the bus.

import type { DecodedInsn } from './decode-block.ts';

export interface EmitContext {
  ramBase: number;
  /** Source that leaves the region with pc at the instruction, `done` instructions of the block counted. */
  exitBefore(done: number, pc: number): string;
}

export function reg(i: number): string {
  return i === 0 ? '0' : `r${i}`;
}

function assign(rd: number, expr: string): string {
  return rd === 0 ? '' : `r${rd} = ${expr};`;
}

const hex = (v: number): string => `${v < 0 ? '-' : ''}0x${Math.abs(v).toString(16)}`;

function opImm(insn: number): string {
  const rs1 = reg((insn >>> 15) & 31), rd = (insn >>> 7) & 31, imm = insn >> 20;
  switch ((insn >>> 12) & 7) {
    case 0: return assign(rd, `(${rs1} + ${imm}) | 0`);
    case 1: return assign(rd, `${rs1} << ${imm & 31}`);
    case 2: return assign(rd, `${rs1} < ${imm} ? 1 : 0`);
    case 3: return assign(rd, `(${rs1} >>> 0) < ${imm >>> 0} ? 1 : 0`);
    case 4: return assign(rd, `${rs1} ^ ${imm}`);
    case 5: return assign(rd, (insn >>> 25) === 0 ? `(${rs1} >>> ${imm & 31}) | 0` : `${rs1} >> ${imm & 31}`);
    case 6: return assign(rd, `${rs1} | ${imm}`);
    default: return assign(rd, `${rs1} & ${imm}`);
  }
}

const OP_BASE = ['(A + B) | 0', 'A << B', 'A < B ? 1 : 0', '(A >>> 0) < (B >>> 0) ? 1 : 0', 'A ^ B', '(A >>> B) | 0', 'A | B', 'A & B'];
const OP_MULDIV = ['Math.imul(A, B)', 'mulh(A, B)', 'mulhsu(A, B)', 'mulhu(A, B)', 'div(A, B)', 'divu(A, B)', 'rem(A, B)', 'remu(A, B)'];

function op(insn: number): string {
  const a = reg((insn >>> 15) & 31), b = reg((insn >>> 20) & 31), rd = (insn >>> 7) & 31;
  const f3 = (insn >>> 12) & 7, f7 = insn >>> 25;
  let form: string;
  if (f7 === 0) form = OP_BASE[f3];
  else if (f7 === 1) form = f3 === 0 ? OP_MULDIV[0] : `${OP_MULDIV[f3]} | 0`;
  else form = f3 === 0 ? '(A - B) | 0' : 'A >> B';
  return assign(rd, form.replace(/A/g, a).replace(/B/g, b));
}

const LOAD_READ = ['s8[o]', 's16[o >>> 1]', 's32[o >>> 2]', '', 'u8[o]', 'u16[o >>> 1]'];
const STORE_WRITE = ['u8[o] = V;', 'u16[o >>> 1] = V;', 's32[o >>> 2] = V;'];

/** `o` = the RAM offset of the access; leaves the region unless it is in the window and aligned. */
function address(ctx: EmitContext, base: string, imm: number, window: string, f3: number, k: number, pc: number): string {
  const mask = (1 << (f3 & 3)) - 1;
  const aligned = mask === 0 ? '' : ` || (o & ${mask}) !== 0`;
  // RAM is at most 2 GiB, so an int32 offset in [0, window) is the access, and everything stays int32 for V8.
  return `o = (${base} + ${imm} - ${hex(ctx.ramBase)}) | 0; if (o < 0 || o >= ${window}${aligned}) { ${ctx.exitBefore(k, pc)} }`;
}

function load(ctx: EmitContext, d: DecodedInsn, k: number): string {
  const i = d.insn, f3 = (i >>> 12) & 7, rd = (i >>> 7) & 31;
  const check = address(ctx, reg((i >>> 15) & 31), i >> 20, 'LS', f3, k, d.pc);
  return rd === 0 ? check : `${check} r${rd} = ${LOAD_READ[f3]};`;
}

/** A store, then: if it hit a line holding translated code, drop that code and leave the region after it. */
function store(ctx: EmitContext, d: DecodedInsn, k: number, afterExit: string): string {
  const i = d.insn, f3 = (i >>> 12) & 7;
  const imm = ((i >> 25) << 5) | ((i >>> 7) & 31);
  const check = address(ctx, reg((i >>> 15) & 31), imm, 'SS', f3, k, d.pc);
  const write = STORE_WRITE[f3].replace('V', reg((i >>> 20) & 31));
  return `${check} ${write} if (((code[o >>> 9] >>> ((o >>> 4) & 31)) & 1) !== 0) { translator.codeWritten(o, ${1 << f3}); ${afterExit} }`;
}

/**
 * The source of instruction `d`, the `k`-th of its block, other than the
 * block-ending branch or jump (emitted by the region compiler). `afterExit`
 * leaves the region with pc after the instruction (used after a store into code).
 */
export function emitInsn(ctx: EmitContext, d: DecodedInsn, k: number, afterExit: string): string {
  const i = d.insn, rd = (i >>> 7) & 31;
  switch ((i >>> 2) & 31) {
    case 0x00: return load(ctx, d, k);
    case 0x03: return ''; // fence: nothing to order in a one-hart machine
    case 0x04: return opImm(i);
    case 0x05: return assign(rd, hex((d.pc + (i & 0xfffff000)) | 0));
    case 0x08: return store(ctx, d, k, afterExit);
    case 0x0c: return op(i);
    case 0x0d: return assign(rd, hex(i & 0xfffff000));
    default: throw new Error(`translator: instruction 0x${(i >>> 0).toString(16)} is not a straight-line one`);
  }
}

/** The condition of a branch as a JavaScript expression. */
export function branchCondition(insn: number): string {
  const a = reg((insn >>> 15) & 31), b = reg((insn >>> 20) & 31);
  switch ((insn >>> 12) & 7) {
    case 0: return `${a} === ${b}`;
    case 1: return `${a} !== ${b}`;
    case 4: return `${a} < ${b}`;
    case 5: return `${a} >= ${b}`;
    case 6: return `(${a} >>> 0) < (${b} >>> 0)`;
    default: return `(${a} >>> 0) >= (${b} >>> 0)`;
  }
}

export { hex };
