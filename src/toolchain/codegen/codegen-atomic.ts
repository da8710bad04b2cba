// __sync_/__atomic_ builtins on RV32A, mapped as riscv gcc 12 does: word read-modify-writes are
// AMOs ("fence iorw,ow" before release orders, ".aq" for acquire ones), compare-and-swap, nand and
// 1-/2-byte operations are lr.w/sc.w loops on the aligned word with a mask (gcc calls libatomic there).

import type { AtomicOp, Expr } from '../parse/ast.ts';
import type { Gen } from './codegen-state.ts';
import { loadOp, storeOp } from './codegen-state.ts';
import { genExpr } from './codegen-expr.ts';
import { isUnsigned, sizeOf, type Type } from '../parse/types.ts';

type AtomicExpr = Extract<Expr, { kind: 'atomic' }>;

const RELEASES = new Set([3, 4, 5]);
const ACQUIRES = new Set([1, 2, 4, 5]);
const AMO: Partial<Record<AtomicOp, string>> = { '+': 'amoadd.w', '-': 'amoadd.w', '&': 'amoand.w', '|': 'amoor.w', '^': 'amoxor.w', xchg: 'amoswap.w' };

export function genAtomic(g: Gen, e: AtomicExpr): void {
  if (e.op === 'fence') {
    if (e.order !== 0) g.emit('fence iorw, iorw');
    return;
  }
  evalArgs(g, e.args);
  const ty = e.args[0].ty.kind === 'ptr' ? e.args[0].ty.base : e.ty;
  const size = sizeOf(ty);
  switch (e.op) {
    case 'load': return genLoad(g, e.order, ty);
    case 'store': case 'release': return genStore(g, e, size);
    case 'cmpxchg':
      g.emit('mv a2, a4'); // where the old value goes on failure
      g.emit(`${loadOp(size, true)} a4, 0(a2)`);
      break;
  }
  const amo = AMO[e.op];
  if (size === 4 && amo) return genAmo(g, e, amo);
  genLrScLoop(g, e, size);
  finishLoop(g, e, ty, size);
}

/** The pointer into a5, the second argument into a4, the third into a3. */
function evalArgs(g: Gen, args: Expr[]): void {
  const regs = ['a5', 'a4', 'a3'];
  args.forEach((a, i) => {
    genExpr(g, a);
    if (i < args.length - 1) g.pushTemp();
  });
  for (let i = args.length - 1; i >= 0; i--) {
    if (i === args.length - 1) g.emit(`mv ${regs[i]}, a0`);
    else g.popTemp(regs[i]);
  }
}

function genLoad(g: Gen, order: number, ty: Type): void {
  if (order === 5) g.emit('fence iorw, iorw');
  g.emit(`${loadOp(sizeOf(ty), isUnsigned(ty) || ty.kind !== 'int')} a0, 0(a5)`);
  if (ACQUIRES.has(order)) g.emit('fence iorw, iorw');
}

function genStore(g: Gen, e: AtomicExpr, size: number): void {
  const value = e.op === 'release' ? 'zero' : 'a4';
  if (RELEASES.has(e.order)) g.emit('fence iorw, ow');
  if (size === 4) {
    g.emit(`amoswap.w${e.order === 5 ? '.aq' : ''} zero, ${value}, 0(a5)`);
    return;
  }
  g.emit(`${storeOp(size)} ${value}, 0(a5)`);
  if (e.order === 5) g.emit('fence iorw, iorw');
}

function genAmo(g: Gen, e: AtomicExpr, amo: string): void {
  if (e.op === '-') g.emit('neg a4, a4');
  if (RELEASES.has(e.order)) g.emit('fence iorw, ow');
  g.emit(`${amo}${ACQUIRES.has(e.order) ? '.aq' : ''} a0, a4, 0(a5)`);
  if (!e.returnsNew) return;
  const op = e.op === '-' ? '+' : e.op;
  g.emit(`${OP_INSN[op]} a0, a0, a4`);
}

const OP_INSN: Record<string, string> = { '+': 'add', '-': 'sub', '&': 'and', '|': 'or', '^': 'xor' };

/** t3 = bit shift of the field in its aligned word, t4 = the field's mask there, a5 = the word's
 * address; a4 and a3 shifted into place. Then: t1 = old field, t2 = new field. */
function genLrScLoop(g: Gen, e: AtomicExpr, size: number): void {
  if (size === 4) {
    g.emit('li t3, 0');
    g.emit('li t4, -1');
  } else {
    g.emit('andi t3, a5, 3');
    g.emit('slli t3, t3, 3');
    g.emit('andi a5, a5, -4');
    g.emit(`li t4, ${size === 1 ? 0xff : 0xffff}`);
    g.emit('sll t4, t4, t3');
    for (const r of ['a4', 'a3']) {
      g.emit(`sll ${r}, ${r}, t3`);
      g.emit(`and ${r}, ${r}, t4`);
    }
  }
  const loop = g.newLabel(), done = g.newLabel();
  const sfx = ACQUIRES.has(e.order) ? '.aq' : '';
  if (RELEASES.has(e.order)) g.emit('fence iorw, ow');
  g.label(loop);
  g.emit(`lr.w${sfx} t0, 0(a5)`);
  g.emit('and t1, t0, t4');
  newField(g, e, done);
  g.emit('not t5, t4');
  g.emit('and t5, t0, t5');
  g.emit('or t5, t5, t2');
  g.emit(`sc.w${sfx} t6, t5, 0(a5)`);
  g.emit(`bnez t6, ${loop}`);
  g.label(done);
}

function newField(g: Gen, e: AtomicExpr, done: string): void {
  switch (e.op) {
    case 'xchg': g.emit('mv t2, a4'); return;
    case 'cas': case 'casbool': case 'cmpxchg':
      g.emit(`bne t1, a4, ${done}`);
      g.emit('mv t2, a3');
      return;
    case 'nand':
      g.emit('and t2, t1, a4');
      g.emit('not t2, t2');
      break;
    default: g.emit(`${OP_INSN[e.op]} t2, t1, a4`);
  }
  g.emit('and t2, t2, t4');
}

/** The builtin's value from the loop's registers, in the pointee's type. */
function finishLoop(g: Gen, e: AtomicExpr, ty: Type, size: number): void {
  if (e.op === 'casbool' || e.op === 'cmpxchg') {
    g.emit('xor a0, t1, a4');
    g.emit('seqz a0, a0');
    if (e.op === 'cmpxchg') {
      const ok = g.newLabel();
      g.emit(`bnez a0, ${ok}`);
      g.emit('srl t1, t1, t3');
      g.emit(`${storeOp(size)} t1, 0(a2)`);
      g.label(ok);
    }
    return;
  }
  g.emit(`srl a0, ${e.returnsNew ? 't2' : 't1'}, t3`);
  if (size < 4) {
    const bits = 32 - size * 8;
    g.emit(`slli a0, a0, ${bits}`);
    g.emit(`${ty.kind === 'int' && !ty.unsigned ? 'srai' : 'srli'} a0, a0, ${bits}`);
  }
}
