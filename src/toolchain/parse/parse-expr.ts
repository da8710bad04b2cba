// Expressions (C99 6.5), one function per grammar rule from `expr` down to
// `primary`; nodes are typed as they are built (see expr-build.ts).

import type { Token } from '../preprocess/token.ts';
import type { BinaryOp, Expr, Obj, Stmt } from './ast.ts';
import { Parser, closestName, IOMEM_WARNING } from './parse-state.ts';
import {
  add, article, assignConvert, binary, cast, condition, constReason, isLvalue, isNullPtrConst, num, rvalueType, span,
  sub, varRef,
  promoteBitField,
} from './expr-build.ts';
import { isTypename, typeNameRule } from './parse-decl.ts';
import { findMember, suggestMember } from './parse-struct.ts';
import { builtinCall, isBuiltinName, stringLiteral } from './parse-builtin.ts';
import { atomicBuiltin, isAtomicBuiltin } from './parse-atomic.ts';
import { compoundLiteral } from './initializer.ts';
import { compoundStmtBody } from './parse-stmt.ts';
import { checkFormat } from './parse-format.ts';
import { genericSelection } from './parse-generic.ts';
import { labelAddress } from './parse-labels.ts';
import { fnLabelOf } from './parse-stmt.ts';
import { constpropCallee, sourceNameOf } from './parse-constprop.ts';
import {
  commonIntType, funcType, intType, isInteger, isScalar, pointerTo, promote, sameType, tyInt, tyVoid,
  typeName, unqual, type Member, type Type,
} from './types.ts';


/** expression: assignment-expression (',' assignment-expression)* */
export function expr(p: Parser): Expr {
  let e = assignExpr(p);
  while (p.is(',')) {
    p.next();
    const r = assignExpr(p);
    e = { kind: 'comma', lhs: e, rhs: r, ty: r.ty, loc: e.loc, length: span(e, r).length };
  }
  return e;
}

const COMPOUND_OPS: Record<string, BinaryOp> = {
  '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%', '&=': '&', '|=': '|', '^=': '^', '<<=': '<<', '>>=': '>>',
};

export function assignExpr(p: Parser): Expr {
  const lhs = conditional(p);
  const t = p.tok;
  if (p.is('=')) {
    p.next();
    return assign(p, lhs, assignExpr(p), t);
  }
  const op = t.kind === 'punct' ? COMPOUND_OPS[t.text] : undefined;
  if (op) {
    p.next();
    const rhs = assignExpr(p);
    checkAssignable(p, lhs, t);
    return withStableLvalue(p, lhs, (lv) => assign(p, lv(), binary(p, op, lv(), rhs, span(lhs, rhs)), t));
  }
  return lhs;
}

function checkAssignable(p: Parser, lhs: Expr, op: Token): void {
  if (lhs.kind === 'var') lhs.obj.isModified = true;
  if (!isLvalue(lhs)) {
    p.errorAt(lhs.loc, lhs.length, `the left side of '${op.text}' must be a variable or memory location (an lvalue)`);
  }
  if (lhs.ty.kind === 'array') p.exprError(lhs, `cannot assign to an array; copy it element by element or with memcpy`);
  const why = constReason(lhs);
  if (why) p.report(lhs.loc, lhs.length, `cannot assign to a read-only location: ${why}`);
}

export function assign(p: Parser, lhs: Expr, rhs: Expr, op: Token): Expr {
  checkAssignable(p, lhs, op);
  const r = assignConvert(p, rhs, lhs.ty, 'assignment');
  return { kind: 'assign', lhs, rhs: r, ty: unqual(lhs.ty), loc: lhs.loc, length: span(lhs, rhs).length };
}

/** Evaluates the address of an lvalue once, so `a[f()] += 1` calls f once. */
export function withStableLvalue(p: Parser, lhs: Expr, body: (lv: () => Expr) => Expr): Expr {
  if (lhs.kind === 'var') return body(() => lhs);
  if (lhs.kind === 'member' && lhs.base.ty.kind === 'struct' && (lhs.member.bitWidth !== undefined || lhs.base.ty.def.packed)) {
    // Keep the member access (bit-field or packed) visible to codegen: stabilize the struct instead.
    const base = lhs.base, m = lhs.member;
    return withStableLvalue(p, base, (lb) => body(() => ({ ...lhs, base: lb(), member: m })));
  }
  const tmp = tempLocal(p, pointerTo(lhs.ty));
  const addrE: Expr = { kind: 'addr', operand: lhs, ty: pointerTo(lhs.ty), loc: lhs.loc, length: lhs.length };
  const set: Expr = { kind: 'assign', lhs: varRef(tmp, lhs), rhs: addrE, ty: tmp.ty, loc: lhs.loc, length: lhs.length };
  const lv = (): Expr => ({ kind: 'deref', operand: varRef(tmp, lhs), ty: lhs.ty, loc: lhs.loc, length: lhs.length });
  const b = body(lv);
  return { kind: 'comma', lhs: set, rhs: b, ty: b.ty, loc: b.loc, length: b.length };
}

export function tempLocal(p: Parser, ty: Type, name = 'tmp'): Obj {
  const obj: Obj = {
    name: `.${name}`, label: '', ty, loc: p.tok.loc, isLocal: true, isStatic: false, isDefinition: true,
    isFunction: false, offset: 0, align: 0, isUsed: true,
  };
  if (!p.fn) return p.error(p.tok, 'this expression is only allowed inside a function');
  p.fn.locals.push(obj);
  return obj;
}

export function conditional(p: Parser): Expr {
  const c = logor(p);
  if (!p.is('?')) return c;
  const q = p.next();
  condition(p, c, "the condition of '?:'");
  if (p.consume(':')) { // GNU a ?: b
    const els = conditional(p);
    const ty = condType(p, c, els, q);
    if (isPure(c)) return { kind: 'cond', cond: c, then: cast(c, ty), els: cast(els, ty), ty, loc: c.loc, length: span(c, els).length };
    const tmp = tempLocal(p, ty);
    const set: Expr = { kind: 'assign', lhs: varRef(tmp, c), rhs: cast(c, ty), ty, loc: c.loc, length: c.length };
    return { kind: 'cond', cond: set, then: varRef(tmp, c), els: cast(els, ty), ty, loc: c.loc, length: span(c, els).length };
  }
  const then = expr(p);
  p.expect(':', "in the '?:' operator");
  const els = conditional(p);
  const ty = condType(p, then, els, q);
  const conv = (e: Expr): Expr => (ty.kind === 'void' || ty.kind === 'struct' ? e : cast(e, ty));
  return { kind: 'cond', cond: c, then: conv(then), els: conv(els), ty, loc: c.loc, length: span(c, els).length };
}

/** No side effects and cheap to evaluate twice. */
function isPure(e: Expr): boolean {
  if (e.kind === 'num' || e.kind === 'var') return true;
  if (e.kind === 'cast' || e.kind === 'addr') return isPure(e.operand);
  if (e.kind === 'member') return isPure(e.base);
  return false;
}

function condType(p: Parser, a: Expr, b: Expr, q: Token): Type {
  const at = rvalueType(promoteBitField(a).ty), bt = rvalueType(promoteBitField(b).ty);
  if (isInteger(at) && isInteger(bt)) return commonIntType(at, bt);
  if (at.kind === 'void' || bt.kind === 'void') return tyVoid;
  if (at.kind === 'struct' && bt.kind === 'struct' && at.def === bt.def) return unqual(at);
  if (at.kind === 'ptr' && isNullPtrConst(b)) return at;
  if (bt.kind === 'ptr' && isNullPtrConst(a)) return bt;
  if (at.kind === 'ptr' && bt.kind === 'ptr') {
    if (at.base.kind === 'void') return at;
    if (bt.base.kind === 'void') return bt;
    if (!sameType(unqual(at.base), unqual(bt.base))) p.warn(q.loc, 1, `the two branches of '?:' have different pointer types ('${typeName(at)}' and '${typeName(bt)}')`);
    return at;
  }
  if (isScalar(at) && isScalar(bt)) {
    p.warn(q.loc, 1, `the two branches of '?:' mix a pointer and an integer`);
    return at.kind === 'ptr' ? at : bt;
  }
  return p.error(q, `the two branches of '?:' have incompatible types ('${typeName(at)}' and '${typeName(bt)}')`);
}

function logical(p: Parser, kind: 'logand' | 'logor', next: (p: Parser) => Expr, op: string): Expr {
  let e = next(p);
  while (p.is(op)) {
    p.next();
    const r = next(p);
    condition(p, e, `operator '${op}'`);
    condition(p, r, `operator '${op}'`);
    e = { kind, lhs: e, rhs: r, ty: tyInt, loc: e.loc, length: span(e, r).length };
  }
  return e;
}

export function logor(p: Parser): Expr { return logical(p, 'logor', logand, '||'); }
function logand(p: Parser): Expr { return logical(p, 'logand', bitor, '&&'); }

function leftAssoc(p: Parser, ops: readonly string[], next: (p: Parser) => Expr): Expr {
  let e = next(p);
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'punct' || !ops.includes(t.text)) return e;
    p.next();
    const r = next(p);
    if (t.text === '&' || t.text === '|' || t.text === '^') {
      for (const side of [e, r]) if (isBareComparison(side)) warnPrecedence(p, side, t.text);
    }
    e = binary(p, t.text as BinaryOp, e, r, span(e, r));
  }
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** A comparison written without parentheses (its node starts where its left operand does). */
function isBareComparison(e: Expr): boolean {
  return e.kind === 'binary' && COMPARISONS.has(e.op) && e.loc.offset === e.lhs.loc.offset;
}

function warnPrecedence(p: Parser, cmp: Expr, op: string): void {
  const c = cmp as Extract<Expr, { kind: 'binary' }>;
  p.warn(cmp.loc, cmp.length, `'${c.op}' binds tighter than '${op}': this compares first, then applies '${op}'; add parentheses, e.g. '(x ${op} MASK) ${c.op} VALUE'`);
}

function bitor(p: Parser): Expr { return leftAssoc(p, ['|'], bitxor); }
function bitxor(p: Parser): Expr { return leftAssoc(p, ['^'], bitand); }
function bitand(p: Parser): Expr { return leftAssoc(p, ['&'], equality); }
function equality(p: Parser): Expr { return leftAssoc(p, ['==', '!='], relational); }
function relational(p: Parser): Expr { return leftAssoc(p, ['<', '<=', '>', '>='], shift); }
function shift(p: Parser): Expr { return leftAssoc(p, ['<<', '>>'], additive); }
function additive(p: Parser): Expr { return leftAssoc(p, ['+', '-'], multiplicative); }
function multiplicative(p: Parser): Expr { return leftAssoc(p, ['*', '/', '%'], castExpr); }

export function castExpr(p: Parser): Expr {
  if (p.is('(') && isTypename(p, p.peek())) {
    const open = p.next();
    const ty = typeNameRule(p);
    p.expect(')', 'to close the cast');
    if (p.is('{')) return postfixOps(p, compoundLiteral(p, ty, open));
    const operand = castExpr(p);
    return explicitCast(p, operand, ty, open);
  }
  return unary(p);
}

function explicitCast(p: Parser, e: Expr, ty: Type, open: Token): Expr {
  const at = span({ loc: open.loc, length: open.length }, e);
  if (ty.kind === 'void') return { kind: 'cast', operand: e, ty: tyVoid, loc: at.loc, length: at.length };
  if (ty.kind === 'struct' || ty.kind === 'array') p.errorAt(at.loc, at.length, `cannot cast to '${typeName(ty)}': only numbers and pointers can be cast`);
  const from = rvalueType(e.ty);
  if (!isScalar(from)) p.errorAt(at.loc, at.length, `cannot cast ${article(e.ty)} to '${typeName(ty)}'`);
  const c = cast(e, ty);
  return c === e ? { ...e, ty, loc: at.loc, length: at.length } : { ...c, loc: at.loc, length: at.length };
}

function unary(p: Parser): Expr {
  const t = p.tok;
  if (t.kind === 'punct') {
    switch (t.text) {
      case '+': { p.next(); const e = castExpr(p); return arithUnary(p, e, t, undefined); }
      case '-': { p.next(); const e = castExpr(p); return arithUnary(p, e, t, 'neg'); }
      case '~': { p.next(); const e = castExpr(p); return arithUnary(p, e, t, 'bitnot'); }
      case '!': {
        p.next();
        const e = castExpr(p);
        condition(p, e, "operator '!'");
        return { kind: 'not', operand: e, ty: tyInt, loc: t.loc, length: span(t, e).length };
      }
      case '&': { p.next(); return addressOf(p, castExpr(p), t); }
      case '*': { p.next(); return deref(p, castExpr(p), t); }
      case '++': case '--': {
        p.next();
        const e = unary(p);
        checkAssignable(p, e, t);
        const one = num(1n, tyInt, t);
        return withStableLvalue(p, e, (lv) => assign(p, lv(), t.text === '++' ? add(p, lv(), one, e) : sub(p, lv(), one, e), t));
      }
      case '&&': { p.next(); return labelAddress(p, t, (name) => fnLabelOf(p, name)); }
    }
  }
  if (t.kind === 'keyword' || t.kind === 'ident') {
    if (t.text === 'sizeof') return sizeofExpr(p);
    if (t.text === '_Alignof' || t.text === '__alignof__' || t.text === '__alignof') return alignofExpr(p);
    if (t.text === '__extension__') { p.next(); return castExpr(p); }
  }
  return postfix(p);
}

function arithUnary(p: Parser, e: Expr, t: Token, kind: 'neg' | 'bitnot' | undefined): Expr {
  if (!isInteger(e.ty)) p.exprError(e, `operator '${t.text}' needs an integer operand, but this is ${article(e.ty)}`);
  const ty = promote(promoteBitField(e).ty);
  const c = cast(e, ty);
  if (!kind) return c;
  return { kind, operand: c, ty, loc: t.loc, length: span(t, e).length };
}

export function addressOf(p: Parser, e: Expr, t: Token): Expr {
  if (e.kind === 'var') e.obj.isModified = true; // may be written through the pointer
  const at = span(t, e);
  p.dropIomemWarnings(e.loc, e.length);
  if (e.kind === 'member' && e.member.bitWidth !== undefined) p.exprError(e, `cannot take the address of bit-field '${e.member.name}'`);
  if (e.kind === 'deref') return { ...cast(e.operand, pointerTo(e.ty)), loc: at.loc, length: at.length };
  if (!isLvalue(e) && !(e.kind === 'var' && e.obj.isFunction) && e.ty.kind !== 'struct' && e.ty.kind !== 'array') {
    p.exprError(e, "'&' needs a variable or memory location (an lvalue)");
  }
  return { kind: 'addr', operand: e, ty: pointerTo(e.ty), loc: at.loc, length: at.length };
}

export function deref(p: Parser, e: Expr, t: Token | undefined): Expr {
  const at = t ? span(t, e) : e;
  const pt = rvalueType(e.ty);
  if (pt.kind !== 'ptr') return p.errorAt(at.loc, at.length, `cannot dereference ${article(e.ty)}: '*' needs a pointer`);
  if (pt.base.kind === 'void' && p.unevaluated === 0) p.errorAt(at.loc, at.length, "cannot dereference a 'void *'; cast it to a pointer to the type you want to read");
  if (pt.base.kind === 'struct' && !pt.base.def.complete) p.errorAt(at.loc, at.length, `'${typeName(pt.base)}' is an incomplete type (declared but not defined)`);
  warnIomem(p, pt.base, at);
  return { kind: 'deref', operand: e, ty: pt.base, loc: at.loc, length: at.length };
}

function warnIomem(p: Parser, target: Type, at: { loc: Token['loc']; length: number }): void {
  if (!target.isIomem) return;
  p.warn(at.loc, at.length, `${IOMEM_WARNING}; device registers must be accessed with readl()/writel() (or ioread32()/iowrite32())`);
}

function sizeofExpr(p: Parser): Expr {
  const t = p.next();
  let ty: Type;
  let end: Token;
  if (p.is('(') && isTypename(p, p.peek())) {
    p.next();
    ty = typeNameRule(p);
    end = p.expect(')');
    if (p.is('{')) ty = compoundLiteral(p, ty, t).ty;
  } else {
    const before = p.diags.length;
    p.unevaluated++; // sizeof *(void *)p is GNU C's 1 (the kernel's __is_constexpr relies on it)
    let e: Expr;
    try { e = unary(p); } finally { p.unevaluated--; }
    p.dropIomemWarnings(e.loc, e.length, before);
    ty = e.ty;
    if (e.kind === 'member' && e.member.bitWidth !== undefined) p.exprError(e, 'sizeof cannot be applied to a bit-field');
    end = p.toks[p.pos - 1];
  }
  const at = span(t, end);
  if (ty.kind === 'func') p.errorAt(at.loc, at.length, 'sizeof cannot be applied to a function');
  if ((ty.kind === 'struct' && !ty.def.complete) || (ty.kind === 'array' && ty.len < 0)) {
    p.errorAt(at.loc, at.length, `sizeof cannot be applied to the incomplete type '${typeName(ty)}'`);
  }
  return num(BigInt(sizeOfType(ty)), intType('unsigned int'), at);
}

function sizeOfType(ty: Type): number {
  if (ty.kind === 'array') return ty.len * sizeOfType(ty.base);
  if (ty.kind === 'void') return 1;
  if (ty.kind === 'struct') return ty.def.size;
  if (ty.kind === 'int') return ty.size;
  return ty.kind === 'bool' ? 1 : 4;
}

function alignofExpr(p: Parser): Expr {
  const t = p.next();
  let ty: Type;
  if (p.is('(') && isTypename(p, p.peek())) {
    p.next();
    ty = typeNameRule(p);
    p.expect(')');
  } else ty = unary(p).ty;
  const a = ty.kind === 'array' ? alignOfTy(ty.base) : alignOfTy(ty);
  return num(BigInt(a), intType('unsigned int'), t);
}

function alignOfTy(t: Type): number {
  if (t.kind === 'struct') return t.alignOverride ?? t.def.align;
  if (t.kind === 'array') return alignOfTy(t.base);
  if (t.kind === 'int') return t.size;
  return t.kind === 'ptr' ? 4 : 1;
}

function postfix(p: Parser): Expr {
  return postfixOps(p, primary(p));
}

function postfixOps(p: Parser, e: Expr): Expr {
  for (;;) {
    const t = p.tok;
    if (p.is('(')) { e = funcCall(p, e); continue; }
    if (p.is('[')) {
      p.next();
      const idx = expr(p);
      const close = p.expect(']');
      const sum = add(p, e, idx, span(e, close));
      e = deref(p, sum, undefined);
      e = { ...e, loc: sum.loc, length: span(e, close).length };
      continue;
    }
    if (p.is('.') || p.is('->')) { p.next(); e = memberAccess(p, e, t); continue; }
    if (p.is('++') || p.is('--')) {
      p.next();
      e = postIncrement(p, e, t);
      continue;
    }
    return e;
  }
}

function postIncrement(p: Parser, e: Expr, t: Token): Expr {
  checkAssignable(p, e, t);
  const one = num(1n, tyInt, t);
  const ty = unqual(e.ty);
  const at = { loc: e.loc, length: span(e, t).length };
  if (ty.kind === 'bool' || (e.kind === 'member' && e.member.bitWidth !== undefined)) {
    // The stored value saturates (_Bool) or wraps at the field's width: undoing the step on it
    // would not give the old value back, so keep the old value in a temporary.
    return withStableLvalue(p, e, (lv) => {
      const old = tempLocal(p, ty);
      const save = assign(p, varRef(old, e), lv(), t);
      const upd = assign(p, lv(), t.text === '++' ? add(p, varRef(old, e), one, e) : sub(p, varRef(old, e), one, e), t);
      const rest: Expr = { kind: 'comma', lhs: upd, rhs: varRef(old, e), ty, ...at };
      return { kind: 'comma', lhs: save, rhs: rest, ty, ...at };
    });
  }
  return withStableLvalue(p, e, (lv) => {
    const upd = assign(p, lv(), t.text === '++' ? add(p, lv(), one, e) : sub(p, lv(), one, e), t);
    const back = t.text === '++' ? sub(p, upd, one, e) : add(p, upd, one, e);
    return { ...cast(back, ty), ...at };
  });
}

function memberAccess(p: Parser, e: Expr, op: Token): Expr {
  const name = p.ident('a member name');
  const isArrow = op.text === '->';
  let base = e;
  const who = e.kind === 'var' ? `'${e.obj.name}'` : 'the left side';
  if (isArrow) {
    const pt = rvalueType(e.ty);
    if (e.ty.kind === 'struct') {
      return p.error(op, `${who} is ${article(e.ty)}, not a pointer; use '.' instead of '->'`);
    }
    if (pt.kind !== 'ptr' || pt.base.kind !== 'struct') {
      return p.error(op, `'->' needs a pointer to a struct or union, but ${who} is ${article(e.ty)}`);
    }
    base = deref(p, e, undefined);
    warnIomem(p, pt.base, span(e, name));
  } else if (e.ty.kind !== 'struct') {
    const pt = rvalueType(e.ty);
    if (pt.kind === 'ptr' && pt.base.kind === 'struct') {
      return p.error(op, `${who} is a pointer to ${typeName(unqual(pt.base))}; use '->' instead of '.'`);
    }
    return p.error(op, `'.' needs a struct or union, but ${who} is ${article(e.ty)}`);
  }
  const sty = base.ty;
  if (sty.kind === 'struct' && !sty.def.complete) return p.error(op, `'${typeName(sty)}' is an incomplete type (declared but not defined)`);
  const path = findMember(sty, name.text);
  if (!path) return p.error(name, `${typeName(unqual(sty))} has no member named '${name.text}'${suggestMember(sty, name.text)}`);
  const at = span(e, name);
  for (const m of path) base = memberNode(base, m, at);
  if (base.ty.kind === 'array' || base.ty.kind === 'struct') p.dropIomemWarnings(at.loc, at.length);
  else warnIomem(p, sty, at);
  return base;
}

export function memberNode(base: Expr, m: Member, at: { loc: Token['loc']; length: number }): Expr {
  let ty = m.ty;
  if (base.ty.isIomem && ty.kind === 'array') ty = { ...ty, base: { ...ty.base, isIomem: true } };
  if (base.ty.isConst || base.ty.isVolatile || base.ty.isIomem) {
    ty = { ...ty, isConst: ty.isConst || base.ty.isConst, isVolatile: ty.isVolatile || base.ty.isVolatile, isIomem: ty.isIomem || base.ty.isIomem };
  }
  return { kind: 'member', base, member: m, ty, loc: at.loc, length: at.length };
}

function funcCall(p: Parser, callee: Expr): Expr {
  const open = p.next();
  const ct = callee.ty.kind === 'ptr' ? callee.ty.base : callee.ty;
  if (ct.kind !== 'func') {
    const who = callee.kind === 'var' ? `'${callee.obj.name}'` : 'this expression';
    return p.errorAt(callee.loc, callee.length, `${who} is not a function (it is ${article(callee.ty)}) and cannot be called`);
  }
  const args: Expr[] = [];
  while (!p.is(')')) {
    if (args.length) p.expect(',', 'between arguments');
    args.push(assignExpr(p));
  }
  const close = p.expect(')');
  const at = span(callee, close);
  const fname = callee.kind === 'var' ? `'${callee.obj.name}'` : 'the function';
  if (!ct.oldStyle) {
    const n = ct.params.length;
    if (args.length < n || (args.length > n && !ct.variadic)) {
      const d = callee.kind === 'var' ? [p.note(callee.obj.loc, callee.obj.name.length, `'${callee.obj.name}' is declared here`)] : undefined;
      p.report(args.length > n ? args[n].loc : close.loc, args.length > n ? args[n].length : 1,
        `too ${args.length < n ? 'few' : 'many'} arguments to function ${fname} (expected ${n}, got ${args.length})`, d);
    }
  }
  const conv = args.map((a, i) => {
    const param = ct.oldStyle ? undefined : ct.params[i];
    if (param) return assignConvert(p, a, param.ty, `argument ${i + 1} of ${fname}`);
    if (a.ty.kind === 'void') p.exprError(a, 'a void expression cannot be passed as an argument');
    return isInteger(a.ty) ? cast(a, promote(promoteBitField(a).ty)) : a;
  });
  void open;
  if (callee.kind === 'var') checkFormat(p, callee.obj, args);
  const clone = callee.kind === 'var' ? constpropCallee(p, callee.obj, conv) : undefined;
  const call: Expr = { kind: 'call', callee: clone && callee.kind === 'var' ? { ...callee, obj: clone } : callee, args: conv, ty: unqual(ct.ret), loc: at.loc, length: at.length };
  if (ct.ret.kind === 'struct' && call.kind === 'call') call.retBuf = tempLocal(p, ct.ret, 'ret');
  return call;
}

function primary(p: Parser): Expr {
  const t = p.tok;
  if (p.is('(')) {
    p.next();
    if (p.is('{')) return stmtExpr(p, t);
    const e = expr(p);
    const close = p.expect(')');
    return { ...e, loc: t.loc, length: span(t, close).length };
  }
  if (t.kind === 'number' || t.kind === 'char') {
    p.next();
    const name = t.intType ?? 'int';
    return num(t.value ?? 0n, t.kind === 'char' ? tyInt : intType(name), t);
  }
  if (t.kind === 'string') return stringLiteral(p);
  if (t.kind === 'ident' || t.kind === 'keyword') return identifier(p, t);
  if (t.kind === 'eof') return p.error(t, 'expected an expression, but the file ended');
  return p.error(t, `expected an expression, found '${t.text}'`);
}

function stmtExpr(p: Parser, open: Token): Expr {
  if (!p.fn) p.error(open, 'statement expressions are only allowed inside a function');
  p.next();
  const body = compoundStmtBody(p);
  const close = p.expect(')');
  let last = body[body.length - 1];
  while (last?.kind === 'label') last = last.body; // GNU: a labeled statement can give the value
  const ty = last && last.kind === 'expr' ? last.expr.ty : tyVoid;
  if (last && last.kind === 'expr') {
    // The last statement is the value of ({ ... }), not a statement without effect.
    const i = p.diags.findIndex((d) => d.message.startsWith('statement with no effect') && d.loc === last.expr.loc);
    if (i >= 0) p.diags.splice(i, 1);
  }
  return { kind: 'stmtexpr', body, ty: ty.kind === 'array' ? rvalueType(ty) : ty, loc: open.loc, length: span(open, close).length };
}

/** A global register variable's value: `({ T v; asm("mv %0, tp" : "=r"(v)); v; })`. */
function registerRead(p: Parser, obj: Obj, t: Token): Expr {
  const tmp = tempLocal(p, unqual(obj.ty), obj.name);
  const asm: Stmt = { kind: 'asm', template: `mv %0, ${obj.asmReg as string}`, outputs: [{ constraint: '=r', expr: varRef(tmp, t) }], inputs: [], loc: t.loc };
  return { kind: 'stmtexpr', body: [asm, { kind: 'expr', expr: varRef(tmp, t), loc: t.loc }], ty: unqual(obj.ty), loc: t.loc, length: t.length };
}

function identifier(p: Parser, t: Token): Expr {
  if (isBuiltinName(t.text)) return builtinCall(p);
  if (isAtomicBuiltin(t.text) && p.peek().text === '(') { p.next(); return atomicBuiltin(p, t); }
  if (t.text === '_Generic') return genericSelection(p, t);
  if (t.kind === 'keyword' && t.text !== '__func__' && t.text !== '__FUNCTION__') {
    return p.error(t, `expected an expression, found the keyword '${t.text}'`);
  }
  p.next();
  const e = p.lookup(t.text);
  if (e?.kind === 'var' && e.obj.asmReg !== undefined && !e.obj.isLocal) return registerRead(p, e.obj, t);
  if (e?.kind === 'var') return varRef(e.obj, t);
  if (e?.kind === 'enum') return num(e.value, e.ty, t);
  if (e?.kind === 'typedef') return p.error(t, `'${t.text}' is a type name, not a value`);
  if (t.text === '__func__' || t.text === '__FUNCTION__' || t.text === '__PRETTY_FUNCTION__') {
    return stringLiteral(p, p.fn ? sourceNameOf(p.fn.obj) : '', t);
  }
  if (t.text.startsWith('__builtin_')) return p.error(t, `the builtin '${t.text}' is not supported by this compiler`);
  if (p.is('(')) return implicitDeclaration(p, t);
  const close = closestName(t.text, p.visibleNames());
  const notes = close ? [p.note(t.loc, t.length, `did you mean '${close}'?`)] : undefined;
  p.report(t.loc, t.length, `'${t.text}' is undeclared (first use in this function)${close ? `; did you mean '${close}'?` : ''}`, notes);
  // Declare it as an int so the rest of the function does not repeat the error.
  const obj = tempLocal(p, tyInt, t.text);
  p.declare(t.text, { kind: 'var', obj });
  return varRef(obj, t);
}

function implicitDeclaration(p: Parser, t: Token): Expr {
  const close = closestName(t.text, p.visibleNames());
  p.warn(t.loc, t.length, `implicit declaration of function '${t.text}'${close ? `; did you mean '${close}'?` : ''} (include the header that declares it)`);
  const obj: Obj = {
    name: t.text, label: t.text, ty: funcType(tyInt, [], false, true), loc: t.loc, isLocal: false, isStatic: false,
    isDefinition: false, isFunction: true, offset: 0, align: 4,
  };
  p.declareGlobal(t.text, { kind: 'var', obj });
  p.globals.push(obj);
  return varRef(obj, t);
}

