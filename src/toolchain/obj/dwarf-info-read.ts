// Reads DWARF 2-4 .debug_info (32-bit units) back into what a debugger shows of a
// stopped function: each DW_TAG_subprogram with its parameters and locals, their
// types, and where each one lives (DW_OP_fbreg offsets from the frame base).
// Enough of the format to read kernel-C's objects and gcc's plain -O0 ones; a
// variable whose location is anything else is kept, with no location ("unavailable").
// A local of a DW_TAG_lexical_block keeps the block's range, so a debugger can show
// it only there; an enum keeps its constants' names.

import { cString, type ElfFile } from './elf.ts';
import { DW_AT, DW_FORM, DW_OP, DW_TAG } from './dwarf-info.ts';
import type { PlaceAddress } from './dwarf-line-read.ts';

export type DebugType =
  | { kind: 'base'; name: string; encoding: number; size: number }
  | { kind: 'pointer'; target: DebugType | null }
  | { kind: 'typedef'; name: string; target: DebugType | null }
  | { kind: 'qualified'; qualifier: 'const' | 'volatile'; target: DebugType | null }
  | { kind: 'struct'; union: boolean; name: string | null; size: number; members: DebugMember[] }
  | { kind: 'array'; target: DebugType | null; count: number | null }
  | { kind: 'enum'; name: string | null; size: number; enumerators: DebugEnumerator[] }
  | { kind: 'function' };

export interface DebugMember {
  name: string | null;
  type: DebugType | null;
  offset: number;
  /** A bit-field: its width (the value's bits are not decoded). */
  bitSize?: number;
}

export interface DebugEnumerator { name: string; value: number }

/** The lexical block a local belongs to: its code's range, and how many blocks deep it is (1: in the body's). */
export interface DebugScope { low: DebugAddress; high: DebugAddress; depth: number }

export interface DebugVariable {
  name: string;
  role: 'argument' | 'local';
  /** null: void or a type this reader does not know. */
  type: DebugType | null;
  /** Offset from the frame base; null when the location is not a plain fbreg. */
  fbreg: number | null;
  line: number;
  /** null: visible in the whole function (an argument, or a local of the function's own body). */
  scope: DebugScope | null;
}

/** An address of the unit: in `section` of an object (to be placed), or final (section null). */
export interface DebugAddress { section: string | null; address: number }

export interface DebugFunction {
  name: string;
  low: DebugAddress;
  high: DebugAddress;
  /** The frame base: register `frameRegister` + `frameOffset` (null: not a form we read). */
  frameRegister: number | null;
  frameOffset: number;
  variables: DebugVariable[];
}

type Value = number | bigint | string | Uint8Array | DebugAddress;

interface Die {
  offset: number;
  tag: number;
  attrs: Map<number, Value>;
  children: Die[];
}

interface Abbrev { tag: number; children: boolean; spec: [number, number][] }

class Reader {
  pos: number;
  private readonly view: DataView;
  constructor(readonly data: Uint8Array, pos = 0) {
    this.pos = pos;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  u8(): number { return this.data[this.pos++]; }
  u16(): number { const v = this.view.getUint16(this.pos, true); this.pos += 2; return v; }
  u32(): number { const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  u64(): bigint { const v = this.view.getBigUint64(this.pos, true); this.pos += 8; return v; }
  uleb(): number {
    let v = 0, shift = 0, b: number;
    do { b = this.u8(); v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return v;
  }
  sleb(): number {
    let v = 0, shift = 0, b: number;
    do { b = this.u8(); v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return b & 0x40 ? v - 2 ** shift : v;
  }
  str(): string { const s = cString(this.data, this.pos); while (this.data[this.pos] !== 0) this.pos++; this.pos++; return s; }
  bytes(n: number): Uint8Array { const b = this.data.subarray(this.pos, this.pos + n); this.pos += n; return b; }
}

function readAbbrevs(data: Uint8Array, offset: number): Map<number, Abbrev> {
  const r = new Reader(data, offset);
  const out = new Map<number, Abbrev>();
  for (;;) {
    const code = r.uleb();
    if (code === 0) return out;
    const tag = r.uleb(), children = r.u8() === 1, spec: [number, number][] = [];
    for (;;) {
      const at = r.uleb(), form = r.uleb();
      if (at === 0 && form === 0) break;
      spec.push([at, form]);
    }
    out.set(code, { tag, children, spec });
  }
}

/** Where a unit's data sits, for relocated address fields. */
interface UnitContext { version: number; unitStart: number; place: PlaceAddress; str: Uint8Array | null }

function readForm(r: Reader, form: number, u: UnitContext): Value {
  switch (form) {
    case DW_FORM.addr: {
      const at = r.pos, raw = r.u32(), placed = u.place(at, raw);
      return placed ? { section: placed.section, address: placed.address } : { section: null, address: raw };
    }
    case DW_FORM.data1: case DW_FORM.ref1: case DW_FORM.flag: return r.u8();
    case DW_FORM.data2: case DW_FORM.ref2: return r.u16();
    case DW_FORM.data4: case DW_FORM.ref4: case DW_FORM.sec_offset: return r.u32();
    case DW_FORM.data8: case DW_FORM.ref8: case DW_FORM.ref_sig8: return r.u64();
    case DW_FORM.sdata: return r.sleb();
    case DW_FORM.udata: case DW_FORM.ref_udata: return r.uleb();
    case DW_FORM.string: return r.str();
    case DW_FORM.strp: { // relocated against .debug_str in an object
      const at = r.pos, raw = r.u32(), off = u.place(at, raw)?.address ?? raw;
      return u.str && off < u.str.length ? cString(u.str, off) : '';
    }
    case DW_FORM.ref_addr: return u.version <= 2 ? r.u32() : r.u32();
    case DW_FORM.block1: return r.bytes(r.u8());
    case DW_FORM.block2: return r.bytes(r.u16());
    case DW_FORM.block4: return r.bytes(r.u32());
    case DW_FORM.block: case DW_FORM.exprloc: return r.bytes(r.uleb());
    case DW_FORM.flag_present: return 1;
    case DW_FORM.indirect: return readForm(r, r.uleb(), u);
    default: throw new Error(`DWARF form 0x${form.toString(16)} is not read here`);
  }
}

/** Reads the entries of every unit in `info`: `place` gives a relocated address field's section and value. */
function readDies(info: Uint8Array, abbrev: Uint8Array, str: Uint8Array | null, place: PlaceAddress): { dies: Map<number, Die>; units: Die[] } {
  const dies = new Map<number, Die>();
  const units: Die[] = [];
  let at = 0;
  while (at + 11 <= info.length) {
    const r = new Reader(info, at);
    const length = r.u32();
    if (length === 0xffffffff) break; // 64-bit DWARF: not produced for RV32
    const end = at + 4 + length;
    const version = r.u16(), abbrevOffset = r.u32();
    r.u8(); // address size: 4 on RV32
    const abbrevs = readAbbrevs(abbrev, abbrevOffset);
    const u: UnitContext = { version, unitStart: at, place, str };
    const stack: Die[] = [];
    while (r.pos < end) {
      const offset = r.pos;
      const code = r.uleb();
      if (code === 0) { stack.pop(); continue; }
      const a = abbrevs.get(code);
      if (!a) break;
      const die: Die = { offset, tag: a.tag, attrs: new Map(), children: [] };
      for (const [name, form] of a.spec) {
        let v = readForm(r, form, u);
        // Unit-relative references become section offsets, so one map serves every unit.
        if (form === DW_FORM.ref1 || form === DW_FORM.ref2 || form === DW_FORM.ref4 || form === DW_FORM.ref_udata) v = (v as number) + at;
        die.attrs.set(name, v);
      }
      dies.set(offset, die);
      if (stack.length) stack[stack.length - 1].children.push(die);
      else units.push(die);
      if (a.children) stack.push(die);
    }
    at = end;
  }
  return { dies, units };
}

const num = (v: Value | undefined): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);
const text = (v: Value | undefined): string | null => (typeof v === 'string' ? v : null);

/** The functions of a unit's .debug_info, with their variables and types. */
export function readDebugFunctions(info: Uint8Array, abbrev: Uint8Array, str: Uint8Array | null, place: PlaceAddress): DebugFunction[] {
  const { dies, units } = readDies(info, abbrev, str, place);
  const types = new Map<number, DebugType | null>();

  const typeOf = (die: Die): DebugType | null => {
    const ref = num(die.attrs.get(DW_AT.type));
    return ref === null ? null : typeAt(ref);
  };
  const typeAt = (offset: number): DebugType | null => {
    if (types.has(offset)) return types.get(offset)!;
    const d = dies.get(offset);
    if (!d) return null;
    const name = text(d.attrs.get(DW_AT.name));
    const size = num(d.attrs.get(DW_AT.byte_size)) ?? 0;
    let t: DebugType | null;
    switch (d.tag) {
      case DW_TAG.base_type: t = { kind: 'base', name: name ?? '?', encoding: num(d.attrs.get(DW_AT.encoding)) ?? 0, size }; break;
      case DW_TAG.pointer_type: t = { kind: 'pointer', target: null }; types.set(offset, t); t.target = typeOf(d); break;
      case DW_TAG.typedef: t = { kind: 'typedef', name: name ?? '?', target: null }; types.set(offset, t); t.target = typeOf(d); break;
      case DW_TAG.const_type: case DW_TAG.volatile_type:
        t = { kind: 'qualified', qualifier: d.tag === DW_TAG.const_type ? 'const' : 'volatile', target: null };
        types.set(offset, t);
        t.target = typeOf(d);
        break;
      case DW_TAG.structure_type: case DW_TAG.union_type: {
        const s: DebugType & { kind: 'struct' } = { kind: 'struct', union: d.tag === DW_TAG.union_type, name, size, members: [] };
        types.set(offset, s);
        for (const m of d.children) {
          if (m.tag !== DW_TAG.member) continue;
          const loc = m.attrs.get(DW_AT.data_member_location);
          const off = loc instanceof Uint8Array ? memberOffset(loc) : num(loc) ?? 0;
          const bits = num(m.attrs.get(DW_AT.bit_size));
          s.members.push({ name: text(m.attrs.get(DW_AT.name)), type: typeOf(m), offset: off, ...(bits !== null ? { bitSize: bits } : {}) });
        }
        t = s;
        break;
      }
      case DW_TAG.array_type: {
        const sub = d.children.find((c) => c.tag === DW_TAG.subrange_type);
        const upper = sub ? num(sub.attrs.get(DW_AT.upper_bound)) : null;
        const count = sub ? num(sub.attrs.get(0x37 /* DW_AT_count */)) : null;
        t = { kind: 'array', target: null, count: count ?? (upper !== null ? upper + 1 : null) };
        types.set(offset, t);
        t.target = typeOf(d);
        break;
      }
      case DW_TAG.enumeration_type: {
        const enumerators: DebugEnumerator[] = [];
        for (const c of d.children) {
          const cname = text(c.attrs.get(DW_AT.name)), value = num(c.attrs.get(DW_AT.const_value));
          if (c.tag === DW_TAG.enumerator && cname !== null && value !== null) enumerators.push({ name: cname, value });
        }
        t = { kind: 'enum', name, size: size || 4, enumerators };
        break;
      }
      case DW_TAG.subroutine_type: t = { kind: 'function' }; break;
      default: t = null;
    }
    types.set(offset, t);
    return t;
  };

  const out: DebugFunction[] = [];
  const visit = (die: Die): void => {
    if (die.tag === DW_TAG.subprogram) {
      const fn = subprogram(die, typeOf);
      if (fn) out.push(fn);
      return;
    }
    for (const c of die.children) visit(c);
  };
  for (const u of units) visit(u);
  return out;
}

function subprogram(die: Die, typeOf: (d: Die) => DebugType | null): DebugFunction | null {
  const name = text(die.attrs.get(DW_AT.name));
  const low = die.attrs.get(DW_AT.low_pc), high = die.attrs.get(DW_AT.high_pc);
  if (name === null || !isAddress(low) || high === undefined) return null;
  // DWARF 4 may give high_pc as a length after low_pc.
  const end: DebugAddress = isAddress(high) ? high : { section: low.section, address: low.address + (num(high) ?? 0) };
  const base = die.attrs.get(DW_AT.frame_base);
  const frame = base instanceof Uint8Array ? frameBase(base) : null;
  const variables: DebugVariable[] = [];
  const collect = (d: Die, scope: DebugScope | null): void => {
    for (const c of d.children) {
      if (c.tag === DW_TAG.lexical_block) {
        const inner = blockScope(c, scope);
        if (inner !== 'no code') collect(c, inner);
        continue;
      }
      if (c.tag !== DW_TAG.formal_parameter && c.tag !== DW_TAG.variable) continue;
      const vname = text(c.attrs.get(DW_AT.name));
      if (vname === null) continue;
      const loc = c.attrs.get(DW_AT.location);
      variables.push({
        name: vname, role: c.tag === DW_TAG.formal_parameter ? 'argument' : 'local', type: typeOf(c),
        fbreg: loc instanceof Uint8Array ? fbregOf(loc) : null, line: num(c.attrs.get(DW_AT.decl_line)) ?? 0, scope,
      });
    }
  };
  collect(die, null);
  return { name, low, high: end, frameRegister: frame?.reg ?? null, frameOffset: frame?.offset ?? 0, variables };
}

/**
 * A lexical block's range. One given as DW_AT_ranges (not read here) counts as its outer block's;
 * one with no range at all is code that was never generated (gcc keeps `if (0) { int x; }`'s block
 * that way): its locals are never in scope.
 */
function blockScope(block: Die, outer: DebugScope | null): DebugScope | null | 'no code' {
  const low = block.attrs.get(DW_AT.low_pc), high = block.attrs.get(DW_AT.high_pc);
  if (block.attrs.has(0x55 /* DW_AT_ranges */)) return outer;
  if (!isAddress(low) || high === undefined) return 'no code';
  const end: DebugAddress = isAddress(high) ? high : { section: low.section, address: low.address + (num(high) ?? 0) };
  return { low, high: end, depth: (outer?.depth ?? 0) + 1 };
}

function isAddress(v: Value | undefined): v is DebugAddress {
  return typeof v === 'object' && !(v instanceof Uint8Array);
}

/** DW_OP_bregN k, or DW_OP_call_frame_cfa (gcc's): on a frame-pointer frame the CFA is s0 itself. */
function frameBase(expr: Uint8Array): { reg: number; offset: number } | null {
  if (expr.length >= 2 && expr[0] >= DW_OP.breg0 && expr[0] < DW_OP.breg0 + 32) {
    return { reg: expr[0] - DW_OP.breg0, offset: new Reader(expr, 1).sleb() };
  }
  if (expr.length === 1 && expr[0] === 0x9c) return { reg: 8, offset: 0 };
  return null;
}

function fbregOf(expr: Uint8Array): number | null {
  return expr.length >= 2 && expr[0] === DW_OP.fbreg ? new Reader(expr, 1).sleb() : null;
}

function memberOffset(expr: Uint8Array): number {
  return expr.length >= 2 && expr[0] === DW_OP.plus_uconst ? new Reader(expr, 1).uleb() : 0;
}

/**
 * The functions described by an ELF file's .debug_info. In a relocatable object the
 * address fields are R_RISCV_32 relocations against sections: each comes back as
 * (section, offset) for the caller to place where the loader put that section.
 */
export function elfDebugFunctions(elf: ElfFile, symbols: { value: number; shndx: number }[]): DebugFunction[] {
  const find = (name: string) => elf.sections.findIndex((s) => s.name === name);
  const infoIndex = find('.debug_info'), abbrevIndex = find('.debug_abbrev'), strIndex = find('.debug_str');
  if (infoIndex < 0 || abbrevIndex < 0) return [];
  const relocs = new Map<number, { section: string; address: number }>();
  const info = new Uint8Array(elf.sections[infoIndex].data); // a copy (a Buffer's slice would share the file): label differences are applied to it
  const words = new DataView(info.buffer);
  for (const rs of elf.sections.filter((s) => s.type === 4 /* SHT_RELA */ && s.info === infoIndex)) {
    const d = new DataView(rs.data.buffer, rs.data.byteOffset, rs.data.byteLength);
    for (let o = 0; o + 12 <= rs.data.length; o += 12) {
      const offset = d.getUint32(o, true), type = d.getUint32(o + 4, true) & 0xff, sym = symbols[d.getUint32(o + 4, true) >>> 8];
      const target = sym ? elf.sections[sym.shndx] : undefined;
      if (!sym || !target || offset + 4 > info.length) continue;
      const value = sym.value + d.getInt32(o + 8, true);
      if (type === 1 /* R_RISCV_32 */) relocs.set(offset, { section: target.name, address: value });
      // gcc writes a function's length (high_pc) as the difference of two labels of its section.
      else if (type === 35 /* R_RISCV_ADD32 */) words.setUint32(offset, (words.getUint32(offset, true) + value) >>> 0, true);
      else if (type === 39 /* R_RISCV_SUB32 */) words.setUint32(offset, (words.getUint32(offset, true) - value) >>> 0, true);
    }
  }
  return readDebugFunctions(info, elf.sections[abbrevIndex].data,
    strIndex >= 0 ? elf.sections[strIndex].data : null, (offset) => relocs.get(offset));
}
