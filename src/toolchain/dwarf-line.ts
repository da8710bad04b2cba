// DWARF 3 line information (DWARF 3 spec, 6.2 "Line Number Information") for the
// bare-metal ELF: one compile unit whose .debug_line program lists our line table,
// so objdump -dl, addr2line and gdb map addresses to C lines as the playground does.

import type { LineEntry } from './object.ts';
import { utf8Encode } from './elf.ts';

const DW_TAG_compile_unit = 0x11;
const DW_AT_name = 0x03, DW_AT_stmt_list = 0x10, DW_AT_low_pc = 0x11, DW_AT_high_pc = 0x12, DW_AT_language = 0x13, DW_AT_producer = 0x25;
const DW_FORM_addr = 0x01, DW_FORM_data4 = 0x06, DW_FORM_string = 0x08, DW_FORM_data1 = 0x0b;
const DW_LANG_C99 = 0x0c;
const DW_LNS_copy = 1, DW_LNS_advance_line = 3, DW_LNS_set_file = 4, DW_LNS_set_column = 5;
const DW_LNE_end_sequence = 1, DW_LNE_set_address = 2;

class ByteWriter {
  bytes: number[] = [];
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
  /** Patches a u32 written earlier (unit lengths). */
  setU32(at: number, v: number): void { for (let i = 0; i < 4; i++) this.bytes[at + i] = (v >>> (8 * i)) & 0xff; }
}

export interface DwarfSections { debugAbbrev: Uint8Array; debugInfo: Uint8Array; debugLine: Uint8Array }

/** The three sections describing `lines` (absolute addresses in [lowPc, highPc)). */
export function dwarfLineSections(lines: LineEntry[], name: string, lowPc: number, highPc: number): DwarfSections {
  const abbrev = new ByteWriter().uleb(1).uleb(DW_TAG_compile_unit).u8(0);
  for (const [at, form] of [[DW_AT_name, DW_FORM_string], [DW_AT_stmt_list, DW_FORM_data4], [DW_AT_low_pc, DW_FORM_addr],
    [DW_AT_high_pc, DW_FORM_addr], [DW_AT_language, DW_FORM_data1], [DW_AT_producer, DW_FORM_string]]) abbrev.uleb(at).uleb(form);
  abbrev.u8(0).u8(0).u8(0);
  const info = new ByteWriter().u32(0).u16(3).u32(0).u8(4);
  info.uleb(1).str(name).u32(0).u32(lowPc).u32(highPc).u8(DW_LANG_C99).str('paravirt kernel-C');
  info.setU32(0, info.bytes.length - 4);
  return { debugAbbrev: Uint8Array.from(abbrev.bytes), debugInfo: Uint8Array.from(info.bytes), debugLine: Uint8Array.from(lineProgram(lines, highPc)) };
}

function lineProgram(lines: LineEntry[], highPc: number): number[] {
  const files = [...new Set(lines.map((l) => l.file))];
  const w = new ByteWriter().u32(0).u16(3).u32(0);
  const headerStart = w.bytes.length;
  w.u8(1).u8(1).u8(-5).u8(14).u8(13);
  for (const n of [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1]) w.u8(n); // standard_opcode_lengths
  w.u8(0); // no include directories
  for (const f of files) w.str(f).uleb(0).uleb(0).uleb(0);
  w.u8(0);
  w.setU32(6, w.bytes.length - headerStart);
  let file = 1, line = 1, col = 0;
  for (const l of [...lines].sort((a, b) => a.address - b.address)) {
    w.u8(0).uleb(5).u8(DW_LNE_set_address).u32(l.address);
    const f = files.indexOf(l.file) + 1;
    if (f !== file) { w.u8(DW_LNS_set_file).uleb(f); file = f; }
    if (l.line !== line) { w.u8(DW_LNS_advance_line).sleb(l.line - line); line = l.line; }
    if (l.col !== col) { w.u8(DW_LNS_set_column).uleb(l.col); col = l.col; }
    w.u8(DW_LNS_copy);
  }
  w.u8(0).uleb(5).u8(DW_LNE_set_address).u32(highPc);
  w.u8(0).uleb(1).u8(DW_LNE_end_sequence);
  w.setU32(0, w.bytes.length - 4);
  return w.bytes;
}
