// Encodes RV32I/M/A + Zicsr + Zifencei base instructions into 32-bit words,
// following the RISC-V Unprivileged ISA (20191213) formats R/I/S/B/U/J and the
// psABI relocations for operands that refer to symbols (%hi, %lo, %pcrel_*, branches).

import type { Operand } from './asm-parse.ts';
import type { Expr, Value } from './asm-expr.ts';
import type { RelocType } from './object.ts';
import { CSR_NUMBERS } from './csr-names.ts';
import { nameTable } from '../name-table.ts';

export class EncodeError extends Error {}

export interface EncodeContext {
  evaluate(e: Expr): Value;
  /** Offset of the instruction being encoded, in its section. */
  pc: number;
  section: string;
  /** Whether `sym` is a label this file defines with local binding (branches to it are resolved here). */
  isLocalLabel(sym: string): boolean;
  reloc(type: RelocType, sym: string, addend: number): void;
}

const R_TYPE: Record<string, [number, number]> = nameTable({
  add: [0, 0], sub: [0x20, 0], sll: [0, 1], slt: [0, 2], sltu: [0, 3], xor: [0, 4], srl: [0, 5], sra: [0x20, 5],
  or: [0, 6], and: [0, 7], mul: [1, 0], mulh: [1, 1], mulhsu: [1, 2], mulhu: [1, 3], div: [1, 4], divu: [1, 5],
  rem: [1, 6], remu: [1, 7],
});
const I_ALU: Record<string, number> = nameTable({ addi: 0, slti: 2, sltiu: 3, xori: 4, ori: 6, andi: 7 });
const SHIFT_I: Record<string, [number, number]> = nameTable({ slli: [0, 1], srli: [0, 5], srai: [0x20, 5] });
const LOADS: Record<string, number> = nameTable({ lb: 0, lh: 1, lw: 2, lbu: 4, lhu: 5 });
const STORES: Record<string, number> = nameTable({ sb: 0, sh: 1, sw: 2 });
const BRANCHES: Record<string, number> = nameTable({ beq: 0, bne: 1, blt: 4, bge: 5, bltu: 6, bgeu: 7 });
const CSR_OPS: Record<string, number> = nameTable({ csrrw: 1, csrrs: 2, csrrc: 3, csrrwi: 5, csrrsi: 6, csrrci: 7 });
const AMO: Record<string, number> = nameTable({
  'lr.w': 0x02, 'sc.w': 0x03, 'amoswap.w': 0x01, 'amoadd.w': 0x00, 'amoxor.w': 0x04, 'amoand.w': 0x0c,
  'amoor.w': 0x08, 'amomin.w': 0x10, 'amomax.w': 0x14, 'amominu.w': 0x18, 'amomaxu.w': 0x1c,
});
const FIXED: Record<string, number> = nameTable({
  ecall: 0x00000073, ebreak: 0x00100073, uret: 0x00200073, sret: 0x10200073, mret: 0x30200073,
  wfi: 0x10500073, 'fence.i': 0x0000100f, 'fence.tso': 0x8330000f,
});

const BASE_MNEMONICS = new Set<string>();

/** Every base mnemonic this encoder knows (pseudo.ts knows the rest). */
export function isBaseMnemonic(mn: string): boolean {
  if (BASE_MNEMONICS.has(mn)) return true;
  const known = mn in R_TYPE || mn in I_ALU || mn in SHIFT_I || mn in LOADS || mn in STORES || mn in BRANCHES ||
    mn in CSR_OPS || mn in FIXED || amoParts(mn) !== undefined ||
    ['lui', 'auipc', 'jal', 'jalr', 'fence', 'sfence.vma'].includes(mn);
  if (known) BASE_MNEMONICS.add(mn);
  return known;
}

function amoParts(mn: string): { f5: number; aq: number; rl: number } | undefined {
  const m = /^((?:lr|sc|amo[a-z]+)\.w)(\.aq|\.rl|\.aqrl)?$/.exec(mn);
  if (!m || !(m[1] in AMO)) return undefined;
  const sfx = m[2] ?? '';
  return { f5: AMO[m[1]], aq: sfx.includes('aq') ? 1 : 0, rl: sfx.includes('rl') ? 1 : 0 };
}

export function encodeBase(mn: string, ops: Operand[], ctx: EncodeContext): number {
  if (mn in R_TYPE) {
    const [f7, f3] = R_TYPE[mn];
    arity(mn, ops, 3);
    return rType(f7, reg(ops[2]), reg(ops[1]), f3, reg(ops[0]), 0x33);
  }
  if (mn in I_ALU) {
    arity(mn, ops, 3);
    return iType(immI(ops[2], ctx), reg(ops[1]), I_ALU[mn], reg(ops[0]), 0x13);
  }
  if (mn in SHIFT_I) {
    const [f7, f3] = SHIFT_I[mn];
    arity(mn, ops, 3);
    return rType(f7, constIn(ops[2], ctx, 0, 31, 'shift amount'), reg(ops[1]), f3, reg(ops[0]), 0x13);
  }
  if (mn in LOADS) {
    arity(mn, ops, 2);
    const m = mem(ops[1]);
    return iType(immI(m.offset, ctx), m.base, LOADS[mn], reg(ops[0]), 0x03);
  }
  if (mn in STORES) {
    arity(mn, ops, 2);
    const m = mem(ops[1]);
    return sType(immS(m.offset, ctx), m.base, reg(ops[0]), STORES[mn]);
  }
  if (mn in BRANCHES) {
    arity(mn, ops, 3);
    return bType(branchOffset(ops[2], ctx, 'R_RISCV_BRANCH', 4096), reg(ops[0]), reg(ops[1]), BRANCHES[mn]);
  }
  return encodeOther(mn, ops, ctx);
}

function encodeOther(mn: string, ops: Operand[], ctx: EncodeContext): number {
  if (mn in FIXED) { arity(mn, ops, 0); return FIXED[mn]; }
  if (mn in CSR_OPS) {
    arity(mn, ops, 3);
    const f3 = CSR_OPS[mn];
    const src = f3 >= 5 ? constIn(ops[2], ctx, 0, 31, 'CSR immediate') : reg(ops[2]);
    return ((csrNumber(ops[1], ctx) << 20) | (src << 15) | (f3 << 12) | (reg(ops[0]) << 7) | 0x73) >>> 0;
  }
  const amo = amoParts(mn);
  if (amo) return encodeAmo(mn, ops, amo);
  switch (mn) {
    case 'lui': case 'auipc': arity(mn, ops, 2); return (immU(mn, ops[1], ctx) << 12 | reg(ops[0]) << 7 | (mn === 'lui' ? 0x37 : 0x17)) >>> 0;
    case 'jal': {
      if (ops.length === 1) return jType(branchOffset(ops[0], ctx, 'R_RISCV_JAL', 1 << 20), 1);
      arity(mn, ops, 2);
      return jType(branchOffset(ops[1], ctx, 'R_RISCV_JAL', 1 << 20), reg(ops[0]));
    }
    case 'jalr': return encodeJalr(ops, ctx);
    case 'fence': {
      if (ops.length === 0) return 0x0ff0000f;
      arity(mn, ops, 2);
      return ((fenceSet(ops[0]) << 24) | (fenceSet(ops[1]) << 20) | 0x0f) >>> 0;
    }
    case 'sfence.vma': {
      const rs1 = ops.length > 0 ? reg(ops[0]) : 0;
      const rs2 = ops.length > 1 ? reg(ops[1]) : 0;
      return (0x12000073 | (rs2 << 20) | (rs1 << 15)) >>> 0;
    }
  }
  throw new EncodeError(`unknown instruction '${mn}'`);
}

function encodeJalr(ops: Operand[], ctx: EncodeContext): number {
  // jalr rs | jalr rd, rs | jalr rd, rs, imm | jalr rd, imm(rs)
  if (ops.length === 1) {
    if (ops[0].kind === 'mem') return iType(immI(ops[0].offset, ctx), ops[0].base, 0, 1, 0x67);
    return iType(0, reg(ops[0]), 0, 1, 0x67);
  }
  if (ops.length === 2) {
    if (ops[1].kind === 'mem') return iType(immI(ops[1].offset, ctx), ops[1].base, 0, reg(ops[0]), 0x67);
    return iType(0, reg(ops[1]), 0, reg(ops[0]), 0x67);
  }
  arity('jalr', ops, 3);
  return iType(immI(ops[2], ctx), reg(ops[1]), 0, reg(ops[0]), 0x67);
}

function encodeAmo(mn: string, ops: Operand[], a: { f5: number; aq: number; rl: number }): number {
  const isLr = mn.startsWith('lr.');
  arity(mn, ops, isLr ? 2 : 3);
  const addr = ops[isLr ? 1 : 2];
  const base = addr.kind === 'mem' ? addr.base : addr.kind === 'reg' ? addr.reg : -1;
  if (base < 0 || (addr.kind === 'mem' && !(addr.offset.kind === 'num' && addr.offset.value === 0))) {
    throw new EncodeError(`'${mn}' takes the address as (register), found '${addr.text}'`);
  }
  const rs2 = isLr ? 0 : reg(ops[1]);
  return ((a.f5 << 27) | (a.aq << 26) | (a.rl << 25) | (rs2 << 20) | (base << 15) | (2 << 12) | (reg(ops[0]) << 7) | 0x2f) >>> 0;
}

function arity(mn: string, ops: Operand[], n: number): void {
  if (ops.length !== n) throw new EncodeError(`'${mn}' takes ${n} operand${n === 1 ? '' : 's'}, found ${ops.length}`);
}

export function reg(op: Operand): number {
  if (op.kind !== 'reg') throw new EncodeError(`a register is expected here, found '${op.text}'`);
  return op.reg;
}

function mem(op: Operand): { offset: Expr; base: number } {
  if (op.kind === 'mem') return op;
  throw new EncodeError(`a memory operand like 'offset(register)' is expected here, found '${op.text}'`);
}

function exprOf(op: Operand | Expr): Expr {
  if ('kind' in op && (op.kind === 'expr')) return op.e;
  if ('kind' in op && (op.kind === 'reg' || op.kind === 'mem')) throw new EncodeError(`an immediate is expected here, found '${op.text}'`);
  return op as Expr;
}

function constIn(op: Operand, ctx: EncodeContext, lo: number, hi: number, what: string): number {
  const v = ctx.evaluate(exprOf(op));
  if (v.sym !== undefined || v.mod) throw new EncodeError(`the ${what} must be a constant, found '${op.text}'`);
  if (v.value < lo || v.value > hi) throw new EncodeError(`${what} ${v.value} is out of range ${lo}..${hi}`);
  return v.value;
}

export function hi20(v: number): number { return ((v + 0x800) >>> 12) & 0xfffff; }
export function lo12(v: number): number { return ((v << 20) >> 20); }

/** 12-bit signed immediate of I-type, or a %lo/%pcrel_lo relocation. */
function immI(op: Operand | Expr, ctx: EncodeContext): number {
  return imm12(op, ctx, 'R_RISCV_LO12_I', 'R_RISCV_PCREL_LO12_I');
}
function immS(op: Operand | Expr, ctx: EncodeContext): number {
  return imm12(op, ctx, 'R_RISCV_LO12_S', 'R_RISCV_PCREL_LO12_S');
}

function imm12(op: Operand | Expr, ctx: EncodeContext, lo: RelocType, pcrelLo: RelocType): number {
  const v = ctx.evaluate(exprOf(op));
  if (v.mod === 'lo' || v.mod === 'pcrel_lo') {
    if (v.sym === undefined) return v.mod === 'lo' ? lo12(v.value) : fail(`%pcrel_lo needs the label of its auipc`);
    ctx.reloc(v.mod === 'lo' ? lo : pcrelLo, v.sym, v.value);
    // gas leaves a %lo addend in the field too (the linker overwrites it).
    return v.mod === 'lo' && v.value >= -2048 && v.value <= 2047 ? v.value : 0;
  }
  if (v.mod) throw new EncodeError(`%${v.mod}(...) gives a 20-bit value; use %lo(...) in this 12-bit field`);
  if (v.sym !== undefined) throw new EncodeError(`'${v.sym}' is an address; a 12-bit field takes %lo(${v.sym})`);
  if (v.value < -2048 || v.value > 2047) throw new EncodeError(`immediate ${v.value} is out of range -2048..2047`);
  return v.value;
}

function immU(mn: string, op: Operand, ctx: EncodeContext): number {
  const v = ctx.evaluate(exprOf(op));
  if (v.mod === 'hi' || v.mod === 'pcrel_hi') {
    if (v.sym === undefined) return v.mod === 'hi' ? hi20(v.value) : fail('%pcrel_hi of a constant is not supported');
    ctx.reloc(v.mod === 'hi' ? 'R_RISCV_HI20' : 'R_RISCV_PCREL_HI20', v.sym, v.value);
    return 0;
  }
  if (v.mod) throw new EncodeError(`%${v.mod}(...) gives a 12-bit value; '${mn}' takes %hi(...) or %pcrel_hi(...)`);
  if (v.sym !== undefined) throw new EncodeError(`'${v.sym}' is an address; '${mn}' takes %hi(${v.sym})`);
  if (v.value < 0 || v.value > 0xfffff) throw new EncodeError(`'${mn}' immediate ${v.value} is out of range 0..1048575`);
  return v.value;
}

function fail(msg: string): never {
  throw new EncodeError(msg);
}

/** pc-relative offset of a branch/jump target: resolved here for local labels, else a relocation. */
function branchOffset(op: Operand, ctx: EncodeContext, type: RelocType, range: number): number {
  const v = ctx.evaluate(exprOf(op));
  if (v.sym === undefined || v.mod) throw new EncodeError(`the target of a jump must be a label, found '${op.text}'`);
  const local = v.section === ctx.section && ctx.isLocalLabel(v.sym);
  if (!local) {
    ctx.reloc(type, v.sym, v.value);
    return 0;
  }
  const off = v.symOffset! + v.value - ctx.pc;
  if (off < -range || off >= range) throw new EncodeError(`jump target '${op.text}' is too far away (${off} bytes; the limit is ±${range})`);
  return off;
}

function csrNumber(op: Operand, ctx: EncodeContext): number {
  if (op.kind === 'expr' && op.e.kind === 'sym' && op.e.name in CSR_NUMBERS) return CSR_NUMBERS[op.e.name];
  if (op.kind === 'expr' && op.e.kind === 'sym') throw new EncodeError(`unknown CSR '${op.e.name}'`);
  return constIn(op, ctx, 0, 4095, 'CSR number');
}

function fenceSet(op: Operand): number {
  const t = op.kind === 'expr' && op.e.kind === 'sym' ? op.e.name : '';
  if (!/^[iorw]+$/.test(t)) throw new EncodeError(`fence takes a set of 'i', 'o', 'r', 'w', found '${op.text}'`);
  return (t.includes('i') ? 8 : 0) | (t.includes('o') ? 4 : 0) | (t.includes('r') ? 2 : 0) | (t.includes('w') ? 1 : 0);
}

function rType(f7: number, rs2: number, rs1: number, f3: number, rd: number, opc: number): number {
  return ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc) >>> 0;
}
function iType(imm: number, rs1: number, f3: number, rd: number, opc: number): number {
  return (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc) >>> 0;
}
function sType(imm: number, rs1: number, rs2: number, f3: number): number {
  return ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | 0x23) >>> 0;
}
function bType(off: number, rs1: number, rs2: number, f3: number): number {
  if (off & 1) throw new EncodeError('branch target is not 2-byte aligned');
  return ((((off >> 12) & 1) << 31) | (((off >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
    (((off >> 1) & 0xf) << 8) | (((off >> 11) & 1) << 7) | 0x63) >>> 0;
}
function jType(off: number, rd: number): number {
  if (off & 1) throw new EncodeError('jump target is not 2-byte aligned');
  return ((((off >> 20) & 1) << 31) | (((off >> 1) & 0x3ff) << 21) | (((off >> 11) & 1) << 20) |
    (((off >> 12) & 0xff) << 12) | (rd << 7) | 0x6f) >>> 0;
}

/** Patches helpers the linker shares: the same field layouts, applied to an existing word. */
export const patch = {
  iImm: (insn: number, imm: number) => ((insn & 0x000fffff) | ((imm & 0xfff) << 20)) >>> 0,
  sImm: (insn: number, imm: number) => ((insn & 0x01fff07f) | (((imm >> 5) & 0x7f) << 25) | ((imm & 0x1f) << 7)) >>> 0,
  uImm: (insn: number, imm20: number) => ((insn & 0xfff) | ((imm20 & 0xfffff) << 12)) >>> 0,
  bOff: (insn: number, off: number) => (bType(off, 0, 0, 0) & 0xfe000f80 | (insn & 0x01fff07f)) >>> 0,
  jOff: (insn: number, off: number) => ((jType(off, 0) & 0xfffff000) | (insn & 0xfff)) >>> 0,
};
