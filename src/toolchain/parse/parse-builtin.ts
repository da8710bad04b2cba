// GNU builtins the kernel's headers rely on (__builtin_expect, offsetof,
// va_*, constant_p, ...) and string literals, which become anonymous
// read-only globals as gcc's .LC labels do.

import { OVERFLOW_BUILTINS, overflowBuiltin, objectSize } from './builtins-overflow.ts';
import type { Token } from '../preprocess/token.ts';
import type { Expr, Obj } from './ast.ts';
import type { Parser } from './parse-state.ts';
import { assignExpr, addressOf, deref, memberNode, withStableLvalue, assign } from './parse-expr.ts';
import { typeNameRule } from './parse-decl.ts';
import { findMember, suggestMember } from './parse-struct.ts';
import { add, cast, isLvalue, num, span, varRef, sub } from './expr-build.ts';
import { evalConst, evalInt } from './const-eval.ts';
import {
  arrayOf, funcType, intType, pointerTo, sameType, sizeOf, tyChar, tyInt, tyUInt, tyULLong, tyVoid, unqual,
  typeName, alignOf, type Type,
} from './types.ts';
import { appendAll, charCodesToString } from '../big-arrays.ts';
import { nameTable } from '../name-table.ts';

const tyVoidPtr = pointerTo(tyVoid);
const tyConstVoidPtr = pointerTo({ ...tyVoid, isConst: true });
const tyConstCharPtr = pointerTo({ ...tyChar, isConst: true });

/** __builtin_X that simply call a library or runtime function. */
const LIBRARY_BUILTINS: Record<string, [string, Type]> = nameTable({
  __builtin_memcpy: ['memcpy', funcType(tyVoidPtr, [{ name: 'd', ty: tyVoidPtr }, { name: 's', ty: tyConstVoidPtr }, { name: 'n', ty: tyUInt }], false)],
  __builtin_memmove: ['memmove', funcType(tyVoidPtr, [{ name: 'd', ty: tyVoidPtr }, { name: 's', ty: tyConstVoidPtr }, { name: 'n', ty: tyUInt }], false)],
  __builtin_memset: ['memset', funcType(tyVoidPtr, [{ name: 'd', ty: tyVoidPtr }, { name: 'c', ty: tyInt }, { name: 'n', ty: tyUInt }], false)],
  __builtin_memcmp: ['memcmp', funcType(tyInt, [{ name: 'a', ty: tyConstVoidPtr }, { name: 'b', ty: tyConstVoidPtr }, { name: 'n', ty: tyUInt }], false)],
  __builtin_strlen: ['strlen', funcType(tyUInt, [{ name: 's', ty: tyConstCharPtr }], false)],
  __builtin_strcmp: ['strcmp', funcType(tyInt, [{ name: 'a', ty: tyConstCharPtr }, { name: 'b', ty: tyConstCharPtr }], false)],
  __builtin_clz: ['__clzsi2', funcType(tyInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_ctz: ['__ctzsi2', funcType(tyInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_clzl: ['__clzsi2', funcType(tyInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_ctzl: ['__ctzsi2', funcType(tyInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_clzll: ['__clzdi2', funcType(tyInt, [{ name: 'x', ty: tyULLong }], false)],
  __builtin_ctzll: ['__ctzdi2', funcType(tyInt, [{ name: 'x', ty: tyULLong }], false)],
  __builtin_popcount: ['__popcountsi2', funcType(tyInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_popcountl: ['__popcountsi2', funcType(tyInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_popcountll: ['__popcountdi2', funcType(tyInt, [{ name: 'x', ty: tyULLong }], false)],
  __builtin_ffs: ['__ffssi2', funcType(tyInt, [{ name: 'x', ty: tyInt }], false)],
  __builtin_ffsl: ['__ffssi2', funcType(tyInt, [{ name: 'x', ty: tyInt }], false)],
  __builtin_ffsll: ['__ffsdi2', funcType(tyInt, [{ name: 'x', ty: tyULLong }], false)],
  __builtin_bswap32: ['__bswapsi2', funcType(tyUInt, [{ name: 'x', ty: tyUInt }], false)],
  __builtin_bswap64: ['__bswapdi2', funcType(tyULLong, [{ name: 'x', ty: tyULLong }], false)],
  __builtin_abort: ['abort', funcType(tyVoid, [], false)],
});

const SPECIAL = new Set([
  '__builtin_expect', '__builtin_expect_with_probability', '__builtin_constant_p', '__builtin_unreachable',
  '__builtin_offsetof', 'offsetof', '__builtin_va_start', '__builtin_va_arg', '__builtin_va_end', '__builtin_va_copy',
  '__builtin_types_compatible_p', '__builtin_choose_expr', '__builtin_trap', '__builtin_assume_aligned',
  '__builtin_prefetch', '_Static_assert', '__builtin_bswap16', '__builtin_object_size', ...Object.keys(OVERFLOW_BUILTINS),
]);

export function isBuiltinName(name: string): boolean {
  return SPECIAL.has(name) || Object.hasOwn(LIBRARY_BUILTINS, name);
}

export function builtinCall(p: Parser): Expr {
  const t = p.next();
  if (Object.hasOwn(LIBRARY_BUILTINS, t.text)) return libraryBuiltin(p, t);
  p.expect('(', `after '${t.text}'`);
  const e = special(p, t);
  const close = p.expect(')', `to close '${t.text}('`);
  return { ...e, loc: t.loc, length: span(t, close).length };
}

function libraryBuiltin(p: Parser, t: Token): Expr {
  const [name, ty] = LIBRARY_BUILTINS[t.text];
  let e = p.lookup(name);
  if (e?.kind !== 'var') {
    const obj: Obj = {
      name, label: name, ty, loc: t.loc, isLocal: false, isStatic: false, isDefinition: false, isFunction: true,
      offset: 0, align: 4,
    };
    p.globals.push(obj);
    e = { kind: 'var', obj };
    if (!t.text.startsWith('__builtin_') || !name.startsWith('__')) p.declareGlobal(name, e);
  }
  return varRef(e.obj, t);
}

function args2(p: Parser): [Expr, Expr] {
  const a = assignExpr(p);
  p.expect(',');
  return [a, assignExpr(p)];
}

function special(p: Parser, t: Token): Expr {
  switch (t.text) {
    case '__builtin_expect': { const [a] = args2(p); return a; }
    case '__builtin_expect_with_probability': { const [a] = args2(p); p.expect(','); assignExpr(p); return a; }
    case '__builtin_assume_aligned': { const [a] = args2(p); return a; }
    case '__builtin_prefetch': { assignExpr(p); while (p.consume(',')) assignExpr(p); return nop(t); }
    case '__builtin_constant_p': {
      const e = assignExpr(p);
      // gcc -O2 folds it to 1 for integer constant expressions and string literals.
      const literal = e.kind === 'var' && e.obj.name === '.str';
      return num(literal || evalInt(e) !== undefined ? 1n : 0n, tyInt, t);
    }
    case '__builtin_unreachable': case '__builtin_trap': return nop(t);
    case '__builtin_offsetof': case 'offsetof': return offsetof(p, t);
    case '__builtin_types_compatible_p': {
      const a = typeNameRule(p);
      p.expect(',');
      const b = typeNameRule(p);
      return num(sameType(unqual(a), unqual(b)) ? 1n : 0n, tyInt, t);
    }
    case '__builtin_choose_expr': {
      const c = assignExpr(p);
      const v = evalInt(c);
      if (v === undefined) p.exprError(c, '__builtin_choose_expr needs a constant condition');
      p.expect(',');
      const [a, b] = args2(p);
      return v !== 0n ? a : b;
    }
    case '__builtin_va_start': {
      const [ap] = args2(p);
      if (!p.fn || !p.fn.obj.ty || p.fn.obj.ty.kind !== 'func' || !p.fn.obj.ty.variadic) {
        p.error(t, "va_start used in a function that has no '...' parameter");
      }
      return { kind: 'vastart', ap, ty: tyVoid, loc: t.loc, length: t.length };
    }
    case '__builtin_va_end': assignExpr(p); return nop(t);
    case '__builtin_va_copy': { const [d, s] = args2(p); return assign(p, d, s, t); }
    case '__builtin_va_arg': return vaArg(p, t);
    case '_Static_assert': return staticAssert(p, t);
    case '__builtin_bswap16': return bswap16(p, t);
    case '__builtin_object_size': return objectSize(p, t);
  }
  if (t.text in OVERFLOW_BUILTINS) return overflowBuiltin(p, t, OVERFLOW_BUILTINS[t.text]);
  return p.error(t, `unsupported builtin '${t.text}'`);
}

/** libgcc has no 16-bit swap: swap 32 bits and keep the top half. */
function bswap16(p: Parser, t: Token): Expr {
  const x = cast(assignExpr(p), tyUInt);
  const callee = libraryBuiltin(p, { ...t, text: '__builtin_bswap32' });
  const call: Expr = { kind: 'call', callee, args: [x], ty: tyUInt, loc: t.loc, length: t.length };
  const shifted: Expr = { kind: 'binary', op: '>>', lhs: call, rhs: num(16n, tyInt, t), ty: tyUInt, loc: t.loc, length: t.length };
  return cast(shifted, intType('unsigned short'));
}

function nop(t: Token): Expr { return { kind: 'nop', ty: tyVoid, loc: t.loc, length: t.length }; }

function offsetof(p: Parser, t: Token): Expr {
  const ty = typeNameRule(p);
  p.expect(',');
  if (ty.kind !== 'struct') p.error(t, `offsetof needs a struct or union type, not '${typeName(ty)}'`);
  const zero = cast(num(0n, tyInt, t), pointerTo(ty));
  let e: Expr = { kind: 'deref', operand: zero, ty, loc: t.loc, length: t.length };
  let first = true;
  for (;;) {
    if (first || p.consume('.')) {
      first = false;
      const name = p.ident('a member name');
      const path = findMember(e.ty, name.text);
      if (!path) p.error(name, `${typeName(unqual(e.ty))} has no member named '${name.text}'${suggestMember(e.ty, name.text)}`);
      for (const m of path) e = memberNode(e, m, name);
    } else if (p.consume('[')) {
      const idx = assignExpr(p);
      p.expect(']');
      e = deref(p, add(p, e, idx, idx), undefined);
    } else break;
  }
  const v = evalConst(addressOf(p, e, t));
  if (!v || v.label !== undefined) return p.error(t, 'offsetof needs a constant member designator');
  return num(v.value, tyUInt, t);
}

/** va_arg for the ilp32 ABI: va_list is a pointer walking 4-byte slots; 8-byte-aligned types
 * start at an 8-byte boundary; structs over 8 bytes are passed by reference. */
function vaArg(p: Parser, t: Token): Expr {
  const ap = assignExpr(p);
  p.expect(',');
  const ty = typeNameRule(p);
  if (!isLvalue(ap)) p.exprError(ap, 'va_arg needs a va_list variable');
  const byRef = ty.kind === 'struct' && sizeOf(ty) > 8;
  const slot = byRef ? 4 : Math.ceil(sizeOf(ty) / 4) * 4;
  const align8 = !byRef && alignOf(ty) === 8;
  return withStableLvalue(p, ap, (lv) => {
    const steps: Expr[] = [];
    if (align8) {
      const asInt = cast(lv(), tyUInt);
      const rounded: Expr = { kind: 'binary', op: '&', lhs: { kind: 'binary', op: '+', lhs: asInt, rhs: num(7n, tyUInt, t), ty: tyUInt, loc: t.loc, length: 1 }, rhs: num(~7n & 0xffffffffn, tyUInt, t), ty: tyUInt, loc: t.loc, length: 1 };
      steps.push(assign(p, lv(), cast(rounded, lv().ty), t));
    }
    const bumped = assign(p, lv(), add(p, lv(), num(BigInt(slot), tyInt, t), t), t);
    const start = sub(p, bumped, num(BigInt(slot), tyInt, t), t);
    let val: Expr;
    if (byRef) {
      const slotPtr = cast(start, pointerTo(pointerTo(ty)));
      val = deref(p, deref(p, slotPtr, undefined), undefined);
    } else {
      val = deref(p, cast(start, pointerTo(ty)), undefined);
    }
    for (const s of steps.reverse()) val = { kind: 'comma', lhs: s, rhs: val, ty: val.ty, loc: t.loc, length: t.length };
    return val;
  });
}

function staticAssert(p: Parser, t: Token): Expr {
  const c = assignExpr(p);
  let msg = '';
  if (p.consume(',')) while (p.tok.kind === 'string') msg += cString(p.next().bytes);
  const v = evalInt(c);
  if (v === undefined) p.exprError(c, '_Static_assert needs a constant expression');
  else if (v === 0n) p.report(t.loc, t.length, `static assertion failed${msg ? `: "${msg}"` : ''}`);
  return nop(t);
}

/** The characters of a string literal's bytes, without the terminating NUL. */
function cString(bytes: Uint8Array | undefined): string {
  const b = bytes ?? new Uint8Array(1);
  return charCodesToString(b.subarray(0, b.length - 1));
}

/** Adjacent string literals concatenated into one anonymous read-only char array. */
export function stringLiteral(p: Parser, text?: string, at?: Token): Expr {
  let bytes: number[] = [];
  let first: Token, last: Token;
  if (text !== undefined && at) {
    first = last = at;
    bytes = [...text].map((c) => c.charCodeAt(0) & 0xff);
    bytes.push(0);
  } else {
    first = last = p.tok;
    while (p.tok.kind === 'string') {
      last = p.next();
      const b = last.bytes ?? new Uint8Array([0]);
      appendAll(bytes, b.subarray(0, b.length - 1));
    }
    bytes.push(0);
  }
  const obj = stringObj(p, new Uint8Array(bytes), first);
  return varRef(obj, span(first, last));
}

export function stringObj(p: Parser, data: Uint8Array, at: Token): Obj {
  const obj: Obj = {
    name: '.str', label: p.uniqueLabel('C'), ty: arrayOf(tyChar, data.length), loc: at.loc, isLocal: false, isStatic: true,
    isDefinition: true, isFunction: false, offset: 0, align: 1, data, relocs: [], isReadOnly: true,
  };
  p.globals.push(obj);
  return obj;
}

