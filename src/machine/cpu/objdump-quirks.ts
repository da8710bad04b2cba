// For the differential tests only: binutils 2.40's objdump (Debian 12's)
// prints register-immediate ALU instructions without their "i" in its default
// alias mode ("add a0,a0,1" for addi). Our disassembler prints the RISC-V
// spec's mnemonics (addi, slli, xori…), which is what a student reads in the
// ISA manual; this maps objdump's spelling onto them before comparing.

const IMMEDIATE_FORM = /^(add|sll|xor|srl|sra|or|and) (\w+),(\w+),(-?\d+|0x[0-9a-f]+)$/;

export function canonicalImmediateMnemonic(objdumpText: string): string {
  return objdumpText.replace(IMMEDIATE_FORM, '$1i $2,$3,$4');
}
