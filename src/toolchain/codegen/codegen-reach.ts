// Which static inline functions to emit: those reachable from code or data that is
// always emitted, as gcc drops unused inlines of headers (and whatever only they call).

import type { Expr, Obj, Stmt } from '../parse/ast.ts';
import { liveBranch, constCondition, liveStatements } from '../parse/fold-branch.ts';

function isDroppable(o: Obj): boolean {
  return o.isFunction && o.isStatic && !!o.isInline;
}

/** The set of functions (with bodies) and data objects the output needs. */
export function reachableInlines(globals: Obj[]): Set<Obj> {
  const byLabel = new Map(globals.map((g) => [g.label, g]));
  const seen = new Set<Obj>();
  const work: Obj[] = [];
  const visit = (o: Obj | undefined): void => {
    if (!o || seen.has(o)) return;
    seen.add(o);
    work.push(o);
  };
  // A string literal is reached from the code or data that uses it: one only in sizeof is not emitted.
  for (const g of globals) if (!isDroppable(g) && g.name !== '.str' && (g.body || !g.isFunction)) visit(g);
  while (work.length) {
    const o = work.pop() as Obj;
    for (const r of o.relocs ?? []) visit(byLabel.get(r.label));
    if (o.body) walkStmt(o.body, visit);
  }
  return seen;
}

function walkStmt(s: Stmt, visit: (o: Obj) => void): void {
  const e = (x: Expr | undefined): void => { if (x) walkExpr(x, visit); };
  const st = (x: Stmt | undefined): void => { if (x) walkStmt(x, visit); };
  switch (s.kind) {
    case 'expr': e(s.expr); return;
    case 'return': e(s.expr); return;
    case 'if': {
      e(s.cond);
      const fold = liveBranch(s.cond, s.then, s.els); // code gen leaves the other branch out
      if (fold) st(fold.live); else { st(s.then); st(s.els); }
      return;
    }
    case 'for': st(s.init); e(s.cond); e(s.inc); st(s.body); return;
    case 'do': st(s.body); e(s.cond); return;
    case 'switch': e(s.cond); st(s.body); return;
    case 'case': case 'label': st(s.body); return;
    case 'block': liveStatements(s.stmts).forEach(st); return;
    case 'asm': [...s.outputs, ...s.inputs].forEach((op) => e(op.expr)); return;
    case 'igoto': e(s.target); return;
    case 'goto': case 'null': return;
  }
}

function walkExpr(x: Expr, visit: (o: Obj) => void): void {
  const e = (y: Expr): void => walkExpr(y, visit);
  switch (x.kind) {
    case 'var': if (!x.obj.isLocal) visit(x.obj); return;
    case 'num': case 'nop': case 'memzero': case 'labeladdr': return;
    case 'binary': case 'assign': case 'comma': e(x.lhs); e(x.rhs); return;
    case 'logand': case 'logor': {
      e(x.lhs);
      const c = constCondition(x.lhs);
      if (c === undefined || c === (x.kind === 'logand')) e(x.rhs);
      return;
    }
    case 'cond': {
      e(x.cond);
      const c = constCondition(x.cond);
      if (c !== false) e(x.then);
      if (c !== true) e(x.els);
      return;
    }
    case 'neg': case 'not': case 'bitnot': case 'deref': case 'addr': case 'cast': e(x.operand); return;
    case 'member': e(x.base); return;
    case 'call': e(x.callee); x.args.forEach(e); return;
    case 'stmtexpr': x.body.forEach((s) => walkStmt(s, visit)); return;
    case 'vastart': e(x.ap); return;
    case 'atomic': x.args.forEach(e); return;
  }
}
