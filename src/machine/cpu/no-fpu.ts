// The hart has no F or D extension (as if QEMU's mstatus.FS stayed Off): an
// FP instruction or an access to fflags/frm/fcsr is an illegal instruction.
// A program built for a hard-float ABI usually dies on it, so the machine
// says why once per boot, besides the trap the guest's handler sees.

/** The line the machine status shows the first time a program runs an FP instruction. */
export const NO_FPU_NOTICE = 'this board has no FPU: build with -march=rv32imac -mabi=ilp32';

/** Major opcodes LOAD-FP, STORE-FP, FMADD, FMSUB, FNMSUB, FNMADD and OP-FP. */
const FP_OPCODES = new Set([0x07, 0x27, 0x43, 0x47, 0x4b, 0x4f, 0x53]);

/** Whether `insn` (32-bit, or 16-bit compressed) is an F/D instruction or a CSR access to fflags, frm or fcsr. */
export function isFloatingPointInstruction(insn: number): boolean {
  if ((insn & 3) !== 3) return isCompressedFloatingPoint(insn & 0xffff);
  const opcode = insn & 0x7f;
  if (FP_OPCODES.has(opcode)) return true;
  const f3 = (insn >>> 12) & 7;
  const csr = insn >>> 20;
  return opcode === 0x73 && f3 !== 0 && f3 !== 4 && csr >= 1 && csr <= 3;
}

/** c.fld, c.flw, c.fsd, c.fsw and their sp-relative forms (RV32 quadrants 0 and 2, odd funct3). */
function isCompressedFloatingPoint(insn: number): boolean {
  const quadrant = insn & 3;
  return (quadrant === 0 || quadrant === 2) && ((insn >>> 13) & 1) === 1;
}
