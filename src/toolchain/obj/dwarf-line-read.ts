// Reads a DWARF 2–4 .debug_line section (DWARF 3 spec, 6.2) back into our line table:
// the state machine runs each unit's program and keeps one row per emitted line.
// Addresses go through `place`, which turns a DW_LNE_set_address operand into a
// section and offset (a relocation in an object, a section lookup in an executable).

import type { LineEntry } from '../asm/object.ts';
import { cString, SHF_ALLOC, SHF_EXECINSTR, type ElfFile } from './elf.ts';

/** Where the address written at `offset` of .debug_line (raw value `raw`) points; undefined if unknown. */
export type PlaceAddress = (offset: number, raw: number) => { section: string; address: number } | undefined;

class ByteReader {
  at = 0;
  constructor(readonly data: Uint8Array, readonly view = new DataView(data.buffer, data.byteOffset, data.byteLength)) {}
  u8(): number { return this.data[this.at++] ?? 0; }
  u16(): number { const v = this.view.getUint16(this.at, true); this.at += 2; return v; }
  u32(): number { const v = this.view.getUint32(this.at, true); this.at += 4; return v; }
  uleb(): number {
    let v = 0, shift = 0, b: number;
    do { b = this.u8(); v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80 && this.at < this.data.length);
    return v;
  }
  sleb(): number {
    let v = 0, shift = 0, b: number;
    do { b = this.u8(); v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80 && this.at < this.data.length);
    return b & 0x40 ? v - 2 ** shift : v;
  }
  str(): string { const s = cString(this.data, this.at); while (this.at < this.data.length && this.data[this.at] !== 0) this.at++; this.at++; return s; }
}

/** The line table of an executable (ours or gcc's): addresses are final, each placed in the code section holding it. */
export function executableLines(elf: ElfFile): LineEntry[] {
  const debugLine = elf.sections.find((s) => s.name === '.debug_line');
  if (!debugLine) return [];
  const code = elf.sections.filter((s) => s.flags & SHF_ALLOC && s.flags & SHF_EXECINSTR);
  return readDebugLine(debugLine.data, (_offset, raw) => {
    const s = code.find((c) => raw >= c.addr && raw <= c.addr + c.size);
    return s ? { section: s.name, address: raw } : undefined;
  });
}

interface Header { end: number; minInst: number; lineBase: number; lineRange: number; opcodeBase: number; lengths: number[]; files: string[] }

/** The rows of every DWARF 2–4 unit in `data`; units of other versions (gcc's DWARF 5) are skipped. */
export function readDebugLine(data: Uint8Array, place: PlaceAddress): LineEntry[] {
  const r = new ByteReader(data);
  const out: LineEntry[] = [];
  while (r.at + 4 <= data.length) {
    const start = r.at;
    const length = r.u32();
    const end = r.at + length;
    if (length >= 0xfffffff0 || end > data.length) break; // 64-bit DWARF or a cut section: nothing more we can read
    const version = r.u16();
    if (version >= 2 && version <= 4) runProgram(r, header(r, version, end), place, out);
    r.at = Math.max(end, start + 4);
  }
  return out;
}

function header(r: ByteReader, version: number, end: number): Header {
  const headerLength = r.u32();
  const programStart = r.at + headerLength;
  const minInst = r.u8();
  if (version >= 4) r.u8(); // maximum_operations_per_instruction (VLIW only)
  r.u8(); // default_is_stmt
  const lineBase = (r.u8() << 24) >> 24;
  const lineRange = r.u8() || 1;
  const opcodeBase = r.u8();
  const lengths = [0];
  for (let i = 1; i < opcodeBase; i++) lengths.push(r.u8());
  const dirs = [''];
  while (r.at < programStart && r.data[r.at] !== 0) dirs.push(r.str());
  r.at++;
  const files = [''];
  while (r.at < programStart && r.data[r.at] !== 0) {
    const name = r.str();
    const dir = dirs[r.uleb()] ?? '';
    r.uleb(); r.uleb(); // modification time, length
    files.push(dir && !name.startsWith('/') ? `${dir}/${name}` : name);
  }
  r.at = programStart;
  return { end, minInst, lineBase, lineRange, opcodeBase, lengths, files };
}

function runProgram(r: ByteReader, h: Header, place: PlaceAddress, out: LineEntry[]): void {
  let section: string | undefined, address = 0, file = 1, line = 1, col = 0;
  const emit = (): void => { if (section !== undefined) out.push({ section, address, file: h.files[file] ?? '', line, col }); };
  const reset = (): void => { section = undefined; address = 0; file = 1; line = 1; col = 0; };
  while (r.at < h.end) {
    const op = r.u8();
    if (op >= h.opcodeBase) {
      const adj = op - h.opcodeBase;
      address += Math.floor(adj / h.lineRange) * h.minInst;
      line += h.lineBase + (adj % h.lineRange);
      emit();
      continue;
    }
    switch (op) {
      case 0: {
        const len = r.uleb();
        const next = r.at + len;
        const sub = r.u8();
        if (sub === 1) { reset(); } // DW_LNE_end_sequence: the row it ends is no line of its own
        else if (sub === 2 && len === 5) { const placed = place(r.at, r.u32()); section = placed?.section; address = placed?.address ?? 0; }
        else if (sub === 3) { h.files.push(r.str()); }
        r.at = next;
        break;
      }
      case 1: emit(); break;
      case 2: address += r.uleb() * h.minInst; break;
      case 3: line += r.sleb(); break;
      case 4: file = r.uleb(); break;
      case 5: col = r.uleb(); break;
      case 8: address += Math.floor((255 - h.opcodeBase) / h.lineRange) * h.minInst; break;
      case 9: address += r.u16(); break;
      default: for (let i = 0; i < (h.lengths[op] ?? 0); i++) r.uleb(); // flags we do not track, or opcodes unknown to us
    }
  }
}
