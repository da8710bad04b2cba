// ELF32 little-endian files for RISC-V (System V gABI + RISC-V psABI): a
// generic writer (sections, program headers) and a reader. elf-object.ts maps
// ObjectFile ⇄ ELF REL; link.ts builds EXEC images with writeElf.

export const ET_REL = 1, ET_EXEC = 2, EM_RISCV = 243;
export const SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_NOBITS = 8;
export const SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_INFO_LINK = 0x40;
export const PT_LOAD = 1, PF_X = 1, PF_W = 2, PF_R = 4;
export const STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;
export const STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;
export const SHN_UNDEF = 0, SHN_ABS = 0xfff1, SHN_COMMON = 0xfff2;
const EHDR = 52, PHDR = 32, SHDR = 40;

export interface ElfSection {
  name: string;
  type: number;
  flags: number;
  addr: number;
  /** Contents (empty for SHT_NOBITS). */
  data: Uint8Array;
  /** Size in memory; for NOBITS the only size. */
  size: number;
  align: number;
  link: number;
  info: number;
  entsize: number;
  /** Reader only: file offset of the contents. */
  offset?: number;
}

export interface ElfSegment { type: number; flags: number; vaddr: number; offset: number; filesz: number; memsz: number; align: number }

export interface ElfFile {
  type: number;
  machine: number;
  entry: number;
  flags: number;
  /** sections[0] is the null section, as in the file. */
  sections: ElfSection[];
  segments: ElfSegment[];
}

export class ElfFormatError extends Error {}

export function section(p: Partial<ElfSection> & { name: string; type: number }): ElfSection {
  const data = p.data ?? new Uint8Array(0);
  return { flags: 0, addr: 0, size: data.length, align: 1, link: 0, info: 0, entsize: 0, ...p, data };
}

/** Lays out and writes an ELF file. Section contents follow the headers in order;
 * for EXEC, segment `offset` fields are filled in from the section with the same address. */
export function writeElf(f: { type: number; entry: number; sections: ElfSection[]; segments?: ElfSegment[]; flags?: number }): Uint8Array {
  const all = [section({ name: '', type: SHT_NULL }), ...f.sections];
  const segs = f.segments ?? [];
  const shstr = new StringTable();
  const shNames = all.map((s) => shstr.add(s.name));
  const shstrIndex = all.length;
  const shstrName = shstr.add('.shstrtab');
  let off = EHDR + PHDR * segs.length;
  // Loaded sections keep file offset ≡ address (mod 4096), as a PT_LOAD requires:
  // the first one starts a page, the next ones sit at the same distance as in memory.
  let load: { file: number; addr: number } | undefined;
  const offsets = all.map((s) => {
    if (s.type === SHT_NULL) return 0;
    if (f.type === ET_EXEC && s.flags & SHF_ALLOC && s.type === SHT_PROGBITS) {
      if (!load || s.addr < load.addr || load.file + (s.addr - load.addr) < off) load = { file: alignUp(off, 4096) + (s.addr % 4096), addr: s.addr };
      off = load.file + (s.addr - load.addr) + s.data.length;
      return load.file + (s.addr - load.addr);
    }
    off = alignUp(off, s.type === SHT_NOBITS ? 1 : Math.max(1, s.align));
    const o = off;
    if (s.type !== SHT_NOBITS) off += s.data.length;
    return o;
  });
  const shstrData = shstr.bytes();
  const shstrOff = off;
  off += shstrData.length;
  const shoff = alignUp(off, 4);
  const out = new Uint8Array(shoff + SHDR * (all.length + 1));
  const w = new DataView(out.buffer);
  writeHeader(w, f, segs.length, shoff, all.length + 1, shstrIndex);
  segs.forEach((p, i) => {
    const idx = all.findIndex((s) => s.addr === p.vaddr && s.flags & SHF_ALLOC);
    const o = EHDR + PHDR * i;
    const fileOff = idx >= 0 ? offsets[idx] : p.offset;
    [p.type, fileOff, p.vaddr, p.vaddr, p.filesz, p.memsz, p.flags, p.align].forEach((v, k) => w.setUint32(o + 4 * k, v >>> 0, true));
  });
  all.forEach((s, i) => {
    if (s.type !== SHT_NOBITS) out.set(s.data, offsets[i]);
    writeShdr(w, shoff + SHDR * i, shNames[i], s, offsets[i]);
  });
  out.set(shstrData, shstrOff);
  writeShdr(w, shoff + SHDR * all.length, shstrName, section({ name: '.shstrtab', type: SHT_STRTAB, data: shstrData }), shstrOff);
  return out;
}

function writeHeader(w: DataView, f: { type: number; entry: number; flags?: number }, phnum: number, shoff: number, shnum: number, shstrndx: number): void {
  [0x7f, 0x45, 0x4c, 0x46, 1, 1, 1].forEach((b, i) => w.setUint8(i, b));
  w.setUint16(16, f.type, true);
  w.setUint16(18, EM_RISCV, true);
  w.setUint32(20, 1, true);
  w.setUint32(24, f.entry >>> 0, true);
  w.setUint32(28, phnum ? EHDR : 0, true);
  w.setUint32(32, shoff, true);
  w.setUint32(36, f.flags ?? 0, true);
  w.setUint16(40, EHDR, true);
  w.setUint16(42, phnum ? PHDR : 0, true);
  w.setUint16(44, phnum, true);
  w.setUint16(46, SHDR, true);
  w.setUint16(48, shnum, true);
  w.setUint16(50, shstrndx, true);
}

function writeShdr(w: DataView, o: number, name: number, s: ElfSection, offset: number): void {
  const size = s.type === SHT_NOBITS ? s.size : s.data.length;
  [name, s.type, s.flags, s.addr, offset, size, s.link, s.info, s.type === SHT_NULL ? 0 : s.align, s.entsize]
    .forEach((v, k) => w.setUint32(o + 4 * k, v >>> 0, true));
}

export function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}

/** An ELF string table (NUL-separated names, index 0 = ""). */
export class StringTable {
  private parts: number[] = [0];
  private index = new Map<string, number>([['', 0]]);
  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.parts.length;
      this.parts.push(...utf8Encode(s), 0);
      this.index.set(s, i);
    }
    return i;
  }
  bytes(): Uint8Array { return Uint8Array.from(this.parts); }
}

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function utf8Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    let cp = n === 1 ? c : c & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) cp = (cp << 6) | ((b[i + k] ?? 0) & 63);
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

export function cString(b: Uint8Array, at: number): string {
  let end = at;
  while (end < b.length && b[end] !== 0) end++;
  return utf8Decode(b.subarray(at, end));
}

/** Reads an ELF32 little-endian RISC-V file; throws ElfFormatError with a readable reason. */
export function readElf(bytes: Uint8Array): ElfFile {
  if (bytes.length < EHDR || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) throw new ElfFormatError('not an ELF file (bad magic number)');
  if (bytes[4] !== 1) throw new ElfFormatError('not a 32-bit ELF file (RV32 expected)');
  if (bytes[5] !== 1) throw new ElfFormatError('not a little-endian ELF file');
  const r = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (o: number): number => { if (o + 4 > bytes.length) throw new ElfFormatError('ELF file is truncated'); return r.getUint32(o, true); };
  const u16 = (o: number): number => { if (o + 2 > bytes.length) throw new ElfFormatError('ELF file is truncated'); return r.getUint16(o, true); };
  const machine = u16(18);
  if (machine !== EM_RISCV) throw new ElfFormatError(`ELF file is for machine ${machine}, not RISC-V (243)`);
  const [phoff, shoff, phnum, shnum, shstrndx] = [u32(28), u32(32), u16(44), u16(48), u16(50)];
  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + PHDR * i;
    segments.push({ type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), filesz: u32(o + 16), memsz: u32(o + 20), flags: u32(o + 24), align: u32(o + 28) });
  }
  const raw = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + SHDR * i;
    const [name, type, flags, addr, offset, size, link, info, align, entsize] = Array.from({ length: 10 }, (_, k) => u32(o + 4 * k));
    if (type !== SHT_NOBITS && offset + size > bytes.length) throw new ElfFormatError(`section ${i} lies outside the file`);
    const data = type === SHT_NOBITS ? new Uint8Array(0) : bytes.slice(offset, offset + size);
    return { nameOff: name, s: { name: '', type, flags, addr, data, size, align, link, info, entsize, offset } };
  });
  const strtab = raw[shstrndx]?.s.data ?? new Uint8Array(0);
  const sections = raw.map(({ nameOff, s }) => ({ ...s, name: cString(strtab, nameOff) }));
  return { type: u16(16), machine, entry: u32(24), flags: u32(36), sections, segments };
}

export interface ElfSymbol { name: string; value: number; size: number; bind: number; type: number; shndx: number }

export function readSymbols(elf: ElfFile): ElfSymbol[] {
  const symtab = elf.sections.find((s) => s.type === SHT_SYMTAB);
  if (!symtab) return [];
  const strtab = elf.sections[symtab.link]?.data ?? new Uint8Array(0);
  const d = new DataView(symtab.data.buffer, symtab.data.byteOffset, symtab.data.byteLength);
  const out: ElfSymbol[] = [];
  for (let o = 0; o + 16 <= symtab.data.length; o += 16) {
    const info = d.getUint8(o + 12);
    out.push({ name: cString(strtab, d.getUint32(o, true)), value: d.getUint32(o + 4, true), size: d.getUint32(o + 8, true), bind: info >> 4, type: info & 15, shndx: d.getUint16(o + 14, true) });
  }
  return out;
}

export function symtabBytes(syms: ElfSymbol[], strtab: StringTable): Uint8Array {
  const out = new Uint8Array(16 * syms.length);
  const d = new DataView(out.buffer);
  syms.forEach((s, i) => {
    d.setUint32(16 * i, s.name ? strtab.add(s.name) : 0, true);
    d.setUint32(16 * i + 4, s.value >>> 0, true);
    d.setUint32(16 * i + 8, s.size >>> 0, true);
    d.setUint8(16 * i + 12, (s.bind << 4) | s.type);
    d.setUint16(16 * i + 14, s.shndx, true);
  });
  return out;
}
