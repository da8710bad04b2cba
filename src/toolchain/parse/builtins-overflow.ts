// gcc's checked arithmetic, __builtin_{add,sub,mul}_overflow(a, b, &res) (behind the kernel's
// check_*_overflow, kcalloc, struct_size), and __builtin_object_size. The overflow builtins
// store a op b wrapped to *res's type and return whether the exact result did not fit.
// Operands of up to 32 bits are computed exactly in 64 bits; 64-bit operands of one type use
// the wrap-around tests (signs for add/sub, a division for mul).

import type { Token } from '../preprocess/token.ts';
import type { BinaryOp, Expr, Obj } from './ast.ts';
import type { Parser } from './parse-state.ts';
import { assignExpr, tempLocal } from './parse-expr.ts';
import { cast, num, varRef, rvalueType } from './expr-build.ts';
import { evalConst } from './const-eval.ts';
import { isInteger, sizeOf, tyBool, tyInt, tyLLong, tyULLong, unqual, type Type } from './types.ts';
import { nameTable } from '../name-table.ts';

export const OVERFLOW_BUILTINS: Record<string, '+' | '-' | '*'> = nameTable({
  __builtin_add_overflow: '+', __builtin_sub_overflow: '-', __builtin_mul_overflow: '*',
});

type Op = '+' | '-' | '*';

export function overflowBuiltin(p: Parser, t: Token, op: Op): Expr {
  const a = operand(p, assignExpr(p)); p.expect(',');
  const b = operand(p, assignExpr(p)); p.expect(',');
  const res = assignExpr(p);
  const rt = rvalueType(res.ty);
  if (rt.kind !== 'ptr' || !isInteger(rt.base) || rt.base.kind === 'bool' || rt.base.isConst) {
    return p.exprError(res, `the third argument of '${t.text}' must point to a writable integer, where the result is stored`);
  }
  const T = unqual(rt.base);
  const e = new Builder(t);
  const resp = e.temp(p, rt, res);
  const store = (r: Expr): Expr => e.assign({ kind: 'deref', operand: resp.get(), ty: T, loc: t.loc, length: t.length }, cast(r, T));
  let body: Expr;
  if (sizeOf(a.ty) <= 4 && sizeOf(b.ty) <= 4 && sizeOf(T) <= 4) {
    const W = op === '*' && isUnsignedInt(a.ty) && isUnsignedInt(b.ty) ? tyULLong : tyLLong;
    const r = e.temp(p, W, e.bin(op, cast(a, W), cast(b, W), W));
    body = e.comma(e.comma(r.init, store(r.get())), e.cmp('!=', cast(cast(r.get(), T), W), r.get()));
  } else if (sizeOf(a.ty) === 8 && sameInt(a.ty, T) && sameInt(b.ty, T)) {
    body = wide64(p, e, op, a, b, T, store);
  } else {
    return p.error(t, `'${t.text}' with these operand types ('${typeLabel(a.ty)}', '${typeLabel(b.ty)}', '${typeLabel(T)}') is not supported; cast the operands to the result's type`);
  }
  return e.comma(resp.init, cast(body, tyBool));
}

function operand(p: Parser, x: Expr): Expr {
  if (!isInteger(x.ty) || x.ty.kind === 'bool') p.exprError(x, 'the overflow builtins take integer operands');
  return x;
}

function isUnsignedInt(t: Type): boolean { return t.kind === 'int' && t.unsigned; }
function sameInt(a: Type, b: Type): boolean { return a.kind === 'int' && b.kind === 'int' && a.size === b.size && a.unsigned === b.unsigned; }
function typeLabel(t: Type): string { return t.kind === 'int' ? t.name : t.kind; }

/** 64-bit operands of the result's type: wrap, then test the wrap. */
function wide64(p: Parser, e: Builder, op: Op, a0: Expr, b0: Expr, T: Type, store: (r: Expr) => Expr): Expr {
  const U = tyULLong;
  const a = e.temp(p, T, a0), b = e.temp(p, T, b0);
  const r = e.temp(p, T, cast(e.bin(op, cast(a.get(), U), cast(b.get(), U), U), T));
  const zero = num(0n, T, e.at);
  const unsigned = isUnsignedInt(T);
  let ovf: Expr;
  if (op === '+') ovf = unsigned ? e.cmp('<', r.get(), a.get()) : e.cmp('<', e.bin('&', e.bin('^', a.get(), r.get(), T), e.bin('^', b.get(), r.get(), T), T), zero);
  else if (op === '-') ovf = unsigned ? e.cmp('<', a.get(), b.get()) : e.cmp('<', e.bin('&', e.bin('^', a.get(), b.get(), T), e.bin('^', a.get(), r.get(), T), T), zero);
  else {
    const quotientWrong = e.cmp('!=', e.bin('/', r.get(), a.get(), T), b.get());
    // INT64_MIN * -1 is the one signed product whose quotient test itself overflows.
    const minTimesMinusOne = e.cmp('==', b.get(), num(-(1n << 63n), T, e.at));
    const test = unsigned ? quotientWrong : cond(e, e.cmp('==', a.get(), num(-1n, T, e.at)), minTimesMinusOne, quotientWrong);
    ovf = { kind: 'logand', lhs: e.cmp('!=', a.get(), zero), rhs: test, ty: tyInt, loc: e.at.loc, length: e.at.length };
  }
  return e.comma(e.comma(e.comma(e.comma(a.init, b.init), r.init), store(r.get())), ovf);
}

function cond(e: Builder, c: Expr, then: Expr, els: Expr): Expr {
  return { kind: 'cond', cond: c, then, els, ty: tyInt, loc: e.at.loc, length: e.at.length };
}

/** Small AST constructors located at the builtin's name. */
class Builder {
  constructor(readonly at: Token) {}
  private get where(): { loc: Token['loc']; length: number } { return { loc: this.at.loc, length: this.at.length }; }
  bin(op: BinaryOp, lhs: Expr, rhs: Expr, ty: Type): Expr { return { kind: 'binary', op, lhs, rhs, ty, ...this.where }; }
  cmp(op: BinaryOp, lhs: Expr, rhs: Expr): Expr { return { kind: 'binary', op, lhs, rhs, ty: tyInt, ...this.where }; }
  comma(lhs: Expr, rhs: Expr): Expr { return { kind: 'comma', lhs, rhs, ty: rhs.ty, ...this.where }; }
  assign(lhs: Expr, rhs: Expr): Expr { return { kind: 'assign', lhs, rhs, ty: lhs.ty, ...this.where }; }
  /** A temporary holding `value`: `init` stores it, `get()` reads it. */
  temp(p: Parser, ty: Type, value: Expr): { init: Expr; get: () => Expr } {
    const obj = tempLocal(p, ty, 'ovf');
    return { init: this.assign(varRef(obj, this.at), value), get: () => varRef(obj, this.at) };
  }
}

/** __builtin_object_size(p, type): the bytes from p to the end of the object it points into,
 * when p is a known object's address (plus a constant); otherwise gcc's "unknown":
 * (size_t)-1 for types 0 and 1, 0 for types 2 and 3. */
export function objectSize(p: Parser, t: Token): Expr {
  const ptr = assignExpr(p);
  p.expect(',');
  const kindE = assignExpr(p);
  const kind = evalConst(kindE);
  if (!kind || kind.label !== undefined || kind.value < 0n || kind.value > 3n) p.exprError(kindE, "the second argument of '__builtin_object_size' must be a constant 0 to 3");
  const size = knownSize(ptr);
  const unknown = kind.value >= 2n ? 0n : 0xffffffffn;
  return num(size ?? unknown, { kind: 'int', size: 4, unsigned: true, name: 'unsigned int' }, t);
}

function knownSize(ptr: Expr): bigint | undefined {
  let x = ptr;
  while (x.kind === 'cast' && x.ty.kind === 'ptr') x = x.operand;
  const base = x.kind === 'addr' ? rootObject(x.operand) : x.kind === 'binary' && x.op === '+' ? rootObject(x.lhs)
    : x.kind === 'var' && x.ty.kind === 'array' ? x.obj : undefined;
  if (!base || base.ty.kind === 'func') return undefined;
  const c = evalConst(ptr);
  if (!c || c.label === undefined) return sizeOf(base.ty) > 0 && x.kind === 'var' ? BigInt(sizeOf(base.ty)) : undefined;
  const left = BigInt(sizeOf(base.ty)) - c.value;
  return left < 0n ? 0n : left;
}

function rootObject(e: Expr): Obj | undefined {
  if (e.kind === 'var') return e.obj;
  if (e.kind === 'cast') return rootObject(e.operand);
  if (e.kind === 'member') return rootObject(e.base);
  if (e.kind === 'deref' && e.operand.kind === 'binary') return rootObject(e.operand.lhs);
  return undefined;
}
