// DWARF 3 variable information (DWARF 3 spec, 3.3 "Subroutine and Entry Point
// Entries", 4.1 "Data Object Entries", 5 "Type Entries") for the functions
// kernel-C compiled: one DW_TAG_subprogram per function, with a child per
// parameter and per named local giving its type and its frame slot.
//
// kernel-C keeps every parameter and local in memory for the whole function, at
// a fixed offset from s0 (s0 = the sp the function was called with, set by the
// prologue), so a variable's location is simply DW_OP_fbreg <offset> with the
// frame base DW_OP_breg8 0 (x8 = s0). Locals of an inner `{ }` block sit in a
// DW_TAG_lexical_block whose low_pc/high_pc are the labels codegen put around the
// block's code, as gcc does: a debugger shows such a local only inside its block,
// and of two locals of one name the innermost.
//
// Types are written once each, after the functions, from a work list: a reference
// is a 4-byte hole patched when the type's entry is written, so a struct that
// points to itself needs no special care.

import type { BlockScope, Obj } from '../parse/ast.ts';
import { unqual, type Enumerator, type StructDef, type Type } from '../parse/types.ts';
import type { ByteWriter } from './dwarf-line.ts';

export const DW_TAG = {
  array_type: 0x01, enumeration_type: 0x04, formal_parameter: 0x05, lexical_block: 0x0b, member: 0x0d, pointer_type: 0x0f,
  compile_unit: 0x11, structure_type: 0x13, subroutine_type: 0x15, typedef: 0x16, union_type: 0x17,
  subrange_type: 0x21, base_type: 0x24, const_type: 0x26, enumerator: 0x28, subprogram: 0x2e, variable: 0x34, volatile_type: 0x35,
} as const;
export const DW_AT = {
  location: 0x02, name: 0x03, byte_size: 0x0b, low_pc: 0x11, high_pc: 0x12, bit_offset: 0x0c, bit_size: 0x0d,
  const_value: 0x1c, upper_bound: 0x2f, data_member_location: 0x38, decl_line: 0x3b, declaration: 0x3c, encoding: 0x3e, external: 0x3f,
  frame_base: 0x40, type: 0x49, prototyped: 0x27,
} as const;
export const DW_FORM = {
  addr: 0x01, block2: 0x03, block4: 0x04, data2: 0x05, data4: 0x06, data8: 0x07, string: 0x08, block: 0x09, block1: 0x0a,
  data1: 0x0b, flag: 0x0c, sdata: 0x0d, strp: 0x0e, udata: 0x0f, ref_addr: 0x10, ref1: 0x11, ref2: 0x12, ref4: 0x13,
  ref8: 0x14, ref_udata: 0x15, indirect: 0x16, sec_offset: 0x17, exprloc: 0x18, flag_present: 0x19, ref_sig8: 0x20,
} as const;
export const DW_ATE = { boolean: 0x02, signed: 0x05, signed_char: 0x06, unsigned: 0x07, unsigned_char: 0x08 } as const;
export const DW_OP = { plus_uconst: 0x23, breg0: 0x70, fbreg: 0x91 } as const;
/** s0, the frame pointer kernel-C's frames are addressed from. */
const FP_REGISTER = 8;

/** A function to describe and where its code lies: [start, end) in `section`. */
export interface PlacedFunction {
  fn: Obj;
  section: string;
  start: number;
  end: number;
  /** Where a label of the function's code is, as `start` is given (undefined: not placed). */
  labelAt?: (label: string) => number | undefined;
}

type Spec = readonly (readonly [number, number])[];

/** The abbreviation table, filled as entries of new shapes are written (code 1 is the compile unit's). */
export class Abbrevs {
  private readonly codes = new Map<string, number>();
  readonly entries: { code: number; tag: number; children: boolean; spec: Spec }[] = [];

  code(tag: number, children: boolean, spec: Spec): number {
    const key = `${tag}/${children ? 1 : 0}/${spec.map((s) => `${s[0]}.${s[1]}`).join(',')}`;
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.entries.length + 2;
      this.codes.set(key, code);
      this.entries.push({ code, tag, children, spec });
    }
    return code;
  }

  write(w: ByteWriter): void {
    for (const e of this.entries) {
      w.uleb(e.code).uleb(e.tag).u8(e.children ? 1 : 0);
      for (const [at, form] of e.spec) w.uleb(at).uleb(form);
      w.u8(0).u8(0);
    }
  }
}

const NAME = [DW_AT.name, DW_FORM.string] as const;
const TYPE = [DW_AT.type, DW_FORM.ref4] as const;
const SIZE = [DW_AT.byte_size, DW_FORM.data4] as const;

/** Writes the subprograms of `functions` and the types they use as children of the unit being written. */
export function writeFunctionEntries(w: ByteWriter, abbrevs: Abbrevs, functions: readonly PlacedFunction[]): void {
  const types = new TypeWriter(w, abbrevs);
  for (const f of functions) {
    w.uleb(abbrevs.code(DW_TAG.subprogram, true, [NAME, [DW_AT.external, DW_FORM.flag], [DW_AT.low_pc, DW_FORM.addr],
      [DW_AT.high_pc, DW_FORM.addr], [DW_AT.frame_base, DW_FORM.block1], [DW_AT.decl_line, DW_FORM.udata]]));
    w.str(f.fn.name).u8(f.fn.isStatic ? 0 : 1).addr(f.section, f.start).addr(f.section, f.end);
    w.u8(2).u8(DW_OP.breg0 + FP_REGISTER).sleb(0);
    w.uleb(f.fn.loc.line);
    for (const p of f.fn.params ?? []) variable(w, abbrevs, types, p, DW_TAG.formal_parameter);
    writeBlock(w, abbrevs, types, f.section, blockTree(f));
    w.u8(0);
  }
  types.flush();
}

/** A function's body or one of its inner blocks: its range, its own locals, the blocks inside it. */
interface BlockNode { start: number; end: number; locals: Obj[]; inner: BlockNode[] }

/**
 * The function's locals grouped by the blocks that declare them. A block whose code was never
 * generated (dead code: codegen set no label) has no range, so its locals are left out, as gcc
 * leaves them; one whose labels cannot be placed gives its locals to the block around it.
 */
function blockTree(f: PlacedFunction): BlockNode {
  const body: BlockNode = { start: f.start, end: f.end, locals: [], inner: [] };
  const nodes = new Map<BlockScope, BlockNode | null>();
  const nodeOf = (scope: BlockScope | undefined): BlockNode | null => {
    if (!scope) return body;
    const known = nodes.get(scope);
    if (known !== undefined) return known;
    const outer = nodeOf(scope.parent);
    let node: BlockNode | null;
    if (!outer || scope.start === undefined || scope.end === undefined) node = null;
    else {
      const start = f.labelAt?.(scope.start), end = f.labelAt?.(scope.end);
      if (start === undefined || end === undefined) node = outer;
      else { node = { start, end, locals: [], inner: [] }; outer.inner.push(node); }
    }
    nodes.set(scope, node);
    return node;
  };
  for (const v of f.fn.locals ?? []) if (!v.name.startsWith('.')) nodeOf(v.scope)?.locals.push(v);
  return body;
}

/** A block's locals, then its inner blocks (DW_TAG_lexical_block, with their code's range), as gcc orders them. */
function writeBlock(w: ByteWriter, abbrevs: Abbrevs, types: TypeWriter, section: string, node: BlockNode): void {
  for (const v of node.locals) variable(w, abbrevs, types, v, DW_TAG.variable);
  for (const b of node.inner) {
    w.uleb(abbrevs.code(DW_TAG.lexical_block, true, [[DW_AT.low_pc, DW_FORM.addr], [DW_AT.high_pc, DW_FORM.addr]]));
    w.addr(section, b.start).addr(section, b.end);
    writeBlock(w, abbrevs, types, section, b);
    w.u8(0);
  }
}

function variable(w: ByteWriter, abbrevs: Abbrevs, types: TypeWriter, v: Obj, tag: number): void {
  if (!v.name) return;
  const type = types.needed(v.ty);
  // A local register variable lives in its register, not in a slot: no location (a debugger says so).
  const inSlot = v.asmReg === undefined;
  const spec: [number, number][] = [[DW_AT.name, DW_FORM.string], [DW_AT.decl_line, DW_FORM.udata]];
  if (type) spec.push([DW_AT.type, DW_FORM.ref4]);
  if (inSlot) spec.push([DW_AT.location, DW_FORM.block1]);
  w.uleb(abbrevs.code(tag, false, spec)).str(v.name).uleb(v.loc.line);
  if (type) types.ref(type);
  if (inSlot) {
    const at = w.bytes.length;
    w.u8(0).u8(DW_OP.fbreg).sleb(v.offset);
    w.bytes[at] = w.bytes.length - at - 1;
  }
}

/** The types of one unit: each written once, after the functions, in the order first needed. */
class TypeWriter {
  private readonly offsets = new Map<string, number>();
  private readonly queue: { key: string; ty: Type }[] = [];
  private readonly holes: { at: number; key: string }[] = [];
  private readonly structIds = new Map<StructDef, number>();
  private readonly enumIds = new Map<readonly Enumerator[], number>();

  constructor(private readonly w: ByteWriter, private readonly abbrevs: Abbrevs) {}

  /** The type's key if it has an entry (void has none: its DW_AT_type is left out). */
  needed(ty: Type): string | undefined {
    if (ty.kind === 'void' && !ty.isConst && !ty.isVolatile && !ty.alias) return undefined;
    const key = this.key(ty);
    if (!this.offsets.has(key)) {
      this.offsets.set(key, -1);
      this.queue.push({ key, ty });
    }
    return key;
  }

  /** A 4-byte reference to the type with `key`, patched in flush(). */
  ref(key: string): void {
    this.holes.push({ at: this.w.bytes.length, key });
    this.w.u32(0);
  }

  flush(): void {
    for (let i = 0; i < this.queue.length; i++) {
      const { key, ty } = this.queue[i];
      this.offsets.set(key, this.w.bytes.length);
      this.entry(ty);
    }
    for (const h of this.holes) this.w.setU32(h.at, this.offsets.get(h.key)!);
  }

  private key(ty: Type): string {
    if (ty.isConst) return `c${this.key({ ...ty, isConst: false })}`;
    if (ty.isVolatile) return `v${this.key({ ...ty, isVolatile: false })}`;
    if (ty.alias) return `t${ty.alias};${this.key(unqual(ty))}`;
    switch (ty.kind) {
      case 'void': return 'V';
      case 'bool': return 'B';
      case 'int': {
        if (!isEnum(ty)) return `i${ty.name}`;
        // Two anonymous enums differ by their constants: each definition is a type of its own.
        let id = ty.enumerators ? this.enumIds.get(ty.enumerators) : undefined;
        if (ty.enumerators && id === undefined) { id = this.enumIds.size; this.enumIds.set(ty.enumerators, id); }
        return `e${ty.enumTag ?? ''};${ty.size};${id ?? ''}`;
      }
      case 'ptr': return `p${this.key(ty.base)}`;
      case 'array': return `a${ty.len};${this.key(ty.base)}`;
      case 'func': return 'F';
      case 'struct': {
        let id = this.structIds.get(ty.def);
        if (id === undefined) { id = this.structIds.size; this.structIds.set(ty.def, id); }
        return `s${id}`;
      }
    }
  }

  /** One entry whose own (optional) DW_AT_type is `inner`. */
  private wrapper(tag: number, before: Spec, inner: Type | undefined, write: () => void): void {
    const key = inner ? this.needed(inner) : undefined;
    this.w.uleb(this.abbrevs.code(tag, false, key ? [...before, TYPE] : before));
    write();
    if (key) this.ref(key);
  }

  private entry(ty: Type): void {
    const w = this.w;
    if (ty.isConst) return this.wrapper(DW_TAG.const_type, [], { ...ty, isConst: false }, () => {});
    if (ty.isVolatile) return this.wrapper(DW_TAG.volatile_type, [], { ...ty, isVolatile: false }, () => {});
    if (ty.alias) return this.wrapper(DW_TAG.typedef, [NAME], unqual(ty), () => w.str(ty.alias!));
    switch (ty.kind) {
      case 'void': // only reached through a qualifier or typedef: `const void` is a const of nothing
        return this.wrapper(DW_TAG.const_type, [], undefined, () => {});
      case 'bool':
        w.uleb(this.abbrevs.code(DW_TAG.base_type, false, [NAME, [DW_AT.encoding, DW_FORM.data1], SIZE]));
        w.str('_Bool').u8(DW_ATE.boolean).u32(1);
        return;
      case 'int':
        if (isEnum(ty)) {
          const named = !!ty.enumTag, constants = ty.enumerators ?? [];
          w.uleb(this.abbrevs.code(DW_TAG.enumeration_type, constants.length > 0, named ? [NAME, SIZE] : [SIZE]));
          if (named) w.str(ty.enumTag!);
          w.u32(ty.size);
          if (!constants.length) return; // declared (`enum tag;`) but not defined here
          // Each constant as gcc writes it: name and value (signed LEB128 holds an unsigned enum's too).
          const code = this.abbrevs.code(DW_TAG.enumerator, false, [NAME, [DW_AT.const_value, DW_FORM.sdata]]);
          for (const c of constants) bigSleb(w.uleb(code).str(c.name), c.value);
          w.u8(0);
          return;
        }
        w.uleb(this.abbrevs.code(DW_TAG.base_type, false, [NAME, [DW_AT.encoding, DW_FORM.data1], SIZE]));
        w.str(ty.name).u8(ty.size === 1 ? (ty.unsigned ? DW_ATE.unsigned_char : DW_ATE.signed_char) : ty.unsigned ? DW_ATE.unsigned : DW_ATE.signed).u32(ty.size);
        return;
      case 'ptr':
        return this.wrapper(DW_TAG.pointer_type, [SIZE], ty.base.kind === 'void' && !ty.base.isConst && !ty.base.alias ? undefined : ty.base, () => w.u32(4));
      case 'func':
        w.uleb(this.abbrevs.code(DW_TAG.subroutine_type, false, [[DW_AT.prototyped, DW_FORM.flag]])).u8(1);
        return;
      case 'array': {
        const key = this.needed(ty.base);
        w.uleb(this.abbrevs.code(DW_TAG.array_type, true, key ? [TYPE] : []));
        if (key) this.ref(key);
        const bounded = ty.len > 0;
        w.uleb(this.abbrevs.code(DW_TAG.subrange_type, false, bounded ? [[DW_AT.upper_bound, DW_FORM.udata]] : []));
        if (bounded) w.uleb(ty.len - 1);
        w.u8(0);
        return;
      }
      case 'struct': return this.struct(ty.def);
    }
  }

  private struct(def: StructDef): void {
    const w = this.w;
    const tag = def.isUnion ? DW_TAG.union_type : DW_TAG.structure_type;
    const named = def.tag !== undefined && def.tag !== '';
    if (!def.complete) {
      w.uleb(this.abbrevs.code(tag, false, named ? [NAME, [DW_AT.declaration, DW_FORM.flag]] : [[DW_AT.declaration, DW_FORM.flag]]));
      if (named) w.str(def.tag!);
      w.u8(1);
      return;
    }
    const members = def.members;
    w.uleb(this.abbrevs.code(tag, members.length > 0, named ? [NAME, SIZE] : [SIZE]));
    if (named) w.str(def.tag!);
    w.u32(def.size);
    if (!members.length) return;
    for (const m of members) {
      const key = this.needed(m.ty);
      const spec: [number, number][] = m.name ? [[DW_AT.name, DW_FORM.string]] : [];
      if (key) spec.push([DW_AT.type, DW_FORM.ref4]);
      const bits = m.bitWidth !== undefined;
      // DWARF 3 counts a bit-field's bits from the storage unit's most significant end.
      if (bits) spec.push([DW_AT.byte_size, DW_FORM.data1], [DW_AT.bit_size, DW_FORM.data1], [DW_AT.bit_offset, DW_FORM.data1]);
      spec.push([DW_AT.data_member_location, DW_FORM.block1]);
      w.uleb(this.abbrevs.code(DW_TAG.member, false, spec));
      if (m.name) w.str(m.name);
      if (key) this.ref(key);
      if (bits) {
        const unit = m.ty.kind === 'int' ? m.ty.size : 4;
        w.u8(unit).u8(m.bitWidth!).u8(8 * unit - (m.bitOffset ?? 0) - m.bitWidth!);
      }
      const at = w.bytes.length;
      w.u8(0).u8(DW_OP.plus_uconst).uleb(m.offset);
      w.bytes[at] = w.bytes.length - at - 1;
    }
    w.u8(0);
  }
}

/** An enum type: named (`enum tag`), or anonymous, known by its constants. */
function isEnum(ty: Type & { kind: 'int' }): boolean {
  return ty.enumTag !== undefined || ty.enumerators !== undefined;
}

/** Signed LEB128 of any 64-bit value (ByteWriter.sleb works on 32 bits: 0x80000000 would come out negative). */
function bigSleb(w: ByteWriter, v: bigint): void {
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) { w.u8(b); return; }
    w.u8(b | 0x80);
  }
}
