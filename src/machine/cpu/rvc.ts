// The C extension for RV32 (RISC-V unprivileged spec, "C" Standard Extension
// for Compressed Instructions): every 16-bit instruction stands for one 32-bit
// instruction, so the hart expands it and runs the one decoder it has. Which
// encodings are legal follows QEMU 7.2's RV32 decoder for a hart without an
// FPU in use: reserved forms (the all-zero halfword, c.addi4spn with nzuimm 0,
// c.addi16sp/c.lui with 0, c.lwsp into x0, c.jr x0, shifts with shamt[5] set,
// RV64's c.subw/c.addw) and the F/D loads and stores are illegal; hints (a
// write to x0, a shift by 0, c.nop with an immediate) run as the no-ops they are.

import { enc } from './encode.ts';

const OP = 0x33, OP_IMM = 0x13, LOAD = 0x03, STORE = 0x23, JALR = 0x67, LUI = 0x37;
const EBREAK = 0x00100073;
const SP = 2;

/** Bits [hi:lo] of `h`, shifted down. */
function bits(h: number, hi: number, lo: number): number {
  return (h >>> lo) & ((1 << (hi - lo + 1)) - 1);
}

/** The register x8-x15 a 3-bit field (rd', rs1', rs2') names. */
function reg3(h: number, lo: number): number {
  return 8 + bits(h, lo + 2, lo);
}

/** CI-format 6-bit signed immediate: imm[5] at bit 12, imm[4:0] at bits 6:2. */
function immCI(h: number): number {
  return ((bits(h, 12, 12) << 31) >> 26) | bits(h, 6, 2);
}

/** c.j/c.jal offset[11|4|9:8|10|6|7|3:1|5] in bits 12:2, sign-extended. */
function offsetCJ(h: number): number {
  const v = (bits(h, 12, 12) << 11) | (bits(h, 11, 11) << 4) | (bits(h, 10, 9) << 8) | (bits(h, 8, 8) << 10)
    | (bits(h, 7, 7) << 6) | (bits(h, 6, 6) << 7) | (bits(h, 5, 3) << 1) | (bits(h, 2, 2) << 5);
  return (v << 20) >> 20;
}

/** c.beqz/c.bnez offset[8|4:3] in bits 12:10 and [7:6|2:1|5] in bits 6:2, sign-extended. */
function offsetCB(h: number): number {
  const v = (bits(h, 12, 12) << 8) | (bits(h, 11, 10) << 3) | (bits(h, 6, 5) << 6) | (bits(h, 4, 3) << 1)
    | (bits(h, 2, 2) << 5);
  return (v << 23) >> 23;
}

function quadrant0(h: number): number {
  const rdp = reg3(h, 2), rs1p = reg3(h, 7);
  const uimmW = (bits(h, 12, 10) << 3) | (bits(h, 6, 6) << 2) | (bits(h, 5, 5) << 6);
  switch (bits(h, 15, 13)) {
    case 0: { // c.addi4spn: nzuimm[5:4|9:6|2|3]
      const nzuimm = (bits(h, 12, 11) << 4) | (bits(h, 10, 7) << 6) | (bits(h, 6, 6) << 2) | (bits(h, 5, 5) << 3);
      return nzuimm === 0 ? 0 : enc.i(OP_IMM, 0, rdp, SP, nzuimm);
    }
    case 2: return enc.i(LOAD, 2, rdp, rs1p, uimmW); // c.lw
    case 6: return enc.s(STORE, 2, rs1p, rdp, uimmW); // c.sw
    default: return 0; // c.fld, c.flw, reserved, c.fsd, c.fsw
  }
}

/** c.srli, c.srai, c.andi, c.sub, c.xor, c.or, c.and (funct3 100 of quadrant 1). */
function quadrant1Alu(h: number): number {
  const rd = reg3(h, 7), rs2 = reg3(h, 2);
  const wide = bits(h, 12, 12) !== 0;
  switch (bits(h, 11, 10)) {
    case 0: return wide ? 0 : enc.i(OP_IMM, 5, rd, rd, bits(h, 6, 2));
    case 1: return wide ? 0 : enc.i(OP_IMM, 5, rd, rd, 0x400 | bits(h, 6, 2));
    case 2: return enc.i(OP_IMM, 7, rd, rd, immCI(h));
    default: {
      if (wide) return 0; // c.subw/c.addw (RV64) and reserved
      const [f3, f7] = [[0, 0x20], [4, 0], [6, 0], [7, 0]][bits(h, 6, 5)];
      return enc.r(OP, f3, f7, rd, rd, rs2);
    }
  }
}

function quadrant1(h: number): number {
  const rd = bits(h, 11, 7);
  switch (bits(h, 15, 13)) {
    case 0: return enc.i(OP_IMM, 0, rd, rd, immCI(h)); // c.addi, c.nop
    case 1: return enc.j(1, offsetCJ(h)); // c.jal
    case 2: return enc.i(OP_IMM, 0, rd, 0, immCI(h)); // c.li
    case 3: {
      if (bits(h, 12, 12) === 0 && bits(h, 6, 2) === 0) return 0;
      if (rd === SP) { // c.addi16sp: nzimm[9] at bit 12, [4|6|8:7|5] at bits 6:2
        const v = (bits(h, 12, 12) << 9) | (bits(h, 6, 6) << 4) | (bits(h, 5, 5) << 6) | (bits(h, 4, 3) << 7) | (bits(h, 2, 2) << 5);
        return enc.i(OP_IMM, 0, SP, SP, (v << 22) >> 22);
      }
      return enc.u(LUI, rd, immCI(h) << 12); // c.lui
    }
    case 4: return quadrant1Alu(h);
    case 5: return enc.j(0, offsetCJ(h)); // c.j
    case 6: return enc.b(0, reg3(h, 7), 0, offsetCB(h)); // c.beqz
    default: return enc.b(1, reg3(h, 7), 0, offsetCB(h)); // c.bnez
  }
}

/** c.jr, c.mv, c.ebreak, c.jalr, c.add (funct3 100 of quadrant 2). */
function quadrant2Jump(h: number): number {
  const rd = bits(h, 11, 7), rs2 = bits(h, 6, 2);
  if (bits(h, 12, 12) === 0) {
    if (rs2 !== 0) return enc.r(OP, 0, 0, rd, 0, rs2); // c.mv
    return rd === 0 ? 0 : enc.i(JALR, 0, 0, rd, 0); // c.jr
  }
  if (rs2 !== 0) return enc.r(OP, 0, 0, rd, rd, rs2); // c.add
  return rd === 0 ? EBREAK : enc.i(JALR, 0, 1, rd, 0); // c.ebreak, c.jalr
}

function quadrant2(h: number): number {
  const rd = bits(h, 11, 7);
  switch (bits(h, 15, 13)) {
    case 0: return bits(h, 12, 12) !== 0 ? 0 : enc.i(OP_IMM, 1, rd, rd, bits(h, 6, 2)); // c.slli
    case 2: { // c.lwsp: uimm[5] at bit 12, [4:2|7:6] at bits 6:2
      if (rd === 0) return 0;
      return enc.i(LOAD, 2, rd, SP, (bits(h, 12, 12) << 5) | (bits(h, 6, 4) << 2) | (bits(h, 3, 2) << 6));
    }
    case 4: return quadrant2Jump(h);
    case 6: return enc.s(STORE, 2, SP, bits(h, 6, 2), (bits(h, 12, 9) << 2) | (bits(h, 8, 7) << 6)); // c.swsp
    default: return 0; // c.fldsp, c.flwsp, c.fsdsp, c.fswsp
  }
}

/** The 32-bit instruction a 16-bit one stands for, or 0 if it is illegal on this hart. */
export function expandCompressed(halfword: number): number {
  const h = halfword & 0xffff;
  switch (h & 3) {
    case 0: return quadrant0(h) | 0;
    case 1: return quadrant1(h) | 0;
    case 2: return quadrant2(h) | 0;
    default: return 0;
  }
}

/** Every halfword's expansion, so the interpreter expands with one load. */
export const RVC_EXPANSION: Int32Array = (() => {
  const table = new Int32Array(0x10000);
  for (let h = 0; h < 0x10000; h++) if ((h & 3) !== 3) table[h] = expandCompressed(h);
  return table;
})();

/** Bytes in the instruction whose first halfword is the low half of `word`. */
export function instructionLength(word: number): 2 | 4 {
  return (word & 3) === 3 ? 4 : 2;
}
