// ObjectFile ⇄ ELF32 REL (.o), so our objects can be inspected with objdump
// or linked by GNU ld, and gcc's objects can be read by our linker (and insmod).
// The line table travels as DWARF (.debug_line and the sections binutils needs with it).

import type { ObjectFile, ObjSymbol, Section, LineEntry, RelocType } from '../asm/object.ts';
import { R_RISCV, sectionKind } from '../asm/object.ts';
import {
  writeElf, readElf, readSymbols, section, symtabBytes, StringTable, ElfFormatError, type ElfSection, type ElfSymbol, type ElfFile,
  ET_REL, SHT_PROGBITS, SHT_NOBITS, SHT_RELA, SHT_SYMTAB, SHT_STRTAB, SHF_ALLOC, SHF_WRITE, SHF_EXECINSTR, SHF_INFO_LINK,
  STB_LOCAL, STB_GLOBAL, STB_WEAK, STT_NOTYPE, STT_OBJECT, STT_FUNC, STT_SECTION, STT_FILE, SHN_UNDEF, SHN_ABS, SHN_COMMON,
} from './elf.ts';
import { dwarfLineSections, type DebugSection } from './dwarf-line.ts';
import type { PlacedFunction } from './dwarf-info.ts';
import { readDebugLine } from './dwarf-line-read.ts';

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
  const debug = debugSections(obj);
  const secIndex = new Map([...secs.map((s) => s.name), ...debug.map((d) => d.name)].map((name, i) => [name, i + 1]));
  const syms: ElfSymbol[] = [{ name: '', value: 0, size: 0, bind: 0, type: 0, shndx: 0 }];
  syms.push({ name: obj.file, value: 0, size: 0, bind: STB_LOCAL, type: STT_FILE, shndx: SHN_ABS });
  const sectionSym = new Map<string, number>();
  for (const [name, i] of secIndex) {
    sectionSym.set(name, syms.length);
    syms.push({ name: '', value: 0, size: 0, bind: STB_LOCAL, type: STT_SECTION, shndx: i });
  }
  const ordered = [...obj.symbols.filter((s) => s.binding === 'local'), ...obj.symbols.filter((s) => s.binding !== 'local')];
  const firstGlobal = syms.length + obj.symbols.filter((s) => s.binding === 'local').length;
  const symIndex = new Map<string, number>();
  for (const s of ordered) {
    symIndex.set(s.name, syms.length);
    const shndx = s.section === undefined ? SHN_UNDEF : s.section === '*ABS*' ? SHN_ABS : secIndex.get(s.section) ?? SHN_UNDEF;
    syms.push({ name: s.name, value: s.value, size: s.size, bind: { local: STB_LOCAL, global: STB_GLOBAL, weak: STB_WEAK }[s.binding],
      type: { notype: STT_NOTYPE, object: STT_OBJECT, func: STT_FUNC, section: STT_SECTION }[s.type], shndx });
  }
  const relocTables: { target: number; entries: RelaEntry[] }[] = [];
  secs.forEach((s, i) => relocTables.push({ target: i + 1, entries: s.relocs.map((r) => {
    const idx = symIndex.get(r.symbol);
    if (idx === undefined) throw new Error(`relocation against unknown symbol '${r.symbol}'`);
    return { offset: r.offset, sym: idx, type: R_RISCV[r.type], addend: r.addend };
  }) }));
  debug.forEach((d, i) => relocTables.push({ target: secs.length + i + 1,
    entries: d.relocs.map((r) => ({ offset: r.offset, sym: sectionSym.get(r.section)!, type: R_RISCV.R_RISCV_32, addend: r.addend })) }));
  const symtabIndex = secs.length + debug.length + relocTables.filter((t) => t.entries.length).length + 1;
  const out: ElfSection[] = secs.map((s) => section({
    name: s.name, type: s.kind === 'bss' ? SHT_NOBITS : SHT_PROGBITS, flags: sectionFlags(s),
    data: s.kind === 'bss' ? new Uint8Array(0) : s.bytes, size: s.size, align: s.align,
  }));
  for (const d of debug) out.push(section({ name: d.name, type: SHT_PROGBITS, data: d.bytes }));
  for (const t of relocTables) {
    if (!t.entries.length) continue;
    out.push(section({ name: `.rela${out[t.target - 1].name}`, type: SHT_RELA, flags: SHF_INFO_LINK, data: relaBytes(t.entries), align: 4, link: symtabIndex, info: t.target, entsize: 12 }));
  }
  const symData = symtabBytes(syms, strtab);
  out.push(section({ name: '.symtab', type: SHT_SYMTAB, data: symData, align: 4, link: symtabIndex + 1, info: firstGlobal, entsize: 16 }));
  out.push(section({ name: '.strtab', type: SHT_STRTAB, data: strtab.bytes() }));
  return writeElf({ type: ET_REL, entry: 0, sections: out });
}

interface RelaEntry { offset: number; sym: number; type: number; addend: number }

function relaBytes(entries: RelaEntry[]): Uint8Array {
  const data = new Uint8Array(12 * entries.length);
  const d = new DataView(data.buffer);
  entries.forEach((r, k) => {
    d.setUint32(12 * k, r.offset, true);
    d.setUint32(12 * k + 4, (r.sym << 8) | r.type, true);
    d.setInt32(12 * k + 8, r.addend, true);
  });
  return data;
}

/** The DWARF line information of an object: one code range per section that has lines. */
function debugSections(obj: ObjectFile): DebugSection[] {
  if (!obj.lines.length) return [];
  const withLines = new Set(obj.lines.map((l) => l.section));
  const ranges = obj.sections.filter((s) => withLines.has(s.name)).map((s) => ({ section: s.name, start: 0, end: s.size }));
  return ranges.length ? dwarfLineSections(obj.lines.filter((l) => withLines.has(l.section)), ranges, obj.file, true, placedFunctions(obj)) : [];
}

/** The object's C functions where the symbol table puts them (section offsets, relocated like the line table's). */
function placedFunctions(obj: ObjectFile): PlacedFunction[] {
  if (!obj.functions?.length) return [];
  const byName = new Map(obj.symbols.filter((s) => s.type === 'func' && s.section !== undefined).map((s) => [s.name, s]));
  const labels = new Map(obj.symbols.filter((s) => s.section !== undefined).map((s) => [s.name, s]));
  const out: PlacedFunction[] = [];
  for (const fn of obj.functions) {
    const sym = byName.get(fn.label);
    // A block's labels (its lexical block's range) are offsets in the function's section, like its start.
    const labelAt = (name: string) => { const l = labels.get(name); return l?.section === sym?.section ? l?.value : undefined; };
    if (sym) out.push({ fn, section: sym.section!, start: sym.value, end: sym.value + sym.size, labelAt });
  }
  return out;
}

/** The line table of an object's .debug_line. Set addresses are placed by their R_RISCV_32
 * relocations; gas's address advances (ADD/SUB/SET pairs between labels of one section) are applied
 * with the labels' values, which are final as long as no linker relaxes the code, and ours does not. */
function readObjectLines(elf: ElfFile, elfSyms: ElfSymbol[]): LineEntry[] {
  const index = elf.sections.findIndex((s) => s.name === '.debug_line' && s.type === SHT_PROGBITS);
  if (index < 0) return [];
  const data = new Uint8Array(elf.sections[index].data); // a copy (a Buffer's slice would share the file)
  const view = new DataView(data.buffer);
  const at = new Map<number, { sym: number; addend: number }>();
  for (const rs of elf.sections.filter((s) => s.type === SHT_RELA && s.info === index)) {
    const d = new DataView(rs.data.buffer, rs.data.byteOffset, rs.data.byteLength);
    for (let o = 0; o + 12 <= rs.data.length; o += 12) {
      const offset = d.getUint32(o, true), info = d.getUint32(o + 4, true), addend = d.getInt32(o + 8, true);
      if ((info & 0xff) === R_RISCV.R_RISCV_32) at.set(offset, { sym: info >>> 8, addend });
      else if (!applyDifference(view, offset, info & 0xff, (elfSyms[info >>> 8]?.value ?? 0) + addend)) return [];
    }
  }
  return readDebugLine(data, (offset) => {
    const r = at.get(offset);
    const sym = r ? elfSyms[r.sym] : undefined;
    const target = sym ? elf.sections[sym.shndx] : undefined;
    return target && sym && r ? { section: target.name, address: sym.value + r.addend } : undefined;
  });
}

/** The psABI's label-difference relocations (ADD/SUB 8/16/32, SET/SUB6, SET 8/16/32); false for any other. */
function applyDifference(view: DataView, offset: number, type: number, value: number): boolean {
  if (offset >= view.byteLength) return false;
  const field = (bits: number): [() => number, (v: number) => void] => bits === 8 ? [() => view.getUint8(offset), (v) => view.setUint8(offset, v & 0xff)]
    : bits === 16 ? [() => view.getUint16(offset, true), (v) => view.setUint16(offset, v & 0xffff, true)]
      : [() => view.getUint32(offset, true), (v) => view.setUint32(offset, v >>> 0, true)];
  const kinds: Record<number, [number, 'add' | 'sub' | 'set']> = { 33: [8, 'add'], 34: [16, 'add'], 35: [32, 'add'], 37: [8, 'sub'], 38: [16, 'sub'], 39: [32, 'sub'], 54: [8, 'set'], 55: [16, 'set'], 56: [32, 'set'] };
  if (type === 52 || type === 53) { // SUB6/SET6: the low 6 bits of a byte
    const b = view.getUint8(offset);
    view.setUint8(offset, (b & 0xc0) | ((type === 52 ? (b & 0x3f) - value : value) & 0x3f));
    return true;
  }
  const kind = kinds[type];
  if (!kind) return false;
  const [get, set] = field(kind[0]);
  set(kind[1] === 'add' ? get() + value : kind[1] === 'sub' ? get() - value : value);
  return true;
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
  const keptNames = new Set([...kept.values()].map((s) => s.name));
  const lines = readObjectLines(elf, elfSyms).filter((l) => keptNames.has(l.section));
  return { file, sections: [...kept.values()], symbols, lines };
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
