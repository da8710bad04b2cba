// DWARF 3 line information (DWARF 3 spec, 6.2 "Line Number Information"; 6.1.2 and
// 3.1 for the address ranges and compile unit) for our objects and executables: one
// compile unit whose .debug_line program lists the line table, so objdump -dl,
// addr2line and gdb map addresses to C lines. In a relocatable object every address
// is an R_RISCV_32 relocation against its section, as gcc emits them with -mno-relax.

import type { LineEntry } from '../asm/object.ts';
import { utf8Encode } from './elf.ts';
import { Abbrevs, writeFunctionEntries, type PlacedFunction } from './dwarf-info.ts';

const DW_TAG_compile_unit = 0x11;
const DW_AT_name = 0x03, DW_AT_stmt_list = 0x10, DW_AT_low_pc = 0x11, DW_AT_high_pc = 0x12, DW_AT_language = 0x13,
  DW_AT_producer = 0x25, DW_AT_ranges = 0x55;
const DW_FORM_addr = 0x01, DW_FORM_data4 = 0x06, DW_FORM_string = 0x08, DW_FORM_data1 = 0x0b;
const DW_LANG_C99 = 0x0c;
export const DW_LNS_copy = 1, DW_LNS_advance_pc = 2, DW_LNS_advance_line = 3, DW_LNS_set_file = 4, DW_LNS_set_column = 5;
export const DW_LNE_end_sequence = 1, DW_LNE_set_address = 2;
/** Operand counts of the standard opcodes 1..12 (the header's standard_opcode_lengths). */
export const STANDARD_OPCODE_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];
const LINE_BASE = -5, LINE_RANGE = 14, OPCODE_BASE = 13;

/** A word to be relocated: R_RISCV_32 against `section`'s symbol, plus `addend`. */
export interface DebugReloc { offset: number; section: string; addend: number }
export interface DebugSection { name: string; bytes: Uint8Array; relocs: DebugReloc[] }
/** Code covered by the unit: [start, end) in `section` (section offsets in an object, addresses in an executable). */
export interface CodeRange { section: string; start: number; end: number }

export class ByteWriter {
  bytes: number[] = [];
  relocs: DebugReloc[] = [];
  constructor(private readonly relocatable: boolean) {}
  u8(v: number): this { this.bytes.push(v & 0xff); return this; }
  u16(v: number): this { return this.u8(v).u8(v >>> 8); }
  u32(v: number): this { return this.u16(v & 0xffff).u16(v >>> 16); }
  str(s: string): this { this.bytes.push(...utf8Encode(s), 0); return this; }
  uleb(v: number): this {
    do { const b = v & 0x7f; v >>>= 7; this.u8(v ? b | 0x80 : b); } while (v);
    return this;
  }
  sleb(v: number): this {
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }
  /** An address (or a reference into another debug section): relocated in an object, written as is in an executable. */
  addr(section: string, value: number): this {
    if (!this.relocatable) return this.u32(value);
    this.relocs.push({ offset: this.bytes.length, section, addend: value });
    return this.u32(0);
  }
  /** Patches a u32 written earlier (unit lengths). */
  setU32(at: number, v: number): void { for (let i = 0; i < 4; i++) this.bytes[at + i] = (v >>> (8 * i)) & 0xff; }
  done(name: string): DebugSection { return { name, bytes: Uint8Array.from(this.bytes), relocs: this.relocs }; }
}

/** .debug_abbrev, .debug_info, .debug_aranges, .debug_ranges (several code sections only) and
 * .debug_line describing `lines`, which lie in `ranges`; the unit lists `functions` with their
 * variables (dwarf-info.ts) when given. */
export function dwarfLineSections(lines: LineEntry[], ranges: CodeRange[], unit: string, relocatable: boolean,
  functions: readonly PlacedFunction[] = []): DebugSection[] {
  const abbrevs = new Abbrevs();
  const info = infoSection(ranges, unit, relocatable, functions, abbrevs);
  const out = [abbrevSection(ranges.length > 1, functions.length > 0, abbrevs), info, arangesSection(ranges, relocatable)];
  if (ranges.length > 1) out.push(rangesSection(ranges, relocatable));
  out.push(lineSection(lines, ranges, relocatable));
  return out;
}

function attributes(manyRanges: boolean): number[][] {
  const pc = manyRanges ? [[DW_AT_low_pc, DW_FORM_addr], [DW_AT_ranges, DW_FORM_data4]] : [[DW_AT_low_pc, DW_FORM_addr], [DW_AT_high_pc, DW_FORM_addr]];
  return [[DW_AT_name, DW_FORM_string], [DW_AT_stmt_list, DW_FORM_data4], ...pc, [DW_AT_language, DW_FORM_data1], [DW_AT_producer, DW_FORM_string]];
}

function abbrevSection(manyRanges: boolean, children: boolean, more: Abbrevs): DebugSection {
  const w = new ByteWriter(false).uleb(1).uleb(DW_TAG_compile_unit).u8(children ? 1 : 0);
  for (const [at, form] of attributes(manyRanges)) w.uleb(at).uleb(form);
  w.u8(0).u8(0);
  more.write(w);
  return w.u8(0).done('.debug_abbrev');
}

function infoSection(ranges: CodeRange[], unit: string, relocatable: boolean, functions: readonly PlacedFunction[], abbrevs: Abbrevs): DebugSection {
  const w = new ByteWriter(relocatable).u32(0).u16(3).addr('.debug_abbrev', 0).u8(4);
  w.uleb(1).str(unit).addr('.debug_line', 0);
  // With several sections the unit's base address is 0 and its ranges list the sections, as gcc does.
  if (ranges.length > 1) w.u32(0).addr('.debug_ranges', 0);
  else w.addr(ranges[0].section, ranges[0].start).addr(ranges[0].section, ranges[0].end);
  w.u8(DW_LANG_C99).str('paravirt kernel-C');
  if (functions.length) {
    writeFunctionEntries(w, abbrevs, functions);
    w.u8(0); // the end of the unit's children
  }
  w.setU32(0, w.bytes.length - 4);
  return w.done('.debug_info');
}

/** The address-to-unit index (6.1.2): binutils finds the unit of an address here first. */
function arangesSection(ranges: CodeRange[], relocatable: boolean): DebugSection {
  const w = new ByteWriter(relocatable).u32(0).u16(2).addr('.debug_info', 0).u8(4).u8(0).u32(0); // tuples start 8-aligned
  for (const r of ranges) w.addr(r.section, r.start).u32(r.end - r.start);
  w.u32(0).u32(0);
  w.setU32(0, w.bytes.length - 4);
  return w.done('.debug_aranges');
}

function rangesSection(ranges: CodeRange[], relocatable: boolean): DebugSection {
  const w = new ByteWriter(relocatable);
  for (const r of ranges) w.addr(r.section, r.start).addr(r.section, r.end);
  return w.u32(0).u32(0).done('.debug_ranges');
}

function lineSection(lines: LineEntry[], ranges: CodeRange[], relocatable: boolean): DebugSection {
  const files = new Map<string, number>();
  for (const l of lines) if (!files.has(l.file)) files.set(l.file, files.size + 1);
  const w = new ByteWriter(relocatable).u32(0).u16(3).u32(0);
  const headerStart = w.bytes.length;
  w.u8(1).u8(1).u8(LINE_BASE).u8(LINE_RANGE).u8(OPCODE_BASE);
  for (const n of STANDARD_OPCODE_LENGTHS) w.u8(n);
  w.u8(0); // no include directories
  for (const f of files.keys()) w.str(f).uleb(0).uleb(0).uleb(0);
  w.u8(0);
  w.setU32(6, w.bytes.length - headerStart);
  for (const r of ranges) {
    const rows = lines.filter((l) => l.section === r.section).sort((a, b) => a.address - b.address);
    if (rows.length) sequence(w, rows, r, files);
  }
  w.setU32(0, w.bytes.length - 4);
  return w.done('.debug_line');
}

/** One sequence: a single relocated start address, then advances (nothing moves code after us: no relaxation). */
function sequence(w: ByteWriter, rows: LineEntry[], range: CodeRange, files: Map<string, number>): void {
  let address = rows[0].address, file = 1, line = 1, col = 0;
  w.u8(0).uleb(5).u8(DW_LNE_set_address).addr(range.section, address);
  for (const l of rows) {
    if (l.address > address) { w.u8(DW_LNS_advance_pc).uleb(l.address - address); address = l.address; }
    const f = files.get(l.file)!;
    if (f !== file) { w.u8(DW_LNS_set_file).uleb(f); file = f; }
    if (l.line !== line) { w.u8(DW_LNS_advance_line).sleb(l.line - line); line = l.line; }
    if (l.col !== col) { w.u8(DW_LNS_set_column).uleb(l.col); col = l.col; }
    w.u8(DW_LNS_copy);
  }
  if (range.end > address) w.u8(DW_LNS_advance_pc).uleb(range.end - address);
  w.u8(0).uleb(1).u8(DW_LNE_end_sequence);
}
