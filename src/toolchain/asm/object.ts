// The relocatable object format between the assembler and the linker: sections
// of bytes, symbols, RISC-V ELF psABI relocations, and a line table. It maps
// one-to-one onto an ELF32 REL file (see elf.ts), so gcc's objects can be read too.

import type { SourceLoc } from '../preprocess/token.ts';
import type { Obj } from '../parse/ast.ts';

/** Relocation types of the RISC-V ELF psABI, with their ELF numbers. */
export const R_RISCV = {
  R_RISCV_NONE: 0,
  R_RISCV_32: 1,
  R_RISCV_BRANCH: 16,
  R_RISCV_JAL: 17,
  R_RISCV_CALL: 18,
  R_RISCV_CALL_PLT: 19,
  R_RISCV_PCREL_HI20: 23,
  R_RISCV_PCREL_LO12_I: 24,
  R_RISCV_PCREL_LO12_S: 25,
  R_RISCV_HI20: 26,
  R_RISCV_LO12_I: 27,
  R_RISCV_LO12_S: 28,
  R_RISCV_ADD32: 35,
  R_RISCV_SUB32: 39,
  R_RISCV_RELAX: 51,
} as const;
export type RelocType = keyof typeof R_RISCV;

export interface Reloc {
  /** Byte offset of the patched field (an instruction or a data word) in its section. */
  offset: number;
  type: RelocType;
  /** Name of the referenced symbol (a label, a global, or a section name for section-relative references). */
  symbol: string;
  addend: number;
  /** Where it was written, for "undefined reference" diagnostics. */
  loc?: SourceLoc;
}

export type SectionKind = 'text' | 'rodata' | 'data' | 'bss' | 'other';

export interface Section {
  name: string;
  kind: SectionKind;
  /** Alignment in bytes (a power of two). */
  align: number;
  /** Contents; for bss only `size` counts. */
  bytes: Uint8Array;
  size: number;
  relocs: Reloc[];
}

export type SymbolBinding = 'local' | 'global' | 'weak';
export type SymbolType = 'notype' | 'func' | 'object' | 'section';

export interface ObjSymbol {
  name: string;
  /** Defining section's name; undefined for an undefined (external) symbol, '*ABS*' for absolute. */
  section?: string;
  value: number;
  size: number;
  binding: SymbolBinding;
  type: SymbolType;
}

/** One row of the line table: code from `address` on belongs to file:line. */
export interface LineEntry {
  section: string;
  address: number;
  file: string;
  line: number;
  col: number;
}

export interface ObjectFile {
  /** Name of the source (for diagnostics), e.g. "driver.c" or "driver.s". */
  file: string;
  sections: Section[];
  symbols: ObjSymbol[];
  lines: LineEntry[];
  /** The C functions compiled into it, their variables' frame slots assigned: the source of
   * the DWARF variable info (.debug_info). Absent for assembly and for objects read from ELF. */
  functions?: Obj[];
}

/** Section kind from its name, as GNU ld's default script groups input sections. */
export function sectionKind(name: string): SectionKind {
  if (name === '.text' || name.startsWith('.text.')) return 'text';
  if (/^\.s?rodata(\.|$)/.test(name)) return 'rodata';
  if (/^\.s?data(\.|$)/.test(name)) return 'data';
  if (/^\.s?bss(\.|$)/.test(name) || name === 'COMMON') return 'bss';
  return 'other';
}
