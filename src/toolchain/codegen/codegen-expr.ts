// Expression code: each expression leaves its value in a0 (a0:a1 when 64-bit;
// the address for structs and arrays), per C99 6.3 conversions on RV32IM.

import type { Expr, Stmt } from '../parse/ast.ts';
import type { Gen } from './codegen-state.ts';
import { alignFor, loadOp, storeOp } from './codegen-state.ts';
import { genCall } from './codegen-call.ts';
import { genAtomic } from './codegen-atomic.ts';
import { genBinary64, genCompare64, genNeg64, loadBitfield64, storeBitfield64 } from './codegen-int64.ts';
import { genStmt } from './codegen-stmt.ts';
import { constCondition, hasSideEffects } from '../parse/fold-branch.ts';
import { is64, isUnsigned, sizeOf, type Type } from '../parse/types.ts';

export function genExpr(g: Gen, e: Expr): void {
  switch (e.kind) {
    case 'num': return genNum(g, e.value, e.ty);
    case 'var': case 'deref':
      if (loadDirect(g, e)) return;
      genAddr(g, e);
      g.load(e.ty);
      return;
    case 'member':
      if (e.member.bitWidth !== undefined) return loadBitfield(g, e);
      if (loadDirect(g, e)) return;
      if (!isPackedMember(e)) {
        genExpr(g, e.base); // the struct's address; the member offset goes into the load
        g.load(e.ty, e.member.offset);
        return;
      }
      genAddr(g, e);
      loadMember(g, e);
      return;
    case 'addr': return genAddr(g, e.operand);
    case 'binary': return genBinary(g, e);
    case 'logand': case 'logor': return genLogical(g, e);
    case 'not':
      genExpr(g, e.operand);
      if (is64(e.operand.ty)) g.emit('or a0, a0, a1');
      g.emit('seqz a0, a0');
      return;
    case 'neg':
      genExpr(g, e.operand);
      if (is64(e.ty)) genNeg64(g); else g.emit('neg a0, a0');
      return;
    case 'bitnot':
      genExpr(g, e.operand);
      g.emit('not a0, a0');
      if (is64(e.ty)) g.emit('not a1, a1');
      return;
    case 'cast':
      genExpr(g, e.operand);
      return convert(g, e.operand.ty, e.ty);
    case 'cond': return genCond(g, e);
    case 'comma':
      genDiscard(g, e.lhs);
      genExpr(g, e.rhs);
      return;
    case 'assign': return genAssign(g, e);
    case 'call': return genCall(g, e);
    case 'stmtexpr': return genStmtExpr(g, e.body);
    case 'labeladdr': g.emit(`lui a0, %hi(${e.label})`); g.emit(`addi a0, a0, %lo(${e.label})`); return;
    case 'memzero':
      g.addrOf(e.obj, 't1');
      g.zeroBytes('t1', sizeOf(e.obj.ty), alignFor(e.obj.ty));
      return;
    case 'vastart':
      genAddr(g, e.ap);
      g.addImm('t0', 's0', g.vaOffset);
      g.emit('sw t0, 0(a0)');
      return;
    case 'atomic': return genAtomic(g, e);
    case 'nop': return;
  }
}

/** Evaluates `e` for its side effects only (expression statements, comma lhs):
 * the pure arithmetic wrapped around them, like the '- 1' of a post-increment, is skipped. */
export function genDiscard(g: Gen, e: Expr): void {
  for (;;) {
    if (e.kind === 'cast' && e.ty.kind !== 'struct') { e = e.operand; continue; }
    if (e.kind === 'binary' && e.rhs.kind === 'num') { e = e.lhs; continue; }
    break;
  }
  if (e.kind === 'comma') {
    // (a, b, c, ...) nests on the left: discard its operands in order, in a loop.
    const rights: Expr[] = [];
    let x: Expr = e;
    while (x.kind === 'comma') { rights.push(x.rhs); x = x.lhs; }
    genDiscard(g, x);
    for (let i = rights.length - 1; i >= 0; i--) genDiscard(g, rights[i]);
    return;
  }
  if (e.kind === 'num' || (e.kind === 'var' && !e.ty.isVolatile)) return;
  genExpr(g, e);
}

function genNum(g: Gen, v: bigint, ty: Type): void {
  const u = BigInt.asUintN(64, v);
  g.emit(`li a0, ${Number(BigInt.asIntN(32, u))}`);
  if (is64(ty)) g.emit(`li a1, ${Number(BigInt.asIntN(32, u >> 32n))}`);
}

/** A statically known address: s0 + off for locals, label + off for globals. */
type AddrMode = { local: true; off: number } | { local: false; label: string; off: number };

function addrMode(e: Expr): AddrMode | undefined {
  if (e.kind === 'var') {
    if (e.obj.isLocal) return { local: true, off: e.obj.offset };
    return e.obj.isFunction ? undefined : { local: false, label: e.obj.label, off: 0 };
  }
  if (e.kind === 'member' && e.member.bitWidth === undefined) {
    const b = addrMode(e.base);
    if (b) return { ...b, off: b.off + e.member.offset };
  }
  return undefined;
}

function symOff(m: { label: string; off: number }): string {
  return m.off === 0 ? m.label : `${m.label}${m.off > 0 ? '+' : ''}${m.off}`;
}

function scalarSize(t: Type): number {
  if (t.kind === 'int') return t.size;
  if (t.kind === 'bool') return 1;
  return t.kind === 'ptr' ? 4 : 0;
}

function directOk(e: Expr): boolean {
  const size = scalarSize(e.ty);
  return size > 0 && !(e.kind === 'member' && isPackedMember(e));
}

/** Loads a scalar at a static address with one instruction (gcc's addressing modes). */
function loadDirect(g: Gen, e: Expr): boolean {
  if (!directOk(e)) return false;
  const m = addrMode(e);
  if (!m) return false;
  const size = scalarSize(e.ty);
  const op = loadOp(Math.min(size, 4), isUnsigned(e.ty));
  if (m.local) {
    g.mem(op, 'a0', m.off, 's0');
    if (size === 8) g.mem('lw', 'a1', m.off + 4, 's0');
    return true;
  }
  if (size === 8) return false;
  g.emit(`lui a0, %hi(${symOff(m)})`);
  g.emit(`${op} a0, %lo(${symOff(m)})(a0)`);
  return true;
}

/** Stores a0(:a1) to a scalar at a static address; false when not applicable. */
function storeDirect(g: Gen, e: Expr): boolean {
  if (!directOk(e)) return false;
  const m = addrMode(e);
  if (!m) return false;
  const size = scalarSize(e.ty);
  const op = storeOp(Math.min(size, 4));
  if (m.local) {
    g.mem(op, 'a0', m.off, 's0');
    if (size === 8) g.mem('sw', 'a1', m.off + 4, 's0');
    return true;
  }
  if (size === 8) return false;
  g.emit(`lui t1, %hi(${symOff(m)})`);
  g.emit(`${op} a0, %lo(${symOff(m)})(t1)`);
  return true;
}

/** a0 = address of an lvalue (or of a struct-valued expression). */
export function genAddr(g: Gen, e: Expr): void {
  const m = addrMode(e);
  if (m?.local) { g.addImm('a0', 's0', m.off); return; }
  switch (e.kind) {
    case 'var': g.addrOf(e.obj); return;
    case 'deref': genExpr(g, e.operand); return;
    case 'member':
      genExpr(g, e.base); // a struct-valued expression evaluates to its address
      g.addImm('a0', 'a0', e.member.offset);
      return;
    case 'comma':
      genExpr(g, e.lhs);
      genAddr(g, e.rhs);
      return;
    default:
      if (e.ty.kind === 'struct' || e.ty.kind === 'array') { genExpr(g, e); return; }
      g.error(e.loc, e.length, 'internal: expression has no address');
  }
}

function isPackedMember(e: Extract<Expr, { kind: 'member' }>): boolean {
  const b = e.base.ty;
  return b.kind === 'struct' && b.def.packed && alignFor(e.ty) > 1;
}

function loadMember(g: Gen, e: Extract<Expr, { kind: 'member' }>): void {
  if (!isPackedMember(e) || e.ty.kind === 'struct' || e.ty.kind === 'array') { g.load(e.ty); return; }
  // Misaligned member of a packed struct: assemble it byte by byte, as gcc does.
  const size = sizeOf(e.ty);
  g.emit('mv t1, a0');
  for (let w = 0; w < size; w += 4) {
    const reg = w === 0 ? 'a0' : 'a1';
    g.emit(`lbu ${reg}, ${w}(t1)`);
    for (let i = 1; i < Math.min(4, size - w); i++) {
      g.emit(`lbu t2, ${w + i}(t1)`);
      g.emit(`slli t2, t2, ${8 * i}`);
      g.emit(`or ${reg}, ${reg}, t2`);
    }
  }
  if (size < 4) convert(g, { kind: 'int', size: 4, unsigned: true, name: 'unsigned int' }, e.ty);
}

function storePacked(g: Gen, size: number): void {
  for (let i = 0; i < size; i++) {
    const reg = i < 4 ? 'a0' : 'a1';
    g.emit(`srli t2, ${reg}, ${8 * (i % 4)}`);
    g.emit(`sb t2, ${i}(t1)`);
  }
}

function loadBitfield(g: Gen, e: Extract<Expr, { kind: 'member' }>): void {
  const m = e.member;
  const width = m.bitWidth as number, off = m.bitOffset ?? 0;
  genAddr(g, e);
  const unit = sizeOf(m.ty);
  if (unit === 8 && off < 32 && off + width > 32) return loadBitfield64(g, off, width, isUnsigned(m.ty));
  if (unit === 8 && off + width <= 32) g.emit('lw a0, 0(a0)');
  else if (unit === 8) g.emit(`lw a0, ${4}(a0)`);
  else g.emit(`${unit === 1 ? 'lbu' : unit === 2 ? 'lhu' : 'lw'} a0, 0(a0)`);
  const bitPos = unit === 8 && off + width > 32 ? off - 32 : off;
  if (32 - bitPos - width > 0) g.emit(`slli a0, a0, ${32 - bitPos - width}`);
  if (32 - width > 0) g.emit(`${isUnsigned(m.ty) ? 'srli' : 'srai'} a0, a0, ${32 - width}`);
  if (is64(m.ty)) g.emit(isUnsigned(m.ty) ? 'li a1, 0' : 'srai a1, a0, 31');
}

function storeBitfield(g: Gen, e: Extract<Expr, { kind: 'member' }>): void {
  // value in a0, address of the storage unit in t1
  const m = e.member;
  const width = m.bitWidth as number;
  let off = m.bitOffset ?? 0;
  const unit = sizeOf(m.ty);
  if (unit === 8 && off < 32 && off + width > 32) return storeBitfield64(g, off, width, isUnsigned(m.ty));
  let base = 0;
  if (unit === 8 && off >= 32) { base = 4; off -= 32; }
  const [ld, st] = unit === 1 ? ['lbu', 'sb'] : unit === 2 ? ['lhu', 'sh'] : ['lw', 'sw'];
  const mask = width >= 32 ? 0xffffffff : (1 << width) - 1;
  g.emit(`${ld} t2, ${base}(t1)`);
  g.emit(`li t3, ${(mask << off) | 0}`);
  g.emit('not t3, t3');
  g.emit('and t2, t2, t3');
  g.emit(`li t3, ${mask | 0}`);
  g.emit('and t4, a0, t3');
  g.emit(`slli t4, t4, ${off}`);
  g.emit('or t2, t2, t4');
  g.emit(`${st} t2, ${base}(t1)`);
  // The expression's value is the stored value, truncated to the field.
  if (32 - width > 0) {
    g.emit(`slli a0, a0, ${32 - width}`);
    g.emit(`${isUnsigned(m.ty) ? 'srli' : 'srai'} a0, a0, ${32 - width}`);
  }
  if (is64(m.ty)) g.emit(isUnsigned(m.ty) ? 'li a1, 0' : 'srai a1, a0, 31');
}

function genAssign(g: Gen, e: Extract<Expr, { kind: 'assign' }>): void {
  const m = directOk(e.lhs) ? addrMode(e.lhs) : undefined;
  if (m && (m.local || scalarSize(e.lhs.ty) !== 8)) {
    genExpr(g, e.rhs);
    storeDirect(g, e.lhs);
    return;
  }
  genAddr(g, e.lhs);
  if (isSimpleLeaf(e.rhs) || isSimpleLeaf64(e.rhs)) {
    g.emit('mv t1, a0'); // simple values load without touching t1
    if (is64(e.rhs.ty)) simpleInto64(g, e.rhs, 'a0', 'a1'); else simpleInto(g, e.rhs, 'a0');
  } else {
    g.pushTemp();
    genExpr(g, e.rhs);
    g.popTemp('t1');
  }
  if (e.lhs.kind === 'member' && e.lhs.member.bitWidth !== undefined) return storeBitfield(g, e.lhs);
  if (e.lhs.kind === 'member' && isPackedMember(e.lhs) && e.ty.kind !== 'struct') return storePacked(g, sizeOf(e.ty));
  g.store(e.lhs.ty);
}

/** Converts the value in a0(:a1) from type `from` to type `to`. */
export function convert(g: Gen, from: Type, to: Type): void {
  if (to.kind === 'void' || from.kind === 'struct' || to.kind === 'struct') return;
  const fromSize = from.kind === 'int' ? from.size : from.kind === 'bool' ? 1 : 4;
  if (to.kind === 'bool') {
    if (fromSize === 8) g.emit('or a0, a0, a1');
    if (from.kind !== 'bool') g.emit('snez a0, a0');
    return;
  }
  const toSize = to.kind === 'int' ? to.size : 4;
  if (toSize === 8) {
    if (fromSize !== 8) g.emit(isUnsigned(from) ? 'li a1, 0' : 'srai a1, a0, 31');
    return;
  }
  if (toSize === 4) return;
  const shift = 32 - toSize * 8;
  if (to.kind === 'int' && to.unsigned && toSize === 1) { g.emit('andi a0, a0, 255'); return; }
  if (fromSize <= toSize && (isUnsigned(from) === isUnsigned(to) || (isUnsigned(from) && fromSize < toSize))) return;
  g.emit(`slli a0, a0, ${shift}`);
  g.emit(`${isUnsigned(to) ? 'srli' : 'srai'} a0, a0, ${shift}`);
}

/** Branches to `label` when the scalar `e` is zero. */
export function genBranchIfZero(g: Gen, e: Expr, label: string): void {
  genBranch(g, e, label, false);
}

type Logical = Extract<Expr, { kind: 'logand' | 'logor' }>;

/** a && b && ... as 0/1. A chain nests on the left: its operators are walked in a loop
 * (labels taken outermost first, as one recursive call per operator would take them). */
function genLogical(g: Gen, e: Logical): void {
  const spine: { e: Logical; done: string; short: string }[] = [];
  let x: Expr = e;
  while (x.kind === 'logand' || x.kind === 'logor') {
    const left = hasSideEffects(x.lhs) ? undefined : constCondition(x.lhs);
    if (left !== undefined && left !== (x.kind === 'logand')) break; // 0 && x, 1 || x
    const done = g.newLabel(), short = g.newLabel();
    spine.push({ e: x, done, short });
    x = x.lhs;
  }
  if (x.kind === 'logand' || x.kind === 'logor') genNum(g, x.kind === 'logor' ? 1n : 0n, x.ty);
  else genExpr(g, x);
  for (let i = spine.length - 1; i >= 0; i--) logicalAfterLeft(g, spine[i].e, spine[i].done, spine[i].short);
}

function logicalAfterLeft(g: Gen, e: Logical, done: string, short: string): void {
  const isAnd = e.kind === 'logand';
  const branch = (side: Expr): void => {
    if (is64(side.ty)) g.emit('or a0, a0, a1');
    g.emit(`${isAnd ? 'beqz' : 'bnez'} a0, ${short}`);
  };
  branch(e.lhs);
  genExpr(g, e.rhs);
  branch(e.rhs);
  g.emit(`li a0, ${isAnd ? 1 : 0}`);
  g.emit(`j ${done}`);
  g.label(short);
  g.emit(`li a0, ${isAnd ? 0 : 1}`);
  g.label(done);
}

function genCond(g: Gen, e: Extract<Expr, { kind: 'cond' }>): void {
  const c = constCondition(e.cond);
  if (c !== undefined) {
    if (hasSideEffects(e.cond)) genDiscard(g, e.cond);
    genExpr(g, c ? e.then : e.els);
    return;
  }
  const els = g.newLabel(), done = g.newLabel();
  genBranchIfZero(g, e.cond, els);
  genExpr(g, e.then);
  g.emit(`j ${done}`);
  g.label(els);
  genExpr(g, e.els);
  g.label(done);
}

function genStmtExpr(g: Gen, body: Stmt[]): void {
  body.forEach((s, i) => {
    let last = i === body.length - 1 ? s : undefined;
    while (last?.kind === 'label') { g.label(last.label); last = last.body; } // ({ ...; out: v; })
    if (last?.kind === 'expr') {
      g.loc(last.loc);
      genExpr(g, last.expr);
    } else genStmt(g, last ?? s);
  });
}

/** A leaf whose value can be loaded into any register without touching others:
 * constants, scalar variables, addresses of variables (arrays and functions included). */
export function isSimpleLeaf(e: Expr): boolean {
  if (is64(e.ty) || e.ty.kind === 'struct') return false;
  if (e.kind === 'num') return true;
  if (e.kind === 'cast') return scalarSize(e.ty) === 4 && scalarSize(e.operand.ty) === 4 && isSimpleLeaf(e.operand);
  if (e.kind === 'addr') return e.operand.kind === 'var';
  return e.kind === 'var';
}

/** 64-bit constants and local variables, loadable straight into a register pair. */
export function isSimpleLeaf64(e: Expr): boolean {
  return is64(e.ty) && (e.kind === 'num' || (e.kind === 'var' && e.obj.isLocal));
}

export function simpleInto64(g: Gen, e: Expr, lo: string, hi: string): void {
  if (e.kind === 'num') {
    const u = BigInt.asUintN(64, e.value);
    g.emit(`li ${lo}, ${Number(BigInt.asIntN(32, u))}`);
    g.emit(`li ${hi}, ${Number(BigInt.asIntN(32, u >> 32n))}`);
  } else if (e.kind === 'var') {
    g.mem('lw', lo, e.obj.offset, 's0');
    g.mem('lw', hi, e.obj.offset + 4, 's0');
  }
}

export function simpleInto(g: Gen, e: Expr, reg: string): boolean {
  if (!isSimpleLeaf(e)) return false;
  if (e.kind === 'num') { g.emit(`li ${reg}, ${Number(BigInt.asIntN(32, e.value))}`); return true; }
  if (e.kind === 'cast') return simpleInto(g, e.operand, reg);
  const v = (e.kind === 'addr' ? e.operand : e) as Extract<Expr, { kind: 'var' }>;
  const size = scalarSize(v.ty);
  if (e.kind === 'addr' || size === 0) { g.addrOf(v.obj, reg); return true; }
  const op = loadOp(size, isUnsigned(v.ty));
  if (v.obj.isLocal) { g.mem(op, reg, v.obj.offset, 's0'); return true; }
  g.emit(`lui ${reg}, %hi(${v.obj.label})`);
  g.emit(`${op} ${reg}, %lo(${v.obj.label})(${reg})`);
  return true;
}

type Binary = Extract<Expr, { kind: 'binary' }>;

/** A left-nested chain (a + b + ... + z) is generated in a loop: down its left side to the
 * innermost operand, then each operator on the way back up, so 10^5 terms need no
 * 10^5-deep recursion. The code is what one recursive call per operator would give. */
function genBinary(g: Gen, e: Binary): void {
  if (!evaluatesLeftFirst(e)) {
    operands32(g, e);
    op32(g, e.op, isUnsigned(e.lhs.ty));
    return;
  }
  const spine: Binary[] = [];
  let x: Expr = e;
  while (x.kind === 'binary' && evaluatesLeftFirst(x)) { spine.push(x); x = x.lhs; }
  genExpr(g, x);
  for (let i = spine.length - 1; i >= 0; i--) afterLeft(g, spine[i]);
}

/** Whether the code of `e` starts with that of its left operand. */
function evaluatesLeftFirst(e: Binary): boolean {
  if (is64(e.lhs.ty)) return true;
  if (e.rhs.kind === 'num' && immediatePlan(e, e.rhs.value) !== undefined) return true;
  return !(isSimpleLeaf(e.lhs) && !isSimpleLeaf(e.rhs));
}

/** The rest of a binary operation once its left operand is in a0 (a0:a1). */
function afterLeft(g: Gen, e: Binary): void {
  if (is64(e.lhs.ty)) {
    g.pushTemp64();
    genExpr(g, e.rhs);
    if (is64(e.rhs.ty)) { g.emit('mv a2, a0'); g.emit('mv a3, a1'); } else g.emit('mv a2, a0');
    g.popTemp64('a0', 'a1');
    if (e.op === '==' || e.op === '!=' || e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') {
      genCompare64(g, e.op, isUnsigned(e.lhs.ty));
    } else genBinary64(g, e.op, isUnsigned(e.lhs.ty));
    return;
  }
  const plan = e.rhs.kind === 'num' ? immediatePlan(e, e.rhs.value) : undefined;
  if (plan !== undefined) {
    if (plan.ins !== '') g.emit(`${plan.ins} a0, a0, ${plan.imm}`);
    return;
  }
  rightOperand(g, e);
  op32(g, e.op, isUnsigned(e.lhs.ty));
}

/** lhs → a0, rhs → a1 (32-bit operands). */
function operands32(g: Gen, e: Binary): void {
  if (isSimpleLeaf(e.lhs) && !isSimpleLeaf(e.rhs)) {
    // C leaves the order of operand evaluation unspecified: do the complex side first.
    genExpr(g, e.rhs);
    g.emit('mv a1, a0');
    simpleInto(g, e.lhs, 'a0');
    return;
  }
  genExpr(g, e.lhs);
  rightOperand(g, e);
}

/** rhs → a1, with the left operand kept in a0. */
function rightOperand(g: Gen, e: Binary): void {
  if (simpleInto(g, e.rhs, 'a1')) return;
  g.pushTemp();
  genExpr(g, e.rhs);
  g.emit('mv a1, a0');
  g.popTemp('a0');
}

const IMM_OPS: Partial<Record<string, string>> = { '+': 'addi', '&': 'andi', '|': 'ori', '^': 'xori', '<<': 'slli' };

/** x op constant with RV32I's immediate forms (addi, andi, slli, ...), as gcc emits them:
 * the instruction (empty for x + 0, x << 0: nothing to compute), or undefined when none fits. */
function immediatePlan(e: Binary, v: bigint): { ins: string; imm: number } | undefined {
  const n = Number(BigInt.asIntN(32, v));
  const u = isUnsigned(e.lhs.ty);
  let ins: string | undefined;
  let imm = n;
  if (e.op === '-' && n > -2048 && n <= 2048) { ins = 'addi'; imm = -n; }
  else if (e.op === '*' && n > 0 && (n & (n - 1)) === 0) { ins = 'slli'; imm = 31 - Math.clz32(n); }
  else if (e.op === '>>' ) ins = u ? 'srli' : 'srai';
  else if (e.op === '<' && n >= -2048 && n <= 2047) ins = u ? 'sltiu' : 'slti';
  else ins = IMM_OPS[e.op];
  if (!ins) return undefined;
  if (imm === 0 && (ins === 'addi' || ins === 'ori' || ins === 'xori' || ins === 'slli' || ins === 'srli' || ins === 'srai')) return { ins: '', imm };
  if (e.op === '<<' || e.op === '>>') imm = n & 31;
  else if (imm < -2048 || imm > 2047) return undefined;
  return { ins, imm };
}

const BRANCHES: Record<string, [string, string, boolean]> = {
  // op → [branch when true, branch when false, swap operands]
  '==': ['beq', 'bne', false], '!=': ['bne', 'beq', false], '<': ['blt', 'bge', false], '>=': ['bge', 'blt', false],
  '>': ['blt', 'bge', true], '<=': ['bge', 'blt', true],
};

/** Branches to `label` when a 32-bit comparison's truth equals `when`, without materializing 0/1. */
function branchOnCompare(g: Gen, e: Expr, label: string, when: boolean): boolean {
  if (e.kind !== 'binary' || is64(e.lhs.ty) || !(e.op in BRANCHES)) return false;
  const [onTrue, onFalse, swap] = BRANCHES[e.op];
  const br = when ? onTrue : onFalse;
  const u = isUnsigned(e.lhs.ty) && (br === 'bge' || br === 'blt');
  operands32(g, e);
  const [x, y] = swap ? ['a1', 'a0'] : ['a0', 'a1'];
  g.emit(`${br}${u ? 'u' : ''} ${x}, ${y}, ${label}`);
  return true;
}

/** Jumps to `label` when the truth of `e` equals `when`; && || ! become control flow. */
export function genBranch(g: Gen, e: Expr, label: string, when: boolean): void {
  if (e.kind === 'not') return genBranch(g, e.operand, label, !when);
  const c = hasSideEffects(e) ? undefined : constCondition(e);
  if (c !== undefined) { if (c === when) g.emit(`j ${label}`); return; }
  if (e.kind === 'logand' || e.kind === 'logor') {
    const direct = (e.kind === 'logand') !== when; // && jumping on false, || jumping on true
    if (direct) {
      genBranch(g, e.lhs, label, when);
      genBranch(g, e.rhs, label, when);
      return;
    }
    const skip = g.newLabel();
    genBranch(g, e.lhs, skip, !when);
    genBranch(g, e.rhs, label, when);
    g.label(skip);
    return;
  }
  if (branchOnCompare(g, e, label, when)) return;
  genExpr(g, e);
  if (is64(e.ty)) g.emit('or a0, a0, a1');
  g.emit(`${when ? 'bnez' : 'beqz'} a0, ${label}`);
}

function op32(g: Gen, op: string, u: boolean): void {
  switch (op) {
    case '+': g.emit('add a0, a0, a1'); return;
    case '-': g.emit('sub a0, a0, a1'); return;
    case '*': g.emit('mul a0, a0, a1'); return;
    case '/': g.emit(`${u ? 'divu' : 'div'} a0, a0, a1`); return;
    case '%': g.emit(`${u ? 'remu' : 'rem'} a0, a0, a1`); return;
    case '&': g.emit('and a0, a0, a1'); return;
    case '|': g.emit('or a0, a0, a1'); return;
    case '^': g.emit('xor a0, a0, a1'); return;
    case '<<': g.emit('sll a0, a0, a1'); return;
    case '>>': g.emit(`${u ? 'srl' : 'sra'} a0, a0, a1`); return;
    case '==': g.emit('xor a0, a0, a1'); g.emit('seqz a0, a0'); return;
    case '!=': g.emit('xor a0, a0, a1'); g.emit('snez a0, a0'); return;
    case '<': g.emit(`${u ? 'sltu' : 'slt'} a0, a0, a1`); return;
    case '>': g.emit(`${u ? 'sltu' : 'slt'} a0, a1, a0`); return;
    case '<=': g.emit(`${u ? 'sltu' : 'slt'} a0, a1, a0`); g.emit('xori a0, a0, 1'); return;
    case '>=': g.emit(`${u ? 'sltu' : 'slt'} a0, a0, a1`); g.emit('xori a0, a0, 1'); return;
  }
}
