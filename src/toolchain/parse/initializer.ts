// Initializers (C99 6.7.8): designators ([i], .m, nested, GNU ranges), nested
// braces and brace elision, string literals for char arrays, zero fill. A parsed
// initializer becomes assignments (locals) or bytes + relocations (static data).

import type { Token } from '../preprocess/token.ts';
import type { DataReloc, Expr, Obj } from './ast.ts';
import { Parser } from './parse-state.ts';
import { CompileAbort } from '../diagnostics.ts';
import { assignExpr, memberNode } from './parse-expr.ts';
import { add, assignConvert, num, varRef } from './expr-build.ts';
import { findMember, suggestMember } from './parse-struct.ts';
import { evalConst, evalInt } from './const-eval.ts';
import { constInt } from './parse-decl.ts';
import { stringObj } from './parse-builtin.ts';
import { arrayOf, pointee, sizeOf, tyInt, typeName, unqual, type Member, type Type } from './types.ts';
import { appendAll } from '../big-arrays.ts';

export interface Init {
  ty: Type;
  expr?: Expr;
  children?: (Init | undefined)[];
  /** The string literal a char array was initialized from (its bytes, NUL included). */
  fromString?: Uint8Array;
}

function isCharArray(ty: Type): boolean {
  return ty.kind === 'array' && ty.base.kind === 'int' && ty.base.size === 1;
}

function members(ty: Type): Member[] {
  return ty.kind === 'struct' ? ty.def.members.filter((m) => m.name !== undefined || m.bitWidth === undefined) : [];
}

function child(init: Init, i: number): Init {
  init.children ??= [];
  let c = init.children[i];
  if (!c) {
    const ty = init.ty.kind === 'array' ? init.ty.base : members(init.ty)[i].ty;
    c = { ty };
    init.children[i] = c;
  }
  return c;
}

function arrayRoom(init: Init, i: number): boolean {
  return init.ty.kind === 'array' && (init.ty.len < 0 || i < init.ty.len);
}

/** Parses `= initializer` for an object of type `ty`; returns the tree and the completed type. */
export function parseInitializer(p: Parser, ty: Type): Init {
  const init: Init = { ty };
  initElem(p, init, true);
  if (ty.kind === 'array' && ty.len < 0) {
    init.ty = { ...arrayOf(ty.base, init.children?.length ?? 0), isConst: ty.isConst };
  }
  return init;
}

function isDesignator(p: Parser): boolean {
  return p.is('[') || (p.is('.') && p.peek().kind === 'ident');
}

function initElem(p: Parser, init: Init, top = false): void {
  const ty = init.ty;
  if (p.is('{')) {
    if (ty.kind === 'array' || ty.kind === 'struct') return initBraced(p, init);
    p.next(); // braces around a scalar
    initElem(p, init);
    p.consume(',');
    p.expect('}');
    return;
  }
  if (isCharArray(ty) && p.tok.kind === 'string') return stringInit(p, init);
  if (ty.kind === 'array') {
    if (top) p.error(p.tok, `an array must be initialized with a brace-enclosed list ('{ ... }')`);
    return initElided(p, init);
  }
  if (ty.kind === 'struct') {
    const save = p.pos, nd = p.diags.length, ne = p.errorCount;
    try {
      const e = assignExpr(p);
      if (e.ty.kind === 'struct' && e.ty.def === ty.def) { init.expr = e; return; }
    } catch (err) {
      // Not a struct expression: brace elision. At the top there is no elision, so the
      // expression's own error (a bad compound literal) is the one to show.
      if (top && err instanceof CompileAbort) throw err;
    }
    p.pos = save; p.diags.length = nd; p.errorCount = ne;
    if (top) p.error(p.tok, `a struct must be initialized with a brace-enclosed list or a struct of the same type`);
    return initElided(p, init);
  }
  init.expr = assignExpr(p);
}

function stringInit(p: Parser, init: Init): void {
  const bytes: number[] = [];
  const first = p.tok;
  while (p.tok.kind === 'string') {
    const b = p.next().bytes ?? new Uint8Array([0]);
    appendAll(bytes, b.subarray(0, b.length - 1));
  }
  bytes.push(0);
  const ty = init.ty as Extract<Type, { kind: 'array' }>;
  let n = bytes.length;
  if (ty.len >= 0) {
    if (n - 1 > ty.len) p.warn(first.loc, first.length, `initializer string for an array of ${ty.len} chars is too long`);
    n = Math.min(n, ty.len);
  }
  init.children = [];
  for (let i = 0; i < n; i++) init.children.push({ ty: ty.base, expr: num(BigInt(bytes[i]), ty.base, first) });
  init.fromString = new Uint8Array(bytes);
}

function initBraced(p: Parser, init: Init): void {
  p.expect('{');
  if (isCharArray(init.ty) && p.tok.kind === 'string' && !Parser.is(p.peek(), ',')) {
    stringInit(p, init);
    p.consume(',');
    p.expect('}', 'to end the initializer');
    return;
  }
  let idx = 0;
  let first = true;
  while (!p.consume('}')) {
    if (!first) { p.expect(',', 'between initializers'); if (p.consume('}')) break; }
    first = false;
    if (isDesignator(p)) idx = designation(p, init);
    else {
      if (!hasRoom(init, idx)) { excess(p, init); continue; }
      initElem(p, child(init, idx));
      if (init.ty.kind === 'struct' && init.ty.def.isUnion) init.children = [init.children?.[idx]];
    }
    idx++;
  }
}

function hasRoom(init: Init, idx: number): boolean {
  if (init.ty.kind === 'array') return arrayRoom(init, idx);
  const ms = members(init.ty);
  if (init.ty.kind === 'struct' && init.ty.def.isUnion) return idx === 0 && ms.length > 0;
  return idx < ms.length && !(ms[idx].ty.kind === 'array' && (ms[idx].ty as { len: number }).len < 0);
}

function excess(p: Parser, init: Init): void {
  const t = p.tok;
  p.warn(t.loc, t.length, `excess elements in the initializer of '${typeName(init.ty)}'`);
  const dummy: Init = { ty: tyInt };
  if (p.is('{')) skipBraces(p); else { dummy.expr = assignExpr(p); }
}

function skipBraces(p: Parser): void {
  let d = 0;
  do { if (p.is('{')) d++; else if (p.is('}')) d--; p.next(); } while (d > 0 && !p.atEof());
}

/** Elided braces: fill `init` from the enclosing list until it is full, a '}' or a designator. */
function initElided(p: Parser, init: Init): void {
  let idx = 0;
  while (hasRoom(init, idx)) {
    if (idx > 0) {
      if (!p.is(',') || Parser.is(p.peek(), '}') || designatorAfterComma(p)) break;
      p.next();
    }
    initElem(p, child(init, idx));
    if (init.ty.kind === 'struct' && init.ty.def.isUnion) break;
    idx++;
  }
}

function designatorAfterComma(p: Parser): boolean {
  const t = p.peek();
  return Parser.is(t, '[') || (Parser.is(t, '.') && p.peek(2).kind === 'ident');
}

/** Parses designators at the cursor and the initializer after '='; returns the index used. */
function designation(p: Parser, init: Init): number {
  let target: Init;
  let idx: number;
  if (p.is('[')) {
    const open = p.next();
    if (init.ty.kind !== 'array') p.error(open, `array index designator used to initialize '${typeName(init.ty)}', which is not an array`);
    idx = constInt(p);
    let hi = idx;
    if (p.consume('...')) hi = constInt(p);
    p.expect(']');
    if (idx < 0 || !arrayRoom(init, hi)) p.error(open, `array index ${hi} is outside the array '${typeName(init.ty)}'`);
    if (hi > idx) {
      const save = p.pos;
      for (let i = idx; i <= hi; i++) { p.pos = save; designatorTail(p, child(init, i)); }
      return hi;
    }
    target = child(init, idx);
  } else {
    p.expect('.');
    const name = p.ident('a member name');
    if (init.ty.kind !== 'struct') p.error(name, `member designator '.${name.text}' used to initialize '${typeName(init.ty)}', which is not a struct`);
    const ms = members(init.ty);
    const path = findMember(init.ty, name.text);
    if (!path) p.error(name, `${typeName(unqual(init.ty))} has no member named '${name.text}'${suggestMember(init.ty, name.text)}`);
    idx = ms.indexOf(path[0]);
    keepUnionMember(init, idx);
    target = child(init, idx);
    for (const m of path.slice(1)) {
      const inner = members(target.ty).indexOf(m);
      keepUnionMember(target, inner);
      target = child(target, inner);
    }
  }
  designatorTail(p, target);
  return idx;
}

/** A designator naming another member of a union discards what the union held; naming the
 * same member again (`.lo = 1, .hi = 2` through an anonymous struct) keeps its other fields, as gcc does. */
function keepUnionMember(init: Init, idx: number): void {
  if (init.ty.kind !== 'struct' || !init.ty.def.isUnion) return;
  const kept = init.children?.[idx];
  init.children = [];
  if (kept) init.children[idx] = kept;
}

function designatorTail(p: Parser, target: Init): void {
  if (isDesignator(p)) { designation(p, target); return; }
  p.consume('=');
  initElem(p, target);
}

// ---- lowering ----

function deref_(e: Expr): Expr {
  return { kind: 'deref', operand: e, ty: pointee(e.ty) ?? e.ty, loc: e.loc, length: e.length };
}

/** Assignments that initialize local `obj` (after zeroing it), as one comma expression. */
export function localInitExpr(p: Parser, obj: Obj, init: Init, at: Token): Expr {
  let e: Expr = { kind: 'memzero', obj, ty: obj.ty, loc: at.loc, length: at.length };
  if (init.expr && obj.ty.kind !== 'array') {
    e = { kind: 'nop', ty: obj.ty, loc: at.loc, length: at.length }; // fully assigned: no zeroing
    const rhs = assignConvert(p, init.expr, obj.ty, 'initialization');
    const known = obj.ty.kind === 'int' ? evalInt(rhs) : undefined;
    if (known !== undefined) obj.constInit = known;
    return assignInit(e, varRef(obj, at), rhs);
  }
  if (init.fromString && init.fromString.length > 8) return copyFromString(p, obj, init.fromString, at);
  const assigns: Expr[] = [];
  lowerInit(p, init, varRef(obj, at), assigns);
  for (const a of assigns) e = { kind: 'comma', lhs: e, rhs: a, ty: a.ty, loc: a.loc, length: a.length };
  return e;
}

/** char buf[N] = "long text": copy the bytes from a read-only image, as gcc does. */
function copyFromString(p: Parser, obj: Obj, bytes: Uint8Array, at: Token): Expr {
  const image = new Uint8Array(sizeOf(obj.ty));
  image.set(bytes.subarray(0, image.length));
  const src = stringObj(p, image, at);
  src.ty = obj.ty;
  const lhs = varRef(obj, at);
  return { kind: 'assign', lhs, rhs: varRef(src, at), ty: obj.ty, loc: at.loc, length: at.length };
}

function assignInit(zero: Expr, lhs: Expr, rhs: Expr): Expr {
  const a: Expr = { kind: 'assign', lhs, rhs, ty: unqual(lhs.ty), loc: lhs.loc, length: lhs.length };
  return zero.kind === 'nop' ? a : { kind: 'comma', lhs: zero, rhs: a, ty: a.ty, loc: a.loc, length: a.length };
}

function lowerInit(p: Parser, init: Init, lv: Expr, out: Expr[]): void {
  if (init.expr) {
    const rhs = assignConvert(p, init.expr, lv.ty, 'initialization');
    out.push({ kind: 'assign', lhs: lv, rhs, ty: unqual(lv.ty), loc: init.expr.loc, length: init.expr.length });
    return;
  }
  const kids = init.children ?? [];
  kids.forEach((c, i) => {
    if (!c) return;
    let target: Expr;
    if (init.ty.kind === 'array') {
      target = deref_(add(p, lv, num(BigInt(i), tyInt, lv), lv));
    } else {
      target = memberNode(lv, members(init.ty)[i], lv);
    }
    lowerInit(p, c, target, out);
  });
}

/** Static data of a global initialized by `init`: bytes and relocations. */
export function globalInitData(p: Parser, init: Init, ty: Type): { data: Uint8Array; relocs: DataReloc[] } {
  const data = new Uint8Array(sizeOf(ty));
  const relocs: DataReloc[] = [];
  writeInit(p, init, data, relocs, 0);
  return { data, relocs };
}

function writeInit(p: Parser, init: Init, data: Uint8Array, relocs: DataReloc[], offset: number, m?: Member): void {
  if (init.expr) return writeScalar(p, init, data, relocs, offset, m);
  const kids = init.children ?? [];
  kids.forEach((c, i) => {
    if (!c) return;
    if (init.ty.kind === 'array') writeInit(p, c, data, relocs, offset + i * sizeOf(init.ty.base));
    else {
      const mem = members(init.ty)[i];
      writeInit(p, c, data, relocs, offset + mem.offset, mem);
    }
  });
}

function writeScalar(p: Parser, init: Init, data: Uint8Array, relocs: DataReloc[], offset: number, m?: Member): void {
  const e0 = init.expr as Expr;
  if (init.ty.kind === 'struct') {
    if (copyCompoundLiteral(e0, init.ty, data, relocs, offset)) return;
    return p.exprError(e0, 'a static struct must be initialized with a brace-enclosed list of constants');
  }
  const e = assignConvert(p, e0, init.ty, 'initialization');
  const v = evalConst(e);
  if (!v) return p.exprError(e0, 'initializer of a global or static variable must be a constant (a number, or an address of a global plus an offset)');
  const size = sizeOf(init.ty);
  if (v.label !== undefined) {
    if (size !== 4) return p.exprError(e0, 'an address can only initialize a pointer-sized (4-byte) object');
    relocs.push({ offset, label: v.label, addend: Number(v.value) });
    return;
  }
  if (m?.bitWidth !== undefined) {
    const mask = (1n << BigInt(m.bitWidth)) - 1n;
    let unit = 0n;
    const usize = sizeOf(m.ty);
    for (let i = 0; i < usize; i++) unit |= BigInt(data[offset + i]) << BigInt(8 * i);
    unit |= (v.value & mask) << BigInt(m.bitOffset ?? 0);
    for (let i = 0; i < usize; i++) data[offset + i] = Number((unit >> BigInt(8 * i)) & 0xffn);
    return;
  }
  const x = BigInt.asUintN(size * 8, v.value);
  for (let i = 0; i < size; i++) data[offset + i] = Number((x >> BigInt(8 * i)) & 0xffn);
}

/** GNU C: a file-scope compound literal of the same type initializes a static struct, as
 * DEFINE_SPINLOCK's `(spinlock_t){ ... }` does; its bytes are copied, and the literal itself,
 * now unused, is not emitted. */
function copyCompoundLiteral(e: Expr, ty: Type, data: Uint8Array, relocs: DataReloc[], offset: number): boolean {
  let x = e;
  while (x.kind === 'cast' && x.ty.kind === 'struct') x = x.operand;
  if (x.kind !== 'var' || x.obj.name !== '.compound' || !x.obj.data || x.obj.ty.kind !== 'struct' || ty.kind !== 'struct' || x.obj.ty.def !== ty.def) return false;
  data.set(x.obj.data.subarray(0, sizeOf(ty)), offset);
  for (const r of x.obj.relocs ?? []) relocs.push({ ...r, offset: r.offset + offset });
  x.obj.isDefinition = false;
  return true;
}

/** (type){ initializer }: an anonymous local in a function, an anonymous static at file scope. */
export function compoundLiteral(p: Parser, ty: Type, open: Token): Expr {
  const init = parseInitializer(p, ty);
  const fullTy = init.ty;
  // In a function, only a struct literal that is itself a static's value is static (gcc's extension).
  if (!p.fn || (p.inStaticInit && fullTy.kind === 'struct')) {
    const obj: Obj = {
      name: '.compound', label: p.uniqueLabel('CL'), ty: fullTy, loc: open.loc, isLocal: false, isStatic: true,
      isDefinition: true, isFunction: false, offset: 0, align: 0,
    };
    const { data, relocs } = globalInitData(p, init, fullTy);
    obj.data = data; obj.relocs = relocs;
    p.globals.push(obj);
    return varRef(obj, open);
  }
  const obj: Obj = {
    name: '.compound', label: '', ty: fullTy, loc: open.loc, isLocal: true, isStatic: false, isDefinition: true,
    isFunction: false, offset: 0, align: 0, isUsed: true,
  };
  p.fn.locals.push(obj);
  const setup = localInitExpr(p, obj, init, open);
  const v = varRef(obj, open);
  return { kind: 'comma', lhs: setup, rhs: v, ty: v.ty, loc: open.loc, length: open.length };
}

