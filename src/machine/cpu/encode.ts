// RV32 instruction encoders (unprivileged spec ch. 2, "Base Instruction
// Formats"), for tests that hand-assemble short programs for the hart.

export const enc = {
  r(opcode: number, f3: number, f7: number, rd: number, rs1: number, rs2: number): number {
    return ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opcode) >>> 0;
  },
  i(opcode: number, f3: number, rd: number, rs1: number, imm: number): number {
    return (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opcode) >>> 0;
  },
  s(opcode: number, f3: number, rs1: number, rs2: number, imm: number): number {
    return ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | opcode) >>> 0;
  },
  b(f3: number, rs1: number, rs2: number, imm: number): number {
    const bits = (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3f) << 25) | (((imm >> 1) & 0xf) << 8) | (((imm >> 11) & 1) << 7);
    return (bits | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | 0x63) >>> 0;
  },
  u(opcode: number, rd: number, imm: number): number {
    return ((imm & 0xfffff000) | (rd << 7) | opcode) >>> 0;
  },
  j(rd: number, imm: number): number {
    const bits = (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 11) & 1) << 20) | (imm & 0xff000);
    return (bits | (rd << 7) | 0x6f) >>> 0;
  },
};

const OP = 0x33, OP_IMM = 0x13, LOAD = 0x03, STORE = 0x23, SYSTEM = 0x73, AMO = 0x2f;

/** Named instructions used by the tests (operands in assembly order). */
export const asm = {
  addi: (rd: number, rs1: number, imm: number) => enc.i(OP_IMM, 0, rd, rs1, imm),
  slli: (rd: number, rs1: number, sh: number) => enc.i(OP_IMM, 1, rd, rs1, sh),
  srli: (rd: number, rs1: number, sh: number) => enc.i(OP_IMM, 5, rd, rs1, sh),
  srai: (rd: number, rs1: number, sh: number) => enc.i(OP_IMM, 5, rd, rs1, sh | 0x400),
  slti: (rd: number, rs1: number, imm: number) => enc.i(OP_IMM, 2, rd, rs1, imm),
  sltiu: (rd: number, rs1: number, imm: number) => enc.i(OP_IMM, 3, rd, rs1, imm),
  lui: (rd: number, imm: number) => enc.u(0x37, rd, imm),
  auipc: (rd: number, imm: number) => enc.u(0x17, rd, imm),
  /** R-type ALU op by (funct3, funct7): add 0/0, sub 0/0x20, mul 0/1, div 4/1 … */
  op: (f3: number, f7: number, rd: number, rs1: number, rs2: number) => enc.r(OP, f3, f7, rd, rs1, rs2),
  lb: (rd: number, rs1: number, imm: number) => enc.i(LOAD, 0, rd, rs1, imm),
  lh: (rd: number, rs1: number, imm: number) => enc.i(LOAD, 1, rd, rs1, imm),
  lw: (rd: number, rs1: number, imm: number) => enc.i(LOAD, 2, rd, rs1, imm),
  lbu: (rd: number, rs1: number, imm: number) => enc.i(LOAD, 4, rd, rs1, imm),
  lhu: (rd: number, rs1: number, imm: number) => enc.i(LOAD, 5, rd, rs1, imm),
  sb: (rs2: number, rs1: number, imm: number) => enc.s(STORE, 0, rs1, rs2, imm),
  sh: (rs2: number, rs1: number, imm: number) => enc.s(STORE, 1, rs1, rs2, imm),
  sw: (rs2: number, rs1: number, imm: number) => enc.s(STORE, 2, rs1, rs2, imm),
  beq: (rs1: number, rs2: number, imm: number) => enc.b(0, rs1, rs2, imm),
  bne: (rs1: number, rs2: number, imm: number) => enc.b(1, rs1, rs2, imm),
  jal: (rd: number, imm: number) => enc.j(rd, imm),
  jalr: (rd: number, rs1: number, imm: number) => enc.i(0x67, 0, rd, rs1, imm),
  ecall: () => 0x00000073,
  ebreak: () => 0x00100073,
  mret: () => 0x30200073,
  wfi: () => 0x10500073,
  fence: () => 0x0ff0000f,
  fenceI: () => 0x0000100f,
  /** csrrw 1, csrrs 2, csrrc 3, +4 for the immediate forms (rs1 is then uimm). */
  csr: (f3: number, rd: number, csr: number, rs1: number) => enc.i(SYSTEM, f3, rd, rs1, csr),
  /** AMO by funct5: lr 0x02, sc 0x03, swap 0x01, add 0x00, xor 0x04, and 0x0c, or 0x08, min 0x10, max 0x14, minu 0x18, maxu 0x1c. */
  amo: (funct5: number, rd: number, rs1: number, rs2: number) => enc.r(AMO, 2, funct5 << 2, rd, rs1, rs2),
};
