// C types of kernel-C with the ILP32 layout gcc uses for riscv32 (ilp32 psABI):
// int/long/pointers 4 bytes, long long 8 bytes aligned to 8, plain char unsigned.

export interface Quals {
  isConst?: boolean;
  isVolatile?: boolean;
  /** The kernel's __iomem address space: direct dereference deserves a warning. */
  isIomem?: boolean;
  /** The typedef name this type was written as, for messages. */
  alias?: string;
}

export type IntName =
  | 'char' | 'signed char' | 'unsigned char' | 'short' | 'unsigned short' | 'int' | 'unsigned int'
  | 'long' | 'unsigned long' | 'long long' | 'unsigned long long';

export interface Member {
  name: string | undefined;
  ty: Type;
  offset: number;
  /** Bit-fields: width and the bit position inside the storage unit at `offset`. */
  bitWidth?: number;
  bitOffset?: number;
  /** __attribute__((aligned(N))) on the member. */
  align?: number;
}

export interface StructDef {
  tag: string | undefined;
  isUnion: boolean;
  members: Member[];
  size: number;
  align: number;
  complete: boolean;
  packed: boolean;
}

export type Type = Quals & (
  | { kind: 'void' }
  | { kind: 'bool' }
  | { kind: 'int'; size: 1 | 2 | 4 | 8; unsigned: boolean; name: IntName; enumTag?: string; enumerators?: readonly Enumerator[] }
  | { kind: 'ptr'; base: Type }
  | { kind: 'array'; base: Type; len: number }
  | { kind: 'func'; ret: Type; params: Param[]; variadic: boolean; oldStyle: boolean }
  | { kind: 'struct'; def: StructDef; alignOverride?: number });

export interface Param { name: string | undefined; ty: Type }

/** A constant of an enum's definition, kept on its type for the debug info (DW_TAG_enumerator). */
export interface Enumerator { name: string; value: bigint }

export type IntType = Extract<Type, { kind: 'int' }>;
export type PtrType = Extract<Type, { kind: 'ptr' }>;
export type ArrayType = Extract<Type, { kind: 'array' }>;
export type FuncType = Extract<Type, { kind: 'func' }>;
export type StructType = Extract<Type, { kind: 'struct' }>;

const INT_SIZES: Record<IntName, [1 | 2 | 4 | 8, boolean]> = {
  'char': [1, true], 'signed char': [1, false], 'unsigned char': [1, true],
  'short': [2, false], 'unsigned short': [2, true], 'int': [4, false], 'unsigned int': [4, true],
  'long': [4, false], 'unsigned long': [4, true], 'long long': [8, false], 'unsigned long long': [8, true],
};

export function intType(name: IntName): IntType {
  const [size, unsigned] = INT_SIZES[name];
  return { kind: 'int', size, unsigned, name };
}

export const tyVoid: Type = { kind: 'void' };
export const tyBool: Type = { kind: 'bool' };
export const tyChar = intType('char');
export const tyInt = intType('int');
export const tyUInt = intType('unsigned int');
export const tyLong = intType('long');
export const tyULong = intType('unsigned long');
export const tyLLong = intType('long long');
export const tyULLong = intType('unsigned long long');

export function pointerTo(base: Type): Type { return { kind: 'ptr', base }; }
export function arrayOf(base: Type, len: number): Type { return { kind: 'array', base, len }; }
export function funcType(ret: Type, params: Param[], variadic: boolean, oldStyle = false): FuncType {
  return { kind: 'func', ret, params, variadic, oldStyle };
}

/** The same type without qualifiers or typedef name (qualifiers live on the outer object only). */
export function unqual(t: Type): Type {
  if (!t.isConst && !t.isVolatile && !t.isIomem && !t.alias) return t;
  // Rest destructuring rather than `delete`, which would turn the object into a slow dictionary.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { isConst, isVolatile, isIomem, alias, ...rest } = t;
  return rest as Type;
}

export function withQuals(t: Type, q: Quals): Type {
  if (!q.isConst && !q.isVolatile && !q.isIomem) return t;
  return { ...t, isConst: t.isConst || q.isConst, isVolatile: t.isVolatile || q.isVolatile, isIomem: t.isIomem || q.isIomem };
}

export function isInteger(t: Type): boolean { return t.kind === 'int' || t.kind === 'bool'; }
export function isScalar(t: Type): boolean { return isInteger(t) || t.kind === 'ptr'; }
export function isPointerLike(t: Type): boolean { return t.kind === 'ptr' || t.kind === 'array'; }
export function is64(t: Type): boolean { return t.kind === 'int' && t.size === 8; }
export function isUnsigned(t: Type): boolean {
  return t.kind === 'bool' || t.kind === 'ptr' || (t.kind === 'int' && t.unsigned);
}
export function isAggregate(t: Type): boolean { return t.kind === 'struct' || t.kind === 'array'; }
export function pointee(t: Type): Type | undefined {
  return t.kind === 'ptr' || t.kind === 'array' ? t.base : undefined;
}

export function sizeOf(t: Type): number {
  switch (t.kind) {
    case 'void': return 1; // GNU: sizeof(void) == 1, so void* arithmetic works as in the kernel
    case 'bool': return 1;
    case 'int': return t.size;
    case 'ptr': return 4;
    case 'array': return t.len < 0 ? 0 : t.len * sizeOf(t.base);
    case 'func': return 1;
    case 'struct': return t.def.size;
  }
}

export function alignOf(t: Type): number {
  switch (t.kind) {
    case 'void': case 'bool': case 'func': return 1;
    case 'int': return t.size;
    case 'ptr': return 4;
    case 'array': return alignOf(t.base);
    case 'struct': return t.alignOverride ?? t.def.align;
  }
}

export function alignTo(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/** C99 6.3.1.1 integer promotions: everything narrower than int becomes int. */
export function promote(t: Type): Type {
  if (t.kind === 'bool') return tyInt;
  if (t.kind === 'int' && t.size < 4) return tyInt;
  if (t.kind === 'int') return unqual(t);
  return t;
}

/** C99 6.3.1.8 usual arithmetic conversions for two integer operands. */
export function commonIntType(a: Type, b: Type): IntType {
  const pa = promote(a) as IntType, pb = promote(b) as IntType;
  if (pa.size === 8 || pb.size === 8) {
    if ((pa.size === 8 && pa.unsigned) || (pb.size === 8 && pb.unsigned)) return tyULLong;
    return tyLLong;
  }
  const isLong = pa.name.includes('long') || pb.name.includes('long');
  if (pa.unsigned || pb.unsigned) return isLong ? tyULong : tyUInt;
  return isLong ? tyLong : tyInt;
}

export function sameType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'void': case 'bool': return true;
    case 'int': { const bi = b as IntType; return a.size === bi.size && a.unsigned === bi.unsigned; }
    case 'ptr': return sameType(a.base, (b as PtrType).base);
    case 'array': return sameType(a.base, (b as ArrayType).base);
    case 'struct': return a.def === (b as StructType).def;
    case 'func': {
      const bf = b as FuncType;
      if (!sameType(a.ret, bf.ret)) return false;
      if (a.oldStyle || bf.oldStyle) return true;
      return a.params.length === bf.params.length && a.variadic === bf.variadic &&
        a.params.every((p, i) => sameType(p.ty, bf.params[i].ty));
    }
  }
}

/** Spelling of a type for diagnostics ("struct StopWatch_regs *", "const char *"). */
export function typeName(t: Type): string {
  if (t.alias) return (t.isConst ? 'const ' : '') + t.alias;
  const q = (t.isConst ? 'const ' : '') + (t.isVolatile ? 'volatile ' : '') + (t.isIomem ? '__iomem ' : '');
  switch (t.kind) {
    case 'void': return q + 'void';
    case 'bool': return q + '_Bool';
    case 'int': return q + (t.enumTag !== undefined ? `enum ${t.enumTag}` : t.name);
    case 'ptr': {
      if (t.base.kind === 'func') return funcSpelling(t.base, '(*)');
      const inner = typeName(t.base);
      return `${inner}${inner.endsWith('*') ? '' : ' '}*${t.isConst ? ' const' : ''}`;
    }
    case 'array': return `${typeName(t.base)}[${t.len < 0 ? '' : t.len}]`;
    case 'func': return funcSpelling(t, '');
    case 'struct': return q + `${t.def.isUnion ? 'union' : 'struct'} ${t.def.tag ?? '<anonymous>'}`;
  }
}

function funcSpelling(f: FuncType, mid: string): string {
  const ps = f.params.map((p) => typeName(p.ty));
  if (f.variadic) ps.push('...');
  if (ps.length === 0 && !f.oldStyle) ps.push('void');
  return `${typeName(f.ret)} ${mid}(${ps.join(', ')})`;
}

/** Lays out a struct or union the way gcc does for ilp32, bit-fields included. */
export function layoutStruct(def: StructDef, maxAlign?: number): void {
  let bits = 0, size = 0, align = 1;
  for (const m of def.members) {
    const mAlign = Math.max(def.packed ? 1 : Math.min(alignOf(m.ty), maxAlign ?? 16), m.align ?? 1);
    const mSize = sizeOf(m.ty);
    if (m.bitWidth !== undefined) {
      const unitBits = mSize * 8;
      if (m.bitWidth === 0) { bits = alignTo(bits, unitBits); continue; }
      if (def.isUnion) bits = 0;
      if (!def.packed && Math.floor(bits / unitBits) !== Math.floor((bits + m.bitWidth - 1) / unitBits)) {
        bits = alignTo(bits, unitBits);
      }
      const unitStart = def.packed ? Math.floor(bits / 8) : Math.floor(bits / unitBits) * mSize;
      m.offset = unitStart;
      m.bitOffset = bits - unitStart * 8;
      bits += m.bitWidth;
      if (def.isUnion) size = Math.max(size, alignTo(m.bitWidth, 8) / 8);
      if (m.name !== undefined || !def.packed) align = Math.max(align, mAlign);
      continue;
    }
    if (def.isUnion) {
      m.offset = 0;
      size = Math.max(size, mSize);
    } else {
      bits = alignTo(bits, mAlign * 8);
      m.offset = bits / 8;
      bits += mSize * 8;
    }
    align = Math.max(align, mAlign);
  }
  if (!def.isUnion) size = Math.ceil(bits / 8);
  def.align = align;
  def.size = alignTo(size, align);
  def.complete = true;
}
