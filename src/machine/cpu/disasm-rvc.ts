// The 16-bit (RV32C) half of the disassembler, as GNU objdump 2.40 prints
// compressed code: with `-M no-aliases` the c.* mnemonic and its operands
// (c.addi a0,1); by default the 32-bit instruction it stands for, with
// objdump's aliases (addi a0,a0,1, mv, ret, beqz…), except for hints, which
// keep their c.* spelling (c.li zero,5, c.slli64 a0, c.nop 3). Operand values
// come from the expansion, so this file only names and arranges them.

import { ABI_REGISTER_NAMES as R } from '../../protocol/cpu-state.ts';

const ALU = ['c.sub', 'c.xor', 'c.or', 'c.and'];

function bits(h: number, hi: number, lo: number): number {
  return (h >>> lo) & ((1 << (hi - lo + 1)) - 1);
}

/** c.srli/c.srai/c.slli, or their "64" hint forms when the shift amount is 0. */
function shiftName(h: number, name: string): string {
  return bits(h, 12, 12) === 0 && bits(h, 6, 2) === 0 ? `${name}64` : name;
}

function quadrant1Name(h: number): string {
  switch (bits(h, 15, 13)) {
    case 0: return 'c.addi';
    case 1: return 'c.jal';
    case 2: return 'c.li';
    case 3: return bits(h, 11, 7) === 2 ? 'c.addi16sp' : 'c.lui';
    case 4: {
      const kind = bits(h, 11, 10);
      if (kind === 0) return shiftName(h, 'c.srli');
      if (kind === 1) return shiftName(h, 'c.srai');
      return kind === 2 ? 'c.andi' : ALU[bits(h, 6, 5)];
    }
    case 5: return 'c.j';
    case 6: return 'c.beqz';
    default: return 'c.bnez';
  }
}

function quadrant2Name(h: number): string {
  switch (bits(h, 15, 13)) {
    case 0: return shiftName(h, 'c.slli');
    case 2: return 'c.lwsp';
    case 6: return 'c.swsp';
    default: {
      const rs2 = bits(h, 6, 2);
      if (bits(h, 12, 12) === 0) return rs2 === 0 ? 'c.jr' : 'c.mv';
      if (rs2 !== 0) return 'c.add';
      return bits(h, 11, 7) === 0 ? 'c.ebreak' : 'c.jalr';
    }
  }
}

/** The c.* mnemonic of a legal compressed instruction. */
function compressedName(h: number): string {
  if ((h & 3) === 0) return ['c.addi4spn', '', 'c.lw', '', '', '', 'c.sw'][bits(h, 15, 13)];
  return (h & 3) === 1 ? quadrant1Name(h) : quadrant2Name(h);
}

/** Branch and jump targets: absolute hex, as objdump prints them without symbols. */
function target(pc: number, offset: number): string {
  return ((pc + offset) >>> 0).toString(16);
}

/** The operands of `name`, read from the expansion `e` (a legal RV32 instruction). */
function operands(name: string, e: number, pc: number): string {
  const rd = R[(e >>> 7) & 31], rs1 = R[(e >>> 15) & 31], rs2 = R[(e >>> 20) & 31];
  const immI = e >> 20, immS = ((e >> 25) << 5) | ((e >>> 7) & 31);
  switch (name) {
    case 'c.addi4spn': return `${rd},sp,${immI}`;
    case 'c.lw': case 'c.lwsp': return `${rd},${immI}(${rs1})`;
    case 'c.sw': case 'c.swsp': return `${rs2},${immS}(${rs1})`;
    case 'c.addi': case 'c.li': case 'c.andi': return `${rd},${immI}`;
    case 'c.addi16sp': return `sp,${immI}`;
    case 'c.lui': return `${rd},0x${(e >>> 12).toString(16)}`;
    case 'c.srli': case 'c.srai': case 'c.slli': return `${rd},0x${((e >>> 20) & 31).toString(16)}`;
    case 'c.srli64': case 'c.srai64': case 'c.slli64': return rd;
    case 'c.jal': case 'c.j':
      return target(pc, ((e >> 31) << 20) | (e & 0xff000) | ((e >>> 9) & 0x800) | ((e >>> 20) & 0x7fe));
    case 'c.beqz': case 'c.bnez':
      return `${rs1},${target(pc, ((e >> 31) << 12) | ((e << 4) & 0x800) | ((e >>> 20) & 0x7e0) | ((e >>> 7) & 0x1e))}`;
    case 'c.jr': case 'c.jalr': return rs1;
    case 'c.ebreak': return '';
    default: return `${rd},${rs2}`; // c.sub, c.xor, c.or, c.and, c.mv, c.add
  }
}

/** `-M no-aliases` text of the legal compressed instruction `h` expanding to `e`. */
export function compressedText(h: number, e: number, pc: number): string {
  const name = compressedName(h);
  const ops = operands(name, e, pc);
  return ops === '' ? name : `${name} ${ops}`;
}

/** Hints that objdump prints in their c.* form even with aliases: a write to x0, a shift by 0. */
function isHint(name: string, h: number): boolean {
  if (name.endsWith('64')) return true;
  const toZero = bits(h, 11, 7) === 0;
  return toZero && (name === 'c.li' || name === 'c.lui' || name === 'c.mv' || name === 'c.add' || name === 'c.slli');
}

/**
 * Default-mode text where objdump does not print the expansion the way the
 * 32-bit disassembler would; undefined where it does (disassemble the expansion).
 */
export function compressedAliasText(h: number, e: number, pc: number): string | undefined {
  const name = compressedName(h);
  if (isHint(name, h)) return compressedText(h, e, pc);
  const rd = R[(e >>> 7) & 31];
  if (name === 'c.mv') return `mv ${rd},${R[(e >>> 20) & 31]}`;
  if (name === 'c.addi') {
    const toZero = ((e >>> 7) & 31) === 0, imm = e >> 20;
    if (toZero && imm !== 0) return `c.nop ${imm}`;
    if (!toZero && imm === 0) return `addi ${rd},${rd},0`; // not "mv": objdump keeps the addi
  }
  return undefined;
}
