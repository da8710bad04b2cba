// struct, union and enum specifiers (C99 6.7.2.1-3): tags and their scopes,
// members with bit-fields and anonymous members, packed/aligned attributes.

import type { Token } from '../preprocess/token.ts';
import { Parser, closestName } from './parse-state.ts';
import { attributes, declspec, declarator, applyIomem, type DeclAttr } from './parse-decl.ts';
import { conditional } from './parse-expr.ts';
import { evalInt } from './const-eval.ts';
import { layoutStruct, tyInt, tyUInt, tyLLong, tyULLong, typeName, type Member, type StructDef, type Type } from './types.ts';

export function structOrUnionSpec(p: Parser, isUnion: boolean, outer: DeclAttr): Type {
  const a: DeclAttr = {};
  attributes(p, a);
  let tag: Token | undefined;
  if (p.tok.kind === 'ident') tag = p.next();
  const kw = isUnion ? 'union' : 'struct';
  if (tag && !p.is('{')) {
    const found = p.lookupTag(tag.text);
    if (found) {
      if (found.kind !== 'struct' || found.def.isUnion !== isUnion) p.error(tag, `'${tag.text}' was declared as a different kind of tag (not ${kw})`);
      return found;
    }
    const ty: Type = { kind: 'struct', def: newDef(tag.text, isUnion) };
    p.declareTag(tag.text, ty);
    return ty;
  }
  if (!p.is('{')) return p.error(p.tok, `expected '{' or a tag name after '${kw}'`);
  let ty: Type;
  const existing = tag ? p.lookupTagCurrent(tag.text) : undefined;
  if (existing && existing.kind === 'struct' && !existing.def.complete && existing.def.isUnion === isUnion) ty = existing;
  else {
    if (existing && existing.kind === 'struct' && existing.def.complete && tag) p.error(tag, `redefinition of '${kw} ${tag.text}'`);
    ty = { kind: 'struct', def: newDef(tag?.text, isUnion) };
    if (tag) p.declareTag(tag.text, ty);
  }
  const def = (ty as Extract<Type, { kind: 'struct' }>).def;
  p.next();
  def.members = memberList(p);
  attributes(p, a);
  def.packed = !!a.packed;
  layoutStruct(def);
  if (a.align !== undefined && a.align > def.align) {
    def.align = a.align;
    def.size = Math.ceil(def.size / a.align) * a.align;
  }
  void outer;
  return ty;
}

function newDef(tag: string | undefined, isUnion: boolean): StructDef {
  return { tag, isUnion, members: [], size: 0, align: 1, complete: false, packed: false };
}

function memberList(p: Parser): Member[] {
  const members: Member[] = [];
  while (!p.consume('}')) {
    if (p.atEof()) p.error(p.tok, "expected '}' to end the member list");
    if (p.consume(';')) continue;
    const a: DeclAttr = {};
    const start = p.tok;
    p.unknownTypeName();
    const base = declspec(p, a);
    if (base.kind === 'struct' && p.is(';')) {
      p.next();
      members.push({ name: undefined, ty: base, offset: 0 }); // anonymous struct/union member
      continue;
    }
    let first = true;
    while (!p.consume(';')) {
      if (!first) p.expect(',');
      first = false;
      memberDeclarator(p, base, a, members, start);
    }
  }
  checkFlexible(p, members);
  return members;
}

function memberDeclarator(p: Parser, base: Type, a: DeclAttr, members: Member[], start: Token): void {
  const da: DeclAttr = { ...a };
  if (p.is(':')) {
    p.next();
    const e = conditional(p);
    const width = evalInt(e);
    if (width === undefined) p.exprError(e, 'bit-field width must be an integer constant');
    // BUILD_BUG_ON's trick: a negative width is the error that stops the build.
    if (width < 0n) p.exprError(e, "negative width in bit-field '<anonymous>' (a BUILD_BUG_ON-style check failed)");
    members.push({ name: undefined, ty: base, offset: 0, bitWidth: Number(width) });
    attributes(p, da);
    return;
  }
  const d = declarator(p, base, da);
  const ty = applyIomem(d.ty, da);
  if (ty.kind === 'func') p.error(d.name ?? start, `member '${d.name?.text}' is a function; did you mean a function pointer '(*${d.name?.text})(...)'?`);
  if (ty.kind === 'struct' && !ty.def.complete) p.error(d.name ?? start, `member '${d.name?.text}' has incomplete type '${typeName(ty)}'`);
  const m: Member = { name: d.name?.text, ty, offset: 0 };
  if (p.consume(':')) {
    const e = conditional(p);
    const w = evalInt(e);
    if (w === undefined) p.exprError(e, 'bit-field width must be an integer constant');
    if (w < 0n) p.exprError(e, `negative width in bit-field '${m.name}'`);
    if (ty.kind !== 'int' && ty.kind !== 'bool') p.error(d.name ?? start, `bit-field '${m.name}' must have an integer type`);
    if (Number(w) > (ty.kind === 'bool' ? 1 : ty.size * 8)) p.exprError(e, `width of bit-field '${m.name}' exceeds its type`);
    m.bitWidth = Number(w);
  }
  attributes(p, da);
  if (da.align !== undefined) m.align = da.align;
  members.push(m);
}

function checkFlexible(p: Parser, members: Member[]): void {
  members.forEach((m, i) => {
    if (m.ty.kind === 'array' && m.ty.len < 0 && i !== members.length - 1) {
      p.report(p.tok.loc, 1, `flexible array member '${m.name}' must be the last member`);
    }
  });
}

export function enumSpec(p: Parser): Type {
  const a: DeclAttr = {};
  attributes(p, a);
  let tag: Token | undefined;
  if (p.tok.kind === 'ident') tag = p.next();
  if (tag && !p.is('{')) {
    const found = p.lookupTag(tag.text);
    if (found) return found;
    const ty: Type = { ...tyUInt, enumTag: tag.text };
    p.declareTag(tag.text, ty);
    return ty;
  }
  p.expect('{', "after 'enum'");
  let value = 0n;
  let anyNegative = false;
  const names: string[] = [];
  const constants: { value: bigint; ty: Type }[] = [];
  while (!p.consume('}')) {
    const name = p.ident('an enumerator name');
    attributes(p, a);
    if (p.consume('=')) {
      const e = conditional(p);
      const v = evalInt(e);
      if (v === undefined) p.exprError(e, `the value of enumerator '${name.text}' must be an integer constant`);
      value = v;
    }
    if (value < 0n) anyNegative = true;
    const constant = { kind: 'enum' as const, value, ty: fitsInt(value) ? tyInt : tyLLong };
    constants.push(constant);
    p.declare(name.text, constant);
    names.push(name.text);
    value++;
    if (!p.consume(',')) { p.expect('}', 'to end the enum'); break; }
  }
  attributes(p, a);
  // gcc gives the enum the first of unsigned int, int, unsigned long long, long long that holds
  // every value; a constant that does not fit in int takes the enum's type (0x80000000 is unsigned).
  const wide = constants.some((c) => c.value > 0xffffffffn || c.value < -0x80000000n || (anyNegative && c.value > 0x7fffffffn));
  const base = wide ? (anyNegative ? tyLLong : tyULLong) : (anyNegative ? tyInt : tyUInt);
  for (const c of constants) if (!fitsInt(c.value)) c.ty = base;
  const ty: Type = { ...base, enumTag: tag?.text, enumerators: constants.map((c, i) => ({ name: names[i], value: c.value })) };
  if (tag) p.declareTag(tag.text, ty);
  return ty;
}

function fitsInt(v: bigint): boolean { return v >= -0x80000000n && v <= 0x7fffffffn; }

/** Finds a member by name, looking into anonymous struct/union members; returns the path. */
export function findMember(ty: Type, name: string): Member[] | undefined {
  if (ty.kind !== 'struct') return undefined;
  return memberIndex(ty.def).get(name);
}

/** Member paths by name (through anonymous structs and unions), made once per definition:
 * a struct of 10^4 members accessed 10^4 times must not search its list each time. */
function memberIndex(def: StructDef): Map<string, Member[]> {
  const known = memberIndexes.get(def);
  if (known && known.count === def.members.length) return known.index;
  const index = new Map<string, Member[]>();
  for (const m of def.members) {
    if (m.name !== undefined) { if (!index.has(m.name)) index.set(m.name, [m]); continue; }
    if (m.ty.kind !== 'struct') continue;
    for (const [inner, path] of memberIndex(m.ty.def)) if (!index.has(inner)) index.set(inner, [m, ...path]);
  }
  memberIndexes.set(def, { count: def.members.length, index });
  return index;
}

const memberIndexes = new WeakMap<StructDef, { count: number; index: Map<string, Member[]> }>();

export function memberNames(ty: Type): string[] {
  if (ty.kind !== 'struct') return [];
  return ty.def.members.flatMap((m) => (m.name !== undefined ? [m.name] : memberNames(m.ty)));
}

export function suggestMember(ty: Type, name: string): string {
  const c = closestName(name, memberNames(ty));
  return c ? `; did you mean '${c}'?` : '';
}
