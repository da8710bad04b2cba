// C11 generic selection (6.5.1.1): `_Generic(x, type: e, ..., default: e)` picks the
// association whose type is the type of x after lvalue conversion; the kernel's READ_ONCE,
// __unqual_scalar_typeof and atomic helpers are built on it. Types must match exactly
// (int and long, char and unsigned char, const char * and char * all differ), as in gcc.

import type { Token } from '../preprocess/token.ts';
import type { Expr } from './ast.ts';
import { Parser } from './parse-state.ts';
import { assignExpr } from './parse-expr.ts';
import { typeNameRule } from './parse-decl.ts';
import { rvalueType } from './expr-build.ts';
import { typeName, unqual, sameType, type Type } from './types.ts';

export function genericSelection(p: Parser, t: Token): Expr {
  p.next();
  p.expect('(', 'after _Generic');
  p.unevaluated++;
  let ctrl: Expr;
  try { ctrl = assignExpr(p); } finally { p.unevaluated--; }
  const cty = unqual(rvalueType(ctrl.ty));
  let chosen: Expr | undefined, fallback: Expr | undefined;
  const seen: { ty: Type; at: Token }[] = [];
  while (p.consume(',')) {
    const at = p.tok;
    const ty = p.consume('default') ? undefined : typeNameRule(p);
    p.expect(':', 'after the type of a _Generic association');
    const e = assignExpr(p);
    if (ty === undefined) { fallback = e; continue; }
    const dup = seen.find((s) => exactType(s.ty, ty));
    if (dup) p.report(at.loc, at.length, `_Generic lists the type '${typeName(ty)}' twice`, [p.note(dup.at.loc, dup.at.length, 'first listed here')]);
    seen.push({ ty, at });
    if (!chosen && exactType(cty, ty)) chosen = e;
  }
  const close = p.expect(')', 'to close _Generic');
  const picked = chosen ?? fallback;
  if (!picked) {
    return p.errorAt(t.loc, close.loc.offset + close.length - t.loc.offset,
      `_Generic has no association for the type '${typeName(cty)}' and no 'default:'`);
  }
  return picked;
}

/** Compatible types in the sense _Generic uses: same type, same qualifiers below the top level. */
export function exactType(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'int': return b.kind === 'int' && a.name === b.name;
    case 'ptr': return b.kind === 'ptr' && sameQuals(a.base, b.base) && exactType(a.base, b.base);
    case 'array': return b.kind === 'array' && exactType(a.base, b.base) && (a.len < 0 || b.len < 0 || a.len === b.len);
    default: return sameType(a, b);
  }
}

function sameQuals(a: Type, b: Type): boolean {
  return !!a.isConst === !!b.isConst && !!a.isVolatile === !!b.isVolatile;
}
