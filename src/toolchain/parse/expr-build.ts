// Typed construction of expression nodes: C99's conversions (6.3) and operand
// rules (6.5) applied as each node is built, with messages a student can act on.

import type { BinaryOp, Expr, Obj } from './ast.ts';
import type { SourceLoc } from '../preprocess/token.ts';
import type { Parser } from './parse-state.ts';
import { evalInt } from './const-eval.ts';
import {
  commonIntType, isInteger, isPointerLike, isScalar, pointee, pointerTo, promote, sameType, sizeOf, typeName,
  tyInt, tyLong, tyUInt, unqual, type StructDef, type Type,
} from './types.ts';

type Span = { loc: SourceLoc; length: number };

export function num(value: bigint, ty: Type, at: Span): Expr {
  return { kind: 'num', value, ty, loc: at.loc, length: at.length };
}

export function varRef(obj: Obj, at: Span): Expr {
  obj.isUsed = true;
  return { kind: 'var', obj, ty: obj.ty, loc: at.loc, length: at.length };
}

export function span(a: Span, b: Span): Span {
  if (a.loc.file !== b.loc.file || b.loc.offset < a.loc.offset) return a;
  return { loc: a.loc, length: b.loc.offset + b.length - a.loc.offset };
}

export function cast(e: Expr, ty: Type): Expr {
  const u = unqual(ty);
  // A bit-field keeps an explicit cast to its declared type: without it the field would promote.
  if (e.kind !== 'num' && sameType(unqual(e.ty), u) && e.ty.kind !== 'bool' && !isBitField(e)) return e.ty === ty ? e : { ...e, ty };
  if (e.kind === 'num' && isInteger(u)) return { ...e, ty, value: wrapInt(e.value, ty) };
  return { kind: 'cast', operand: e, ty, loc: e.loc, length: e.length };
}

export function wrapInt(v: bigint, ty: Type): bigint {
  if (ty.kind === 'bool') return v !== 0n ? 1n : 0n;
  if (ty.kind === 'ptr') return BigInt.asUintN(32, v);
  if (ty.kind !== 'int') return v;
  return ty.unsigned ? BigInt.asUintN(ty.size * 8, v) : BigInt.asIntN(ty.size * 8, v);
}

/** C99 6.3.1.1p2: a bit-field narrower than int holds only values an int can represent, so it
 * promotes to int even when declared unsigned (gcc does this for every declared type). */
export function promoteBitField(e: Expr): Expr {
  if (!isBitField(e) || e.ty.kind !== 'int') return e;
  const width = e.member.bitWidth as number;
  if (width < 32) return cast(e, tyInt);
  // A 32-bit field of a 64-bit type is an unsigned int (or int) for gcc, like narrower ones.
  if (width === 32 && e.ty.size === 8) return cast(e, e.ty.unsigned ? tyUInt : tyInt);
  return e;
}

function isBitField(e: Expr): e is Extract<Expr, { kind: 'member' }> {
  return e.kind === 'member' && e.member.bitWidth !== undefined;
}

/** Value of an expression in rvalue context: arrays and functions become pointers. */
export function rvalueType(t: Type): Type {
  if (t.kind === 'array') return pointerTo(t.base);
  if (t.kind === 'func') return pointerTo(t);
  return t;
}

function requireScalar(p: Parser, e: Expr, what: string): void {
  if (!isScalar(e.ty) && e.ty.kind !== 'array' && e.ty.kind !== 'func') {
    p.exprError(e, `${what} needs a number or a pointer, but this is ${article(e.ty)}`);
  }
}

export function article(t: Type): string {
  const n = typeName(t);
  return `${/^[aeiou]/.test(n) ? 'an' : 'a'} '${n}'`;
}

function requireInteger(p: Parser, e: Expr, op: string): void {
  if (!isInteger(e.ty)) p.exprError(e, `operator '${op}' needs an integer operand, but this is ${article(e.ty)}`);
}

/** Arithmetic and bitwise operators on integers (and pointer +/- handled by add/sub). */
export function binary(p: Parser, op: BinaryOp, l: Expr, r: Expr, at: Span): Expr {
  l = promoteBitField(l); r = promoteBitField(r);
  if (op === '+') return add(p, l, r, at);
  if (op === '-') return sub(p, l, r, at);
  if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') return compare(p, op, l, r, at);
  requireInteger(p, l, op);
  requireInteger(p, r, op);
  if (op === '<<' || op === '>>') {
    const lt = promote(l.ty);
    // The count is converted to int: only its low bits matter, and codegen wants it in one register.
    return { kind: 'binary', op, lhs: cast(l, lt), rhs: cast(r, tyInt), ty: lt, loc: at.loc, length: at.length };
  }
  const ty = commonIntType(l.ty, r.ty);
  return { kind: 'binary', op, lhs: cast(l, ty), rhs: cast(r, ty), ty, loc: at.loc, length: at.length };
}

function scaled(e: Expr, size: number): Expr {
  const i = cast(e, isInteger(e.ty) && sizeOf(e.ty) === 8 ? e.ty : tyLong);
  if (size === 1) return i;
  return { kind: 'binary', op: '*', lhs: i, rhs: num(BigInt(size), i.ty, e), ty: i.ty, loc: e.loc, length: e.length };
}

function truncatePtrIndex(e: Expr): Expr {
  // Pointers are 32 bits: a 64-bit index wraps like gcc's address arithmetic.
  return e.ty.kind === 'int' && e.ty.size === 8 ? cast(e, tyLong) : e;
}

export function add(p: Parser, l: Expr, r: Expr, at: Span): Expr {
  if (isInteger(l.ty) && isInteger(r.ty)) {
    const ty = commonIntType(l.ty, r.ty);
    return { kind: 'binary', op: '+', lhs: cast(l, ty), rhs: cast(r, ty), ty, loc: at.loc, length: at.length };
  }
  if (isInteger(l.ty) && isPointerLike(r.ty)) [l, r] = [r, l];
  if (isPointerLike(l.ty) && isInteger(r.ty)) {
    const base = pointee(l.ty) as Type;
    if (base.kind === 'struct' && !base.def.complete) p.exprError(l, `arithmetic on a pointer to an incomplete type '${typeName(base)}'`);
    const ty = rvalueType(l.ty);
    return { kind: 'binary', op: '+', lhs: l, rhs: truncatePtrIndex(scaled(r, sizeOf(base))), ty, loc: at.loc, length: at.length };
  }
  if (l.ty.kind === 'func' || (l.ty.kind === 'ptr' && l.ty.base.kind === 'func')) {
    return p.errorAt(at.loc, at.length, 'arithmetic on a function pointer is not allowed');
  }
  return p.errorAt(at.loc, at.length, `invalid operands to '+' (${article(l.ty)} and ${article(r.ty)})`);
}

export function sub(p: Parser, l: Expr, r: Expr, at: Span): Expr {
  if (isInteger(l.ty) && isInteger(r.ty)) {
    const ty = commonIntType(l.ty, r.ty);
    return { kind: 'binary', op: '-', lhs: cast(l, ty), rhs: cast(r, ty), ty, loc: at.loc, length: at.length };
  }
  if (isPointerLike(l.ty) && isInteger(r.ty)) {
    const base = pointee(l.ty) as Type;
    return { kind: 'binary', op: '-', lhs: l, rhs: truncatePtrIndex(scaled(r, sizeOf(base))), ty: rvalueType(l.ty), loc: at.loc, length: at.length };
  }
  if (isPointerLike(l.ty) && isPointerLike(r.ty)) {
    const size = sizeOf(pointee(l.ty) as Type);
    const diff: Expr = { kind: 'binary', op: '-', lhs: cast(l, tyInt), rhs: cast(r, tyInt), ty: tyInt, loc: at.loc, length: at.length };
    if (size === 1) return diff;
    return { kind: 'binary', op: '/', lhs: diff, rhs: num(BigInt(size), tyInt, at), ty: tyInt, loc: at.loc, length: at.length };
  }
  return p.errorAt(at.loc, at.length, `invalid operands to '-' (${article(l.ty)} and ${article(r.ty)})`);
}

function compare(p: Parser, op: BinaryOp, l: Expr, r: Expr, at: Span): Expr {
  requireScalar(p, l, `comparison '${op}'`);
  requireScalar(p, r, `comparison '${op}'`);
  let lc: Expr, rc: Expr;
  if (isInteger(l.ty) && isInteger(r.ty)) {
    const ty = commonIntType(l.ty, r.ty);
    lc = cast(l, ty); rc = cast(r, ty);
  } else {
    // Pointer comparisons are unsigned 32-bit comparisons of addresses.
    lc = cast(l, pointerTo(unqual(pointee(rvalueType(l.ty)) ?? l.ty)));
    rc = cast(r, pointerTo(unqual(pointee(rvalueType(r.ty)) ?? r.ty)));
    if (isInteger(l.ty) && !(l.kind === 'num' && l.value === 0n) || isInteger(r.ty) && !(r.kind === 'num' && r.value === 0n)) {
      p.warn(at.loc, at.length, `comparison between a pointer and an integer (${typeName(l.ty)} and ${typeName(r.ty)})`);
    }
  }
  return { kind: 'binary', op, lhs: lc, rhs: rc, ty: tyInt, loc: at.loc, length: at.length };
}

/** A scalar used as a truth value (if/while/&&/!/?:). */
export function condition(p: Parser, e: Expr, what: string): Expr {
  if (e.kind === 'assign' && e.loc.offset === e.lhs.loc.offset) {
    p.warn(e.loc, e.length, "assignment used as a truth value; did you mean '=='? (add parentheses if the assignment is intended)");
  }
  if (!isScalar(e.ty) && e.ty.kind !== 'array' && e.ty.kind !== 'func') {
    p.exprError(e, `${what} needs a number or a pointer, but this is ${article(e.ty)}`);
  }
  return e;
}

/** An integer constant expression with value 0, possibly cast to void * (C99 6.3.2.3); the
 * kernel's __is_constexpr tells constants from variables with `(void *)((long)(x) * 0l)`. */
export function isNullPtrConst(e: Expr): boolean {
  let x = e;
  while (x.kind === 'cast' && (isInteger(x.ty) || (x.ty.kind === 'ptr' && x.ty.base.kind === 'void'))) x = x.operand;
  if (x.kind === 'num') return x.value === 0n;
  return isInteger(x.ty) && evalInt(x) === 0n;
}

/** Conversion as if by assignment (6.5.16.1), used for =, arguments, return and initializers. */
export function assignConvert(p: Parser, e: Expr, to: Type, what: string): Expr {
  const from = e.ty;
  const t = unqual(to);
  if (t.kind === 'struct') {
    if (from.kind !== 'struct' || from.def !== t.def) {
      p.exprError(e, `incompatible types in ${what}: expected '${typeName(to)}' but got '${typeName(from)}'${addressHint(e, from, to)}`);
    }
    return e;
  }
  if (t.kind === 'array') p.exprError(e, `cannot assign to an array ('${typeName(to)}'); copy it element by element or with memcpy`);
  if (t.kind === 'bool' && isScalar(rvalueType(from))) return cast(e, to);
  if (isInteger(t)) {
    if (isPointerLike(from) || from.kind === 'func') {
      p.warn(e.loc, e.length, `${what} makes integer '${typeName(to)}' from pointer '${typeName(rvalueType(from))}' without a cast`);
    } else if (!isInteger(from)) {
      p.exprError(e, `incompatible types in ${what}: expected '${typeName(to)}' but got '${typeName(from)}'${addressHint(e, from, to)}`);
    }
    return cast(e, to);
  }
  if (t.kind === 'ptr') {
    const rf = rvalueType(from);
    if (isInteger(from)) {
      if (!isNullPtrConst(e)) p.warn(e.loc, e.length, `${what} makes pointer '${typeName(to)}' from integer without a cast`);
      return cast(e, to);
    }
    if (rf.kind !== 'ptr') {
      p.exprError(e, `incompatible types in ${what}: expected '${typeName(to)}' but got '${typeName(from)}'${addressHint(e, from, to)}`);
    }
    checkPointerAssign(p, e, rf, t, what);
    return cast(e, to);
  }
  return cast(e, to);
}

/** "did you mean '&x'/'*x'?" when a struct and a pointer to it were confused. */
function addressHint(e: Expr, from: Type, to: Type): string {
  const t = unqual(to), f = rvalueType(from);
  const name = e.kind === 'var' ? e.obj.name : undefined;
  if (!name) return '';
  if (t.kind === 'ptr' && t.base.kind === 'struct' && from.kind === 'struct' && t.base.def === from.def) return `; did you mean '&${name}'?`;
  if (t.kind === 'struct' && f.kind === 'ptr' && f.base.kind === 'struct' && f.base.def === t.def) return `; did you mean '*${name}'?`;
  return '';
}

function checkPointerAssign(p: Parser, e: Expr, from: Type, to: Type, what: string): void {
  if (from.kind !== 'ptr' || to.kind !== 'ptr') return;
  const fb = from.base, tb = to.base;
  if (fb.kind === 'void' || tb.kind === 'void') {
    if (fb.isConst && !tb.isConst) discardsConst(p, e, what);
    return;
  }
  const compatible = sameType(unqual(fb), unqual(tb)) || (fb.kind === 'int' && tb.kind === 'int' && fb.size === tb.size && fb.unsigned === tb.unsigned);
  if (!compatible) {
    p.warn(e.loc, e.length, `incompatible pointer types in ${what}: expected '${typeName(to)}' but got '${typeName(from)}'`);
  } else if (fb.isConst && !tb.isConst) {
    discardsConst(p, e, what);
  }
}

function discardsConst(p: Parser, e: Expr, what: string): void {
  p.warn(e.loc, e.length, `${what} discards the 'const' qualifier of the pointed-to type`);
}

export function isLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'var': return !e.obj.isFunction;
    case 'deref': return true;
    case 'member': return isLvalue(e.base) || e.base.kind === 'call' || e.base.kind === 'stmtexpr' || e.base.kind === 'cond';
    default: return false;
  }
}

/** Why an assignment target is read-only, or undefined when it is writable. */
export function constReason(e: Expr): string | undefined {
  if (e.ty.isConst) {
    if (e.kind === 'var') return `'${e.obj.name}' is declared const`;
    return `the target has type '${typeName(e.ty)}', which is const`;
  }
  if (e.kind === 'member') return constReason(e.base) ? `'${e.member.name}' is a member of a const struct` : undefined;
  if (e.ty.kind === 'struct' && hasConstMember(e.ty.def)) return 'the struct has a const member';
  return undefined;
}

/** Asked at every assignment to a struct member's base: remembered per definition (and its member count). */
function hasConstMember(def: StructDef): boolean {
  const known = constMembers.get(def);
  if (known && known.count === def.members.length) return known.has;
  const has = def.members.some((m) => m.ty.isConst);
  constMembers.set(def, { count: def.members.length, has });
  return has;
}

const constMembers = new WeakMap<StructDef, { count: number; has: boolean }>();
