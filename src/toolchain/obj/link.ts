// The static linker: places input sections like GNU ld's default script
// (.text, .rodata, .data, .bss in input order), resolves symbols with ld's rules
// (one strong definition; weak yields), applies RISC-V psABI relocations, writes ELF32 EXEC.

import type { Diagnostic } from '../diagnostics.ts';
import type { ObjectFile, Section, SectionKind, LineEntry, Reloc } from '../asm/object.ts';
import { patch, hi20, lo12 } from '../asm/encode.ts';
import {
  writeElf, section, symtabBytes, StringTable, alignUp, type ElfSection, type ElfSymbol,
  ET_EXEC, SHT_PROGBITS, SHT_NOBITS, SHT_SYMTAB, SHT_STRTAB, SHF_ALLOC, SHF_WRITE, SHF_EXECINSTR,
  PT_LOAD, PF_R, PF_W, PF_X, STB_LOCAL, STB_GLOBAL, STB_WEAK, STT_FUNC, STT_OBJECT, STT_NOTYPE, SHN_ABS,
} from './elf.ts';
import { dwarfLineSections } from './dwarf-line.ts';
import type { PlacedFunction } from './dwarf-info.ts';

export interface LinkOptions {
  /** Entry symbol ('' for none, as for a module loaded by insmod). */
  entry: string;
  textBase: number;
  /** Bytes of stack between the end of .bss and __stack_top (default 1 MiB). */
  stackSize?: number;
  /** Addresses of symbols defined outside the objects (kernel symbols, for a module). */
  resolveExternal?: (name: string) => number | undefined;
}

export interface LinkedImage {
  elf: Uint8Array;
  /** Memory image from textBase: text, rodata, data (bss follows, zero, up to memSize). */
  image: Uint8Array;
  memSize: number;
  entry: number;
  /** Final addresses of global (and file-local named) symbols. */
  symbols: Map<string, number>;
  /** Line table with absolute addresses, sorted by address. */
  lines: LineEntry[];
}

export class LinkError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
  }
}

const ORDER: SectionKind[] = ['text', 'rodata', 'data', 'bss'];
const OUT_NAME: Record<string, string> = { text: '.text', rodata: '.rodata', data: '.data', bss: '.bss' };

/** Links into an ELF32 EXEC image; throws LinkError (with diagnostics) when it cannot. */
export function link(objects: ObjectFile[], opts: LinkOptions): Uint8Array {
  const diags: Diagnostic[] = [];
  const img = linkImage(objects, opts, diags);
  if (!img) throw new LinkError(diags);
  return img.elf;
}

interface Placed { obj: number; sec: Section; addr: number }
interface SymDef { addr: number; weak: boolean; file: string; size: number; type: string }

export function linkImage(objects: ObjectFile[], opts: LinkOptions, diags: Diagnostic[]): LinkedImage | undefined {
  const before = diags.filter((d) => d.severity === 'error').length;
  const placed: Placed[] = [];
  const range: Record<string, { start: number; end: number }> = {};
  let cur = opts.textBase;
  for (const kind of ORDER) {
    const start = cur;
    objects.forEach((o, obj) => o.sections.filter((s) => s.kind === kind).forEach((sec) => {
      cur = alignUp(cur, sec.align);
      placed.push({ obj, sec, addr: cur });
      cur += sec.size;
    }));
    range[kind] = { start, end: cur };
    cur = alignUp(cur, 16);
  }
  const where = (obj: number, name: string): number | undefined => placed.find((p) => p.obj === obj && p.sec.name === name)?.addr;
  const globals = new Map<string, SymDef>();
  const locals = objects.map(() => new Map<string, number>());
  const stackTop = alignUp(range.bss.end, 16) + (opts.stackSize ?? 1024 * 1024); // 1 MiB of stack above .bss, growing down
  defineLinkerSymbols(globals, range, stackTop);
  objects.forEach((o, i) => collectSymbols(o, i, where, globals, locals[i], diags));
  const image = new Uint8Array(range.data.end - opts.textBase);
  for (const p of placed) if (p.sec.kind !== 'bss') image.set(p.sec.bytes.subarray(0, p.sec.size), p.addr - opts.textBase);
  const undefinedReported = new Set<string>();
  const resolve = (obj: number, r: Reloc): number | undefined => {
    const v = locals[obj].get(r.symbol) ?? globals.get(r.symbol)?.addr ?? opts.resolveExternal?.(r.symbol);
    if (v !== undefined) return v;
    const weakRef = objects[obj].symbols.some((s) => s.name === r.symbol && s.binding === 'weak' && s.section === undefined);
    if (weakRef) return 0;
    if (!undefinedReported.has(r.symbol)) {
      undefinedReported.add(r.symbol);
      diags.push({ severity: 'error', message: `undefined reference to '${r.symbol}'`, loc: r.loc ?? { file: objects[obj].file, line: 1, col: 1, offset: 0 }, length: 1 });
    }
    return undefined;
  };
  for (const p of placed) applyRelocs(image, opts.textBase, p, placed.filter((q) => q.obj === p.obj), (r) => resolve(p.obj, r), diags, objects[p.obj].file);
  const entry = opts.entry === '' ? opts.textBase : globals.get(opts.entry)?.addr;
  if (entry === undefined) diags.push({ severity: 'error', message: `undefined reference to '${opts.entry}' (the entry point)`, loc: { file: objects[0]?.file ?? '<link>', line: 1, col: 1, offset: 0 }, length: 1 });
  if (diags.filter((d) => d.severity === 'error').length > before) return undefined;
  const lines = linkedLines(objects, where);
  const symbols = new Map<string, number>([...globals].map(([k, v]) => [k, v.addr]));
  const elf = writeExec(image, opts.textBase, range, entry!, globals, objects, where, lines);
  return { elf, image, memSize: alignUp(range.bss.end, 4) - opts.textBase, entry: entry!, symbols, lines };
}

/** Every object's line table at its linked addresses, in address order. A line entry names
 * its section: each section is looked up once per object, not once per entry (a megabyte of C
 * makes a hundred thousand entries). */
function linkedLines(objects: ObjectFile[], where: (obj: number, name: string) => number | undefined): LineEntry[] {
  const out: LineEntry[] = [];
  objects.forEach((o, i) => {
    const placedAs = new Map<string, { section: string; base: number }>();
    for (const l of o.lines) {
      let at = placedAs.get(l.section);
      if (at === undefined) {
        at = { section: OUT_NAME[o.sections.find((s) => s.name === l.section)?.kind ?? 'text'] ?? l.section, base: where(i, l.section) ?? 0 };
        placedAs.set(l.section, at);
      }
      out.push({ ...l, section: at.section, address: at.base + l.address });
    }
  });
  return out.sort((a, b) => a.address - b.address);
}

function defineLinkerSymbols(globals: Map<string, SymDef>, range: Record<string, { start: number; end: number }>, stackTop: number): void {
  const def = (name: string, addr: number): void => { globals.set(name, { addr, weak: true, file: '<linker>', size: 0, type: 'notype' }); };
  def('__text_start', range.text.start);
  def('_etext', range.text.end);
  def('__data_start', range.data.start);
  def('_edata', range.data.end);
  def('__bss_start', range.bss.start);
  def('__bss_end', range.bss.end);
  def('_end', range.bss.end);
  def('__global_pointer$', range.data.start + 0x800);
  def('__stack_top', stackTop);
}

function collectSymbols(o: ObjectFile, obj: number, where: (obj: number, name: string) => number | undefined,
  globals: Map<string, SymDef>, locals: Map<string, number>, diags: Diagnostic[]): void {
  for (const s of o.symbols) {
    if (s.section === undefined) continue;
    const base = s.section === '*ABS*' ? 0 : where(obj, s.section);
    if (base === undefined) continue;
    const addr = (base + s.value) >>> 0;
    if (s.binding === 'local') { locals.set(s.name, addr); continue; }
    const prev = globals.get(s.name);
    const weak = s.binding === 'weak';
    if (prev && !prev.weak && !weak) {
      diags.push({ severity: 'error', message: `multiple definition of '${s.name}' (first defined in ${prev.file})`, loc: { file: o.file, line: 1, col: 1, offset: 0 }, length: 1 });
      continue;
    }
    if (!prev || (prev.weak && !weak)) globals.set(s.name, { addr, weak, file: o.file, size: s.size, type: s.type });
  }
}

function applyRelocs(image: Uint8Array, base: number, p: Placed, sameObj: Placed[], resolve: (r: Reloc) => number | undefined,
  diags: Diagnostic[], file: string): void {
  if (p.sec.kind === 'bss' && p.sec.relocs.length) return;
  const view = new DataView(image.buffer);
  const rd = (a: number): number => view.getUint32(a - base, true);
  const wr = (a: number, v: number): void => view.setUint32(a - base, v >>> 0, true);
  for (const r of p.sec.relocs) {
    const P = p.addr + r.offset;
    const S = resolve(r);
    if (S === undefined) continue;
    const value = (S + r.addend) | 0;
    const rel = (value - P) | 0;
    const tooFar = (range: number, off: number): boolean => {
      if (off >= -range && off < range) return false;
      diags.push({ severity: 'error', message: `relocation truncated to fit: ${r.type} against '${r.symbol}' (${off} bytes away; the limit is ±${range})`, loc: r.loc ?? { file, line: 1, col: 1, offset: 0 }, length: 1 });
      return true;
    };
    switch (r.type) {
      case 'R_RISCV_32': wr(P, value); break;
      case 'R_RISCV_ADD32': wr(P, rd(P) + value); break;
      case 'R_RISCV_SUB32': wr(P, rd(P) - value); break;
      case 'R_RISCV_HI20': wr(P, patch.uImm(rd(P), hi20(value))); break;
      case 'R_RISCV_LO12_I': wr(P, patch.iImm(rd(P), lo12(value))); break;
      case 'R_RISCV_LO12_S': wr(P, patch.sImm(rd(P), lo12(value))); break;
      case 'R_RISCV_PCREL_HI20': wr(P, patch.uImm(rd(P), hi20(rel))); break;
      case 'R_RISCV_PCREL_LO12_I': case 'R_RISCV_PCREL_LO12_S': {
        const off = pcrelHiOffset(S, sameObj, resolve);
        if (off === undefined) {
          diags.push({ severity: 'error', message: `%pcrel_lo('${r.symbol}') does not name an auipc with a %pcrel_hi relocation`, loc: r.loc ?? { file, line: 1, col: 1, offset: 0 }, length: 1 });
          break;
        }
        wr(P, r.type === 'R_RISCV_PCREL_LO12_I' ? patch.iImm(rd(P), lo12(off)) : patch.sImm(rd(P), lo12(off)));
        break;
      }
      case 'R_RISCV_BRANCH': if (!tooFar(4096, rel)) wr(P, patch.bOff(rd(P), rel)); break;
      case 'R_RISCV_JAL': if (!tooFar(1 << 20, rel)) wr(P, patch.jOff(rd(P), rel)); break;
      case 'R_RISCV_CALL': case 'R_RISCV_CALL_PLT':
        wr(P, patch.uImm(rd(P), hi20(rel)));
        wr(P + 4, patch.iImm(rd(P + 4), lo12(rel)));
        break;
      case 'R_RISCV_NONE': case 'R_RISCV_RELAX': break;
    }
  }
}

/** For a %pcrel_lo: the pc-relative offset computed by the %pcrel_hi at address `auipc`. */
function pcrelHiOffset(auipc: number, sameObj: Placed[], resolve: (r: Reloc) => number | undefined): number | undefined {
  for (const q of sameObj) {
    if (auipc < q.addr || auipc >= q.addr + q.sec.size) continue;
    const hi = q.sec.relocs.find((r) => q.addr + r.offset === auipc && r.type === 'R_RISCV_PCREL_HI20');
    if (!hi) return undefined;
    const S = resolve(hi);
    return S === undefined ? undefined : (S + hi.addend - auipc) | 0;
  }
  return undefined;
}

function writeExec(image: Uint8Array, base: number, range: Record<string, { start: number; end: number }>, entry: number,
  globals: Map<string, SymDef>, objects: ObjectFile[], where: (obj: number, name: string) => number | undefined, lines: LineEntry[]): Uint8Array {
  const out: ElfSection[] = [];
  const flags: Record<string, number> = { text: SHF_ALLOC | SHF_EXECINSTR, rodata: SHF_ALLOC, data: SHF_ALLOC | SHF_WRITE, bss: SHF_ALLOC | SHF_WRITE };
  const index: Record<string, number> = {};
  for (const kind of ORDER) {
    const { start, end } = range[kind];
    if (end === start && kind !== 'text') continue;
    index[kind] = out.length + 1;
    out.push(section({ name: OUT_NAME[kind], type: kind === 'bss' ? SHT_NOBITS : SHT_PROGBITS, flags: flags[kind], addr: start,
      data: kind === 'bss' ? undefined : image.slice(start - base, end - base), size: end - start, align: 4 }));
  }
  const shndxOf = (addr: number): number => {
    const k = ORDER.find((kind) => index[kind] && addr >= range[kind].start && addr < Math.max(range[kind].end, range[kind].start + 1));
    return k ? index[k] : SHN_ABS;
  };
  const syms: ElfSymbol[] = [{ name: '', value: 0, size: 0, bind: 0, type: 0, shndx: 0 }];
  objects.forEach((o, i) => o.symbols.forEach((s) => {
    if (s.binding !== 'local' || s.section === undefined || s.name.startsWith('.L') || s.type === 'section') return;
    const b = s.section === '*ABS*' ? 0 : where(i, s.section);
    if (b === undefined) return;
    syms.push({ name: s.name, value: b + s.value, size: s.size, bind: STB_LOCAL, type: s.type === 'func' ? STT_FUNC : s.type === 'object' ? STT_OBJECT : STT_NOTYPE, shndx: shndxOf(b + s.value) });
  }));
  const firstGlobal = syms.length;
  for (const [name, d] of globals) {
    syms.push({ name, value: d.addr, size: d.size, bind: d.weak && d.file !== '<linker>' ? STB_WEAK : STB_GLOBAL, type: d.type === 'func' ? STT_FUNC : d.type === 'object' ? STT_OBJECT : STT_NOTYPE, shndx: shndxOf(d.addr) });
  }
  const strtab = new StringTable();
  const symIdx = out.length + 1;
  out.push(section({ name: '.symtab', type: SHT_SYMTAB, data: symtabBytes(syms, strtab), align: 4, link: symIdx + 1, info: firstGlobal, entsize: 16 }));
  out.push(section({ name: '.strtab', type: SHT_STRTAB, data: strtab.bytes() }));
  if (lines.length) {
    const count = new Map<string, number>();
    for (const l of lines) count.set(l.file, (count.get(l.file) ?? 0) + 1);
    const unit = [...count].sort((a, b) => b[1] - a[1])[0][0]; // the compile unit: the file with most code
    const kinds = ORDER.filter((k) => index[k] && lines.some((l) => l.section === OUT_NAME[k]));
    const ranges = kinds.map((k) => ({ section: OUT_NAME[k], start: range[k].start, end: range[k].end }));
    for (const d of dwarfLineSections(lines, ranges, unit, false, linkedFunctions(objects, where))) out.push(section({ name: d.name, type: SHT_PROGBITS, data: d.bytes }));
  }
  const memEnd = Math.max(range.bss.end, range.data.end);
  const segments = [{ type: PT_LOAD, flags: PF_R | PF_W | PF_X, vaddr: base, offset: 0, filesz: range.data.end - base, memsz: memEnd - base, align: 4096 }];
  return writeElf({ type: ET_EXEC, entry, sections: out, segments });
}

/** The C functions of the linked objects at their final addresses, for the DWARF variable info. */
function linkedFunctions(objects: ObjectFile[], where: (obj: number, name: string) => number | undefined): PlacedFunction[] {
  const out: PlacedFunction[] = [];
  objects.forEach((o, i) => {
    if (!o.functions?.length) return;
    const byName = new Map(o.symbols.filter((s) => s.type === 'func' && s.section !== undefined).map((s) => [s.name, s]));
    const labels = new Map(o.symbols.filter((s) => s.section !== undefined).map((s) => [s.name, s]));
    for (const fn of o.functions) {
      const sym = byName.get(fn.label);
      const base = sym ? where(i, sym.section!) : undefined;
      // A block's labels (its lexical block's range), placed like the function.
      const labelAt = (name: string) => { const l = labels.get(name); return l?.section === sym?.section && base !== undefined ? base + l!.value : undefined; };
      if (sym && base !== undefined) out.push({ fn, section: sym.section!, start: base + sym.value, end: base + sym.value + sym.size, labelAt });
    }
  });
  return out;
}
