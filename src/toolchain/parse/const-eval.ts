// Constant expressions (C99 6.6): integer constants for array sizes, case labels,
// enumerators and __builtin_constant_p, and address constants (symbol + offset)
// for static initializers.

import type { Expr } from './ast.ts';
import { wrapInt } from './expr-build.ts';
import { isUnsigned, is64, sizeOf, type Type } from './types.ts';

export interface ConstValue { label: string | undefined; value: bigint }

/** Integer constant or undefined when `e` is not one. */
export function evalInt(e: Expr): bigint | undefined {
  const v = evalConst(e);
  return v && v.label === undefined ? v.value : undefined;
}

export function evalConst(e: Expr): ConstValue | undefined {
  try {
    return evalNode(e);
  } catch (err) {
    if (err === NOT_CONSTANT) return undefined;
    throw err;
  }
}

/** Like evalConst, but also folds locals whose constant value is known (Obj.constInit), as
 * gcc -O2 does before removing dead branches; never used where C requires a constant. */
export function evalConstFolding(e: Expr): ConstValue | undefined {
  foldLocals = true;
  try { return evalConst(e); } finally { foldLocals = false; }
}

let foldLocals = false;

/** Thrown to leave a non-constant subtree: one shared object, not an Error, since
 * conditions of every `if` are tried and capturing a stack trace each time is costly. */
const NOT_CONSTANT = { notConstant: true } as const;
const fail = (): never => { throw NOT_CONSTANT; };

function int(e: Expr): bigint {
  const v = evalNode(e);
  if (v.label !== undefined) fail();
  return v.value;
}

function bits(t: Type): number { return is64(t) ? 64 : 32; }

function evalNode(e: Expr): ConstValue {
  switch (e.kind) {
    case 'num': return { label: undefined, value: e.value };
    case 'binary': return evalBinary(e);
    case 'logand': case 'logor': return evalBinary(e);
    case 'cond': return int(e.cond) !== 0n ? evalNode(e.then) : evalNode(e.els);
    case 'comma': return evalNode(e.rhs);
    case 'neg': return k(wrapInt(-int(e.operand), e.ty));
    case 'not': return k(int(e.operand) === 0n ? 1n : 0n);
    case 'bitnot': return k(wrapInt(~int(e.operand), e.ty));
    case 'cast': {
      const v = evalNode(e.operand);
      if (v.label !== undefined) {
        if (sizeOf(e.ty) < 4 && e.ty.kind !== 'ptr') fail();
        return v;
      }
      return k(wrapInt(v.value, e.ty));
    }
    case 'addr': return evalAddress(e.operand);
    case 'var':
      if (e.ty.kind === 'array' || e.ty.kind === 'func') return evalAddress(e);
      if (foldLocals && e.obj.isLocal && e.obj.constInit !== undefined && !e.obj.isModified && !e.ty.isVolatile) return k(e.obj.constInit);
      return fail();
    case 'member':
      if (e.ty.kind === 'array') return evalAddress(e);
      return fail();
    case 'deref':
      if (e.ty.kind === 'array' || e.ty.kind === 'func') return evalNode(e.operand);
      return fail();
    case 'labeladdr': return { label: e.label, value: 0n }; // static void *tbl[] = { &&a, &&b }
    case 'assign': case 'call': case 'stmtexpr': case 'memzero': case 'vastart': case 'atomic': case 'nop':
      return fail();
  }
}

function k(value: bigint): ConstValue { return { label: undefined, value }; }

/** A left-nested chain (1 + 2 + ... + n) is folded in a loop from its innermost operand, so
 * 10^5 terms need no 10^5-deep recursion; only right operands recurse. */
function evalBinary(top: Chained): ConstValue {
  const spine: Chained[] = [];
  let x: Expr = top;
  while (x.kind === 'binary' || x.kind === 'logand' || x.kind === 'logor') { spine.push(x); x = x.lhs; }
  let acc = evalNode(x);
  for (let i = spine.length - 1; i >= 0; i--) {
    const e = spine[i];
    if (e.kind === 'binary') { acc = foldBinary(e, acc, evalNode(e.rhs)); continue; }
    // && and || do not evaluate the right side once the left decides: `0 && f()` is a constant.
    if (acc.label !== undefined) fail();
    const decided = (acc.value !== 0n) === (e.kind === 'logor');
    acc = k(decided ? (e.kind === 'logor' ? 1n : 0n) : int(e.rhs) !== 0n ? 1n : 0n);
  }
  return acc;
}

type Chained = Extract<Expr, { kind: 'binary' | 'logand' | 'logor' }>;

function foldBinary(e: Extract<Expr, { kind: 'binary' }>, l: ConstValue, r: ConstValue): ConstValue {
  // Plain numbers wrap at their type's width (64 bits for long long); only an address
  // plus or minus an offset wraps at the 32 bits of a pointer.
  if (l.label === undefined && r.label === undefined && (e.op === '+' || e.op === '-')) {
    return k(wrapInt(e.op === '+' ? l.value + r.value : l.value - r.value, e.ty));
  }
  if (e.op === '+' && (l.label === undefined || r.label === undefined)) {
    return { label: l.label ?? r.label, value: BigInt.asIntN(32, l.value + r.value) };
  }
  if (e.op === '-' && r.label === undefined) return { label: l.label, value: BigInt.asIntN(32, l.value - r.value) };
  if (e.op === '-' && l.label !== undefined && l.label === r.label) return k(l.value - r.value);
  if (l.label !== undefined || r.label !== undefined) fail();
  const a = l.value, b = r.value;
  const unsigned = isUnsigned(e.lhs.ty);
  const w = bits(e.lhs.ty);
  switch (e.op) {
    case '*': return k(wrapInt(a * b, e.ty));
    case '/': if (b === 0n) fail(); return k(wrapInt(a / b, e.ty));
    case '%': if (b === 0n) fail(); return k(wrapInt(a % b, e.ty));
    case '&': return k(wrapInt(a & b, e.ty));
    case '|': return k(wrapInt(a | b, e.ty));
    case '^': return k(wrapInt(a ^ b, e.ty));
    case '<<': return k(wrapInt(a << (b & BigInt(w - 1)), e.ty));
    case '>>': {
      const base = unsigned ? BigInt.asUintN(w, a) : BigInt.asIntN(w, a);
      return k(wrapInt(base >> (b & BigInt(w - 1)), e.ty));
    }
    case '==': return k(a === b ? 1n : 0n);
    case '!=': return k(a !== b ? 1n : 0n);
    case '<': return k(cmp(a, b, unsigned, w) < 0 ? 1n : 0n);
    case '<=': return k(cmp(a, b, unsigned, w) <= 0 ? 1n : 0n);
    case '>': return k(cmp(a, b, unsigned, w) > 0 ? 1n : 0n);
    case '>=': return k(cmp(a, b, unsigned, w) >= 0 ? 1n : 0n);
    default: return fail();
  }
}

function cmp(a: bigint, b: bigint, unsigned: boolean, w: number): number {
  const x = unsigned ? BigInt.asUintN(w, a) : BigInt.asIntN(w, a);
  const y = unsigned ? BigInt.asUintN(w, b) : BigInt.asIntN(w, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Address constant of an lvalue: a global's label plus a constant offset. */
function evalAddress(e: Expr): ConstValue {
  switch (e.kind) {
    case 'var':
      if (e.obj.isLocal) fail();
      return { label: e.obj.label, value: 0n };
    case 'deref': return evalNode(e.operand);
    case 'member': {
      const base = evalAddress(e.base);
      return { label: base.label, value: base.value + BigInt(e.member.offset) };
    }
    case 'cast': return evalAddress(e.operand);
    default: return fail();
  }
}
