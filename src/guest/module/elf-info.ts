// Reading a module object before anything is allocated (Linux's
// elf_validity_check and setup_load_info): the file must be an RV32 ELF
// relocatable object with a symbol table, built for the soft-float ABI the
// guest kernel uses. Every refusal is one line saying what to change.

import { readElf, readSymbols, ElfFormatError, ET_REL, SHT_SYMTAB, SHT_RELA, type ElfFile, type ElfSymbol } from '../../toolchain/obj/elf.ts';

export const SHT_REL = 9;
const EF_RISCV_FLOAT_ABI = 0x6, EF_RISCV_RVE = 0x8;

export interface LoadInfo {
  elf: ElfFile;
  /** The symbol table; index 0 is the null symbol, as in the file. */
  symbols: ElfSymbol[];
}

/** The parsed object, or the reason (one line) it cannot be a module. */
export function readModuleElf(bytes: Uint8Array): LoadInfo | string {
  let elf: ElfFile;
  try {
    elf = readElf(bytes);
  } catch (err) {
    if (err instanceof ElfFormatError) return err.message;
    throw err;
  }
  if (elf.type !== ET_REL) return `not a relocatable object (ELF type ${elf.type}, a module has type 1): build it with gcc -c, without linking`;
  if (elf.flags & EF_RISCV_FLOAT_ABI) return 'built for a hard-float ABI, and the kernel has no FPU: build it with -mabi=ilp32';
  if (elf.flags & EF_RISCV_RVE) return 'built for RV32E (16 registers): build it with -march=rv32imac_zicsr -mabi=ilp32';
  if (!elf.sections.some((s) => s.type === SHT_SYMTAB)) return 'no symbol table (was it stripped?): load the object gcc -c wrote';
  const rel = elf.sections.find((s) => s.type === SHT_REL);
  if (rel) return `section ${rel.name} holds REL relocations, which RISC-V does not use (RELA only)`;
  const symbols = readSymbols(elf);
  for (const s of elf.sections) {
    if (s.link >= elf.sections.length || (s.type === SHT_RELA && s.info >= elf.sections.length)) return `section ${s.name} refers to a section that does not exist`;
  }
  return { elf, symbols };
}
