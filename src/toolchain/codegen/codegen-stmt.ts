// Statement code, each preceded by `.loc` so the assembler's line table maps C
// lines to instructions; a switch dispatches through jump tables and a compare tree
// (codegen-switch.ts), a 64-bit one through a compare chain.

import type { Stmt, SwitchCase } from '../parse/ast.ts';
import type { Gen } from './codegen-state.ts';
import { genExpr, genBranch, genBranchIfZero, genDiscard } from './codegen-expr.ts';
import { genAsm } from './codegen-asm.ts';
import { liveBranch, constCondition, hasLabel, hasSideEffects, liveStatements } from '../parse/fold-branch.ts';
import { returnsInMemory } from './codegen-call.ts';
import { alignFor } from './codegen-state.ts';
import { is64, isUnsigned, sizeOf, type FuncType } from '../parse/types.ts';
import { genSwitchDispatch } from './codegen-switch.ts';

export function genStmt(g: Gen, s: Stmt): void {
  if (s.kind !== 'block' && s.kind !== 'null' && s.kind !== 'label' && s.kind !== 'case') g.loc(s.loc);
  switch (s.kind) {
    case 'expr': genDiscard(g, s.expr); return;
    case 'null': return;
    case 'block': {
      // A block with locals of its own: labels around its code give the debug info its range.
      if (s.scope) { s.scope.start = g.newLabel(); g.label(s.scope.start); }
      for (const x of liveStatements(s.stmts)) genStmt(g, x);
      if (s.scope) { s.scope.end = g.newLabel(); g.label(s.scope.end); }
      return;
    }
    case 'return': return genReturn(g, s);
    case 'if': {
      const fold = liveBranch(s.cond, s.then, s.els);
      if (fold) {
        if (hasSideEffects(s.cond)) genDiscard(g, s.cond);
        if (fold.live) genStmt(g, fold.live);
        return;
      }
      const els = g.newLabel(), done = g.newLabel();
      genBranchIfZero(g, s.cond, els);
      genStmt(g, s.then);
      if (s.els) g.emit(`j ${done}`);
      g.label(els);
      if (s.els) { genStmt(g, s.els); g.label(done); }
      return;
    }
    case 'for': {
      const top = g.newLabel();
      if (s.init) genStmt(g, s.init);
      if (s.cond && !hasLabel(s.body) && constCondition(s.cond) === false) { // while (0)
        if (hasSideEffects(s.cond)) genDiscard(g, s.cond);
        g.label(s.brk);
        return;
      }
      g.label(top);
      if (s.cond) { g.loc(s.loc); genBranchIfZero(g, s.cond, s.brk); }
      genStmt(g, s.body);
      g.label(s.cont);
      if (s.inc) { g.loc(s.loc); genDiscard(g, s.inc); }
      g.emit(`j ${top}`);
      g.label(s.brk);
      return;
    }
    case 'do': {
      const top = g.newLabel();
      g.label(top);
      genStmt(g, s.body);
      g.label(s.cont);
      g.loc(s.cond.loc.file === s.loc.file ? s.cond.loc : s.loc); // a macro's do-while: the use site
      genBranch(g, s.cond, top, true);
      g.label(s.brk);
      return;
    }
    case 'switch': return genSwitch(g, s);
    case 'case': g.label(s.label); genStmt(g, s.body); return;
    case 'goto': g.emit(`j ${s.label}`); return;
    case 'igoto': genExpr(g, s.target); g.emit('jr a0'); return;
    case 'label': g.label(s.label); genStmt(g, s.body); return;
    case 'asm': genAsm(g, s); return;
  }
}

function genReturn(g: Gen, s: Extract<Stmt, { kind: 'return' }>): void {
  const e = s.expr;
  if (e) {
    genExpr(g, e);
    const ret = (g.fn?.ty as FuncType).ret;
    if (ret.kind === 'struct') {
      const size = sizeOf(ret);
      if (returnsInMemory(ret)) {
        g.mem('lw', 't5', g.retPtrOffset, 's0');
        g.copyBytes('t5', 'a0', size, alignFor(ret));
        g.emit('mv a0, t5');
      } else {
        g.emit('mv t1, a0');
        loadSmallStruct(g, size, alignFor(ret));
      }
    }
  }
  g.emit(`j ${g.returnLabel}`);
}

function loadSmallStruct(g: Gen, size: number, align: number): void {
  for (let off = 0; off < size; off += 4) {
    const reg = off === 0 ? 'a0' : 'a1';
    const left = Math.min(4, size - off);
    if (left === 4 && align >= 4) { g.emit(`lw ${reg}, ${off}(t1)`); continue; }
    g.emit(`lbu ${reg}, ${off}(t1)`);
    for (let b = 1; b < left; b++) {
      g.emit(`lbu t2, ${off + b}(t1)`);
      g.emit(`slli t2, t2, ${8 * b}`);
      g.emit(`or ${reg}, ${reg}, t2`);
    }
  }
}

function genSwitch(g: Gen, s: Extract<Stmt, { kind: 'switch' }>): void {
  genExpr(g, s.cond);
  const otherwise = s.defaultLabel ?? s.brk;
  if (is64(s.cond.ty)) switch64(g, s.cases, otherwise);
  else genSwitchDispatch(g, s.cases, isUnsigned(s.cond.ty), otherwise);
  genStmt(g, s.body);
  g.label(s.brk);
}

/** A 64-bit switch (rare): a compare chain on both halves. */
function switch64(g: Gen, cases: readonly SwitchCase[], otherwise: string): void {
  for (const c of cases) {
    const skip = g.newLabel();
    if (c.lo !== c.hi) { rangeCase64(g, c.lo, c.hi, c.label); continue; }
    const v = BigInt.asUintN(64, c.lo);
    g.emit(`li t0, ${Number(BigInt.asIntN(32, v))}`);
    g.emit(`li t1, ${Number(BigInt.asIntN(32, v >> 32n))}`);
    g.emit(`bne a0, t0, ${skip}`);
    g.emit(`beq a1, t1, ${c.label}`);
    g.label(skip);
  }
  g.emit(`j ${otherwise}`);
}

function rangeCase64(g: Gen, lo: bigint, hi: bigint, label: string): void {
  // Rare (case ranges on 64-bit values): compare through the low words only when both bounds share a high word.
  const loU = BigInt.asUintN(64, lo), hiU = BigInt.asUintN(64, hi);
  const skip = g.newLabel();
  g.emit(`li t1, ${Number(BigInt.asIntN(32, loU >> 32n))}`);
  g.emit(`bne a1, t1, ${skip}`);
  g.emit(`li t0, ${Number(BigInt.asIntN(32, loU))}`);
  g.emit('sub t1, a0, t0');
  g.emit(`li t2, ${Number(BigInt.asIntN(32, hiU - loU))}`);
  g.emit(`bgeu t2, t1, ${label}`);
  g.label(skip);
}
