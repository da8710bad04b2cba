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
  switch (s.kind) {
    case 'expr': case 'return': walkOptional(s.expr, visit); return;
    case 'if': {
      walkExpr(s.cond, visit);
      const fold = liveBranch(s.cond, s.then, s.els); // code gen leaves the other branch out
      if (fold) { if (fold.live) walkStmt(fold.live, visit); } else { walkStmt(s.then, visit); if (s.els) walkStmt(s.els, visit); }
      return;
    }
    case 'for': if (s.init) walkStmt(s.init, visit); walkOptional(s.cond, visit); walkOptional(s.inc, visit); walkStmt(s.body, visit); return;
    case 'do': walkStmt(s.body, visit); walkExpr(s.cond, visit); return;
    case 'switch': walkExpr(s.cond, visit); walkStmt(s.body, visit); return;
    case 'case': case 'label': if (s.body) walkStmt(s.body, visit); return;
    case 'block': for (const x of liveStatements(s.stmts)) walkStmt(x, visit); return;
    case 'asm': for (const op of s.outputs) walkExpr(op.expr, visit); for (const op of s.inputs) walkExpr(op.expr, visit); return;
    case 'igoto': walkExpr(s.target, visit); return;
    case 'goto': case 'null': return;
  }
}

function walkOptional(x: Expr | undefined, visit: (o: Obj) => void): void {
  if (x) walkExpr(x, visit);
}

/** Walks an expression; the left operand of a binary-operator chain (a+a+...+a) is
 * followed in a loop, so a 10^5-term chain does not nest 10^5 calls deep. */
function walkExpr(x: Expr, visit: (o: Obj) => void): void {
  for (;;) {
    switch (x.kind) {
      case 'var': if (!x.obj.isLocal) visit(x.obj); return;
      case 'num': case 'nop': case 'memzero': case 'labeladdr': return;
      case 'binary': case 'assign': case 'comma': walkExpr(x.rhs, visit); x = x.lhs; continue;
      case 'logand': case 'logor': {
        const c = constCondition(x.lhs);
        if (c === undefined || c === (x.kind === 'logand')) walkExpr(x.rhs, visit);
        x = x.lhs;
        continue;
      }
      case 'cond': {
        const c = constCondition(x.cond);
        if (c !== false) walkExpr(x.then, visit);
        if (c !== true) walkExpr(x.els, visit);
        x = x.cond;
        continue;
      }
      case 'neg': case 'not': case 'bitnot': case 'deref': case 'addr': case 'cast': x = x.operand; continue;
      case 'member': x = x.base; continue;
      case 'call': for (const a of x.args) walkExpr(a, visit); x = x.callee; continue;
      case 'stmtexpr': for (const s of x.body) walkStmt(s, visit); return;
      case 'vastart': x = x.ap; continue;
      case 'atomic': for (const a of x.args) walkExpr(a, visit); return;
    }
  }
}
