// ObjectFile ⇄ ELF32 REL (.o), so our objects can be inspected with objdump
// or linked by GNU ld, and gcc's objects can be read by our linker (and insmod).
// The line table travels in a `.paravirt.lines` section (format in encodeLines).

import type { ObjectFile, ObjSymbol, Section, LineEntry, RelocType } from './object.ts';
import { R_RISCV, sectionKind } from './object.ts';
import {
  writeElf, readElf, readSymbols, section, symtabBytes, StringTable, cString, ElfFormatError, type ElfSection, type ElfSymbol,
  ET_REL, SHT_PROGBITS, SHT_NOBITS, SHT_RELA, SHT_SYMTAB, SHT_STRTAB, SHF_ALLOC, SHF_WRITE, SHF_EXECINSTR, SHF_INFO_LINK,
  STB_LOCAL, STB_GLOBAL, STB_WEAK, STT_NOTYPE, STT_OBJECT, STT_FUNC, STT_SECTION, STT_FILE, SHN_UNDEF, SHN_ABS, SHN_COMMON,
} from './elf.ts';

export const LINES_SECTION = '.paravirt.lines';
const RELOC_NAMES = new Map<number, RelocType>(Object.entries(R_RISCV).map(([k, v]) => [v, k as RelocType]));

export function sectionFlags(s: Section): number {
  switch (s.kind) {
    case 'text': return SHF_ALLOC | SHF_EXECINSTR;
    case 'data': case 'bss': return SHF_ALLOC | SHF_WRITE;
    case 'rodata': return SHF_ALLOC;
    default: return 0;
  }
}

export function writeRelocatable(obj: ObjectFile): Uint8Array {
  const strtab = new StringTable();
  const secs = obj.sections;
  const secIndex = new Map(secs.map((s, i) => [s.name, i + 1]));
  const syms: ElfSymbol[] = [{ name: '', value: 0, size: 0, bind: 0, type: 0, shndx: 0 }];
  syms.push({ name: obj.file, value: 0, size: 0, bind: STB_LOCAL, type: STT_FILE, shndx: SHN_ABS });
  secs.forEach((s, i) => syms.push({ name: '', value: 0, size: 0, bind: STB_LOCAL, type: STT_SECTION, shndx: i + 1 }));
  const ordered = [...obj.symbols.filter((s) => s.binding === 'local'), ...obj.symbols.filter((s) => s.binding !== 'local')];
  const firstGlobal = syms.length + obj.symbols.filter((s) => s.binding === 'local').length;
  const symIndex = new Map<string, number>();
  for (const s of ordered) {
    symIndex.set(s.name, syms.length);
    const shndx = s.section === undefined ? SHN_UNDEF : s.section === '*ABS*' ? SHN_ABS : secIndex.get(s.section) ?? SHN_UNDEF;
    syms.push({ name: s.name, value: s.value, size: s.size, bind: { local: STB_LOCAL, global: STB_GLOBAL, weak: STB_WEAK }[s.binding],
      type: { notype: STT_NOTYPE, object: STT_OBJECT, func: STT_FUNC, section: STT_SECTION }[s.type], shndx });
  }
  const symtabIndex = secs.length + secs.filter((s) => s.relocs.length).length + 1;
  const out: ElfSection[] = secs.map((s) => section({
    name: s.name, type: s.kind === 'bss' ? SHT_NOBITS : SHT_PROGBITS, flags: sectionFlags(s),
    data: s.kind === 'bss' ? new Uint8Array(0) : s.bytes, size: s.size, align: s.align,
  }));
  secs.forEach((s, i) => {
    if (!s.relocs.length) return;
    const data = new Uint8Array(12 * s.relocs.length);
    const d = new DataView(data.buffer);
    s.relocs.forEach((r, k) => {
      const idx = symIndex.get(r.symbol);
      if (idx === undefined) throw new Error(`relocation against unknown symbol '${r.symbol}'`);
      d.setUint32(12 * k, r.offset, true);
      d.setUint32(12 * k + 4, (idx << 8) | R_RISCV[r.type], true);
      d.setInt32(12 * k + 8, r.addend, true);
    });
    out.push(section({ name: `.rela${s.name}`, type: SHT_RELA, flags: SHF_INFO_LINK, data, align: 4, link: symtabIndex, info: i + 1, entsize: 12 }));
  });
  const symData = symtabBytes(syms, strtab);
  out.push(section({ name: '.symtab', type: SHT_SYMTAB, data: symData, align: 4, link: symtabIndex + 1, info: firstGlobal, entsize: 16 }));
  out.push(section({ name: '.strtab', type: SHT_STRTAB, data: strtab.bytes() }));
  if (obj.lines.length) out.push(section({ name: LINES_SECTION, type: SHT_PROGBITS, data: encodeLines(obj.lines), align: 4 }));
  return writeElf({ type: ET_REL, entry: 0, sections: out });
}

/** `.paravirt.lines`: "PVL1", u32 count of strings, the strings NUL-terminated (padded to 4),
 * u32 count of rows, rows of u32 {section string, file string, address, line, column}. */
export function encodeLines(lines: LineEntry[]): Uint8Array {
  const strings: string[] = [];
  const idx = (s: string): number => { let i = strings.indexOf(s); if (i < 0) { i = strings.length; strings.push(s); } return i; };
  const rows = lines.map((l) => [idx(l.section), idx(l.file), l.address, l.line, l.col]);
  const st = new StringTable();
  const offs = strings.map((s) => st.add(s));
  const strBytes = st.bytes();
  const strLen = Math.ceil(strBytes.length / 4) * 4;
  const out = new Uint8Array(12 + 4 * strings.length + strLen + 20 * rows.length);
  const d = new DataView(out.buffer);
  [0x50, 0x56, 0x4c, 0x31].forEach((b, i) => d.setUint8(i, b));
  d.setUint32(4, strings.length, true);
  offs.forEach((o, i) => d.setUint32(8 + 4 * i, o, true));
  let o = 8 + 4 * strings.length;
  d.setUint32(o, strLen, true);
  out.set(strBytes, o + 4);
  o += 4 + strLen;
  rows.forEach((r) => { r.forEach((v) => { d.setUint32(o, v >>> 0, true); o += 4; }); });
  return out;
}

export function decodeLines(data: Uint8Array): LineEntry[] {
  const d = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 12 || cString(data.subarray(0, 4), 0) !== 'PVL1') throw new ElfFormatError('bad .paravirt.lines section');
  const n = d.getUint32(4, true);
  const offs = Array.from({ length: n }, (_, i) => d.getUint32(8 + 4 * i, true));
  let o = 8 + 4 * n;
  const strLen = d.getUint32(o, true);
  const strBytes = data.subarray(o + 4, o + 4 + strLen);
  const strings = offs.map((x) => cString(strBytes, x));
  o += 4 + strLen;
  const out: LineEntry[] = [];
  for (; o + 20 <= data.length; o += 20) {
    const v = (k: number): number => d.getUint32(o + 4 * k, true);
    out.push({ section: strings[v(0)], file: strings[v(1)], address: v(2), line: v(3), col: v(4) });
  }
  return out;
}

/** Reads an ELF REL object (ours or gcc's) into an ObjectFile. Throws ElfFormatError, and only that. */
export function readRelocatable(bytes: Uint8Array, file: string): ObjectFile {
  try {
    return readRelocatableUnchecked(bytes, file);
  } catch (err) {
    if (err instanceof ElfFormatError) throw err;
    throw new ElfFormatError(`${file} is not a valid ELF object (${err instanceof Error ? err.message : String(err)})`);
  }
}

function readRelocatableUnchecked(bytes: Uint8Array, file: string): ObjectFile {
  const elf = readElf(bytes);
  if (elf.type !== ET_REL) throw new ElfFormatError(`${file} is not a relocatable object (ELF type ${elf.type})`);
  const kept = new Map<number, Section>();
  elf.sections.forEach((s, i) => {
    if (!(s.flags & SHF_ALLOC) || (s.type !== SHT_PROGBITS && s.type !== SHT_NOBITS)) return;
    if (s.name === '.eh_frame' || s.name.startsWith('.note')) return; // unwind tables and notes: not loaded by us
    const kind = sectionKind(s.name) !== 'other' ? sectionKind(s.name) : s.flags & SHF_EXECINSTR ? 'text' : s.type === SHT_NOBITS ? 'bss' : s.flags & SHF_WRITE ? 'data' : 'rodata';
    kept.set(i, { name: s.name, kind, align: Math.max(1, s.align), bytes: s.data, size: s.size, relocs: [] });
  });
  const elfSyms = readSymbols(elf);
  // Local names may repeat (gas names every pcrel label ".L0 "): make them unique per object.
  const count = new Map<string, number>();
  for (const s of elfSyms) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const names = elfSyms.map((s, i) => (s.type === STT_SECTION ? elf.sections[s.shndx]?.name ?? `sec${i}`
    : s.bind === STB_LOCAL && (count.get(s.name)! > 1 || s.name === '') ? `${s.name}\u0002${i}` : s.name));
  const symbols = convertSymbols(elfSyms, names, kept);
  for (const rs of elf.sections.filter((s) => s.type === SHT_RELA)) {
    const target = kept.get(rs.info);
    if (!target) continue;
    const d = new DataView(rs.data.buffer, rs.data.byteOffset, rs.data.byteLength);
    for (let o = 0; o + 12 <= rs.data.length; o += 12) {
      const info = d.getUint32(o + 4, true);
      const typeNum = info & 0xff;
      if (typeNum === R_RISCV.R_RISCV_RELAX || typeNum === 43 /* R_RISCV_ALIGN */ || typeNum === 0) continue;
      const type = RELOC_NAMES.get(typeNum);
      if (!type) throw new ElfFormatError(`${file}: relocation type ${typeNum} is not supported`);
      target.relocs.push({ offset: d.getUint32(o, true), type, symbol: names[info >>> 8], addend: d.getInt32(o + 8, true) });
    }
  }
  const lines = elf.sections.find((s) => s.name === LINES_SECTION);
  return { file, sections: [...kept.values()], symbols, lines: lines ? decodeLines(lines.data) : [] };
}

function convertSymbols(elfSyms: ElfSymbol[], names: string[], kept: Map<number, Section>): ObjSymbol[] {
  const out: ObjSymbol[] = [];
  let common: Section | undefined;
  elfSyms.forEach((s, i) => {
    if (i === 0 || s.type === STT_FILE) return;
    const binding = s.bind === STB_GLOBAL ? 'global' : s.bind === STB_WEAK ? 'weak' : 'local';
    const type = s.type === STT_FUNC ? 'func' : s.type === STT_OBJECT ? 'object' : s.type === STT_SECTION ? 'section' : 'notype';
    let sectionName: string | undefined = s.shndx === SHN_UNDEF ? undefined : s.shndx === SHN_ABS ? '*ABS*' : kept.get(s.shndx)?.name;
    let value = s.value;
    if (s.shndx === SHN_COMMON) {
      // A common symbol's value is its alignment: give it room in this object's own bss.
      common ??= { name: 'COMMON', kind: 'bss', align: 1, bytes: new Uint8Array(0), size: 0, relocs: [] };
      common.align = Math.max(common.align, s.value);
      common.size = Math.ceil(common.size / s.value) * s.value;
      value = common.size;
      common.size += s.size;
      sectionName = 'COMMON';
    }
    if (s.shndx !== SHN_UNDEF && sectionName === undefined) return; // symbol of a section we drop (debug info)
    out.push({ name: names[i], section: sectionName, value, size: s.size, binding, type });
  });
  if (common) kept.set(-1, common);
  return out;
}
