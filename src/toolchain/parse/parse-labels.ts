// GNU C labels beyond goto: `__label__ name;` (a label local to the block, so a macro with a
// label can be used twice in one function), `&&label` (the label's address, a void *) and
// `goto *expr` (a computed goto), as gcc documents them under "Labels as Values".

import type { Token } from '../preprocess/token.ts';
import type { Expr, Stmt } from './ast.ts';
import type { Parser } from './parse-state.ts';
import { pointerTo, tyVoid } from './types.ts';
import { expr } from './parse-expr.ts';
import { span } from './expr-build.ts';

type LabelEntry = NonNullable<Parser['fn']>['labels'] extends Map<string, infer V> ? V : never;

/** Per open block: the labels it declared with __label__ and what each name meant outside. */
const scopes = new WeakMap<Parser, { name: string; outer: LabelEntry | undefined }[][]>();

function stack(p: Parser): { name: string; outer: LabelEntry | undefined }[][] {
  let s = scopes.get(p);
  if (!s) { s = []; scopes.set(p, s); }
  return s;
}

export function openLabelScope(p: Parser): void { stack(p).push([]); }

/** Leaves a block: its local labels must be defined, and the outer names come back. */
export function closeLabelScope(p: Parser): void {
  const frame = stack(p).pop() ?? [];
  const labels = p.fn?.labels;
  if (!labels) return;
  for (const { name, outer } of frame.reverse()) {
    const l = labels.get(name);
    if (l && !l.defined) p.report(l.tok.loc, l.tok.length, `label '${name}' used but not defined`);
    if (outer) labels.set(name, outer); else labels.delete(name);
  }
}

/** `__label__ a, b;` */
export function localLabelDecl(p: Parser): void {
  p.next();
  const frame = stack(p)[stack(p).length - 1];
  const labels = p.fn?.labels;
  for (;;) {
    const name = p.ident('a label name');
    if (labels && frame) {
      frame.push({ name: name.text, outer: labels.get(name.text) });
      labels.set(name.text, { label: p.uniqueLabel(`lbl_${name.text}`), defined: false, tok: name });
    }
    if (!p.consume(',')) break;
  }
  p.expect(';', "after '__label__'");
}

/** `&&label`: its address, for a computed goto. */
export function labelAddress(p: Parser, amp: Token, label: (name: Token) => string): Expr {
  const name = p.ident('a label name after \'&&\'');
  const l = label(name);
  return { kind: 'labeladdr', label: l, ty: pointerTo(tyVoid), ...span(amp, name) };
}

/** `goto *expr;` (the '*' is at the cursor). */
export function computedGoto(p: Parser, t: Token): Stmt {
  p.next();
  const target = expr(p);
  if (target.ty.kind !== 'ptr') p.exprError(target, "'goto *' needs a pointer, the address of a label taken with '&&'");
  p.expect(';', "after 'goto *expression'");
  return { kind: 'igoto', target, loc: t.loc };
}
