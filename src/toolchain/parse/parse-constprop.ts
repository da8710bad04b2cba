// Constant-argument clones of static inline functions, as gcc -O2 gets by inlining
// (and names '.constprop.N' when it clones instead): a helper that tests
// __builtin_constant_p(param) — Linux's msecs_to_jiffies, usecs_to_jiffies — is parsed
// again for a call with a constant argument, the parameter bound to that value, so its
// __builtin_constant_p folds to 1 and the branch for variable arguments (a call into the
// kernel) is left out, leaving the same undefined symbols as gcc's build.

import type { Expr, Obj } from './ast.ts';
import type { Token } from '../preprocess/token.ts';
import type { Parser } from './parse-state.ts';
import { compoundStmtBody } from './parse-stmt.ts';
import { evalInt } from './const-eval.ts';
import { alignOf, isInteger, isUnsigned, sizeOf, type FuncType, type Type } from './types.ts';

interface ConstpropInfo {
  /** Token index of the body's '{'. */
  open: number;
  paramToks: (Token | undefined)[];
  /** Parameters the body asks __builtin_constant_p about. */
  probed: Set<number>;
  clones: Map<string, Obj>;
  busy: boolean;
}

const infos = new WeakMap<Obj, ConstpropInfo>();
/** Clone → the function it copies, whose name __func__ gives, as in gcc's inlined copies. */
const originals = new WeakMap<Obj, Obj>();

/** The name a function has in the source (a clone answers with its original's). */
export function sourceNameOf(fn: Obj): string {
  return originals.get(fn)?.name ?? fn.name;
}

/** After a static inline definition whose body spans toks[open, end): remember it if it probes a parameter. */
export function noteInlineBody(p: Parser, fn: Obj, open: number, end: number, paramToks: (Token | undefined)[]): void {
  if (!fn.isStatic || !fn.isInline) return;
  const names = (fn.ty as FuncType).params.map((q) => q.name);
  const probed = new Set<number>();
  for (let i = open; i < end; i++) {
    const t = p.toks[i];
    // A static local would be shared by gcc's inlined copies but not by clones: leave such bodies alone.
    if (t.text === 'static' && t.kind === 'keyword') return;
    if (t.text !== '__builtin_constant_p' || p.toks[i + 1]?.text !== '(' || p.toks[i + 3]?.text !== ')') continue;
    const k = names.indexOf(p.toks[i + 2].text);
    if (k >= 0 && isInteger((fn.ty as FuncType).params[k].ty)) probed.add(k);
  }
  if (probed.size) infos.set(fn, { open, paramToks, probed, clones: new Map(), busy: false });
}

/** The clone of `fn` for these (converted) arguments, or undefined when no probed argument is constant. */
export function constpropCallee(p: Parser, fn: Obj, args: Expr[]): Obj | undefined {
  const info = infos.get(fn);
  if (!info || info.busy || p.unevaluated > 0) return undefined;
  const params = (fn.ty as FuncType).params;
  const values = params.map((q, i) => {
    const v = info.probed.has(i) && args[i] ? evalInt(args[i]) : undefined;
    return v === undefined ? undefined : fitTo(v, q.ty);
  });
  if (values.every((v) => v === undefined)) return undefined;
  const key = values.map((v) => (v === undefined ? '' : String(v))).join(',');
  const known = info.clones.get(key);
  if (known) return known;
  const clone = parseClone(p, fn, info, values, `${fn.name}.constprop.${info.clones.size}`);
  if (clone) info.clones.set(key, clone);
  return clone;
}

function fitTo(v: bigint, ty: Type): bigint {
  if (ty.kind === 'bool') return v !== 0n ? 1n : 0n;
  const bits = 8 * sizeOf(ty);
  return isUnsigned(ty) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

/** Parses fn's body again at file scope with the constant parameters bound to their values. Its
 * diagnostics repeat the original's and are dropped; if it fails, the call keeps the original. */
function parseClone(p: Parser, fn: Obj, info: ConstpropInfo, values: (bigint | undefined)[], name: string): Obj | undefined {
  const saved = { pos: p.pos, fn: p.fn, diags: p.diags.length, errors: p.errorCount, staticInit: p.inStaticInit };
  const clone: Obj = { ...fn, name, label: name, body: undefined, locals: undefined, params: undefined, isUsed: false };
  originals.set(clone, fn);
  info.busy = true;
  try {
    p.atFileScopeOnly(() => {
      p.fn = { obj: clone, locals: [], labels: new Map(), brk: undefined, cont: undefined, sw: undefined };
      p.inStaticInit = false;
      p.enterScope();
      clone.params = (fn.ty as FuncType).params.map((q, i) => {
        const loc = info.paramToks[i]?.loc ?? fn.loc;
        const po: Obj = { name: q.name ?? '', label: '', ty: q.ty, loc, isLocal: true, isStatic: false, isDefinition: true, isFunction: false, offset: 0, align: alignOf(q.ty), isParam: true };
        const v = values[i];
        if (v !== undefined) p.declare(q.name!, { kind: 'enum', value: v, ty: q.ty });
        else if (q.name) p.declare(q.name, { kind: 'var', obj: po });
        return po;
      });
      p.pos = info.open + 1;
      const stmts = compoundStmtBody(p);
      clone.body = { kind: 'block', stmts, loc: p.toks[info.open].loc };
      clone.locals = p.fn.locals;
      p.leaveScope();
    });
    if (p.errorCount > saved.errors) return undefined;
    p.globals.push(clone);
    return clone;
  } catch {
    return undefined;
  } finally {
    info.busy = false;
    p.pos = saved.pos;
    p.fn = saved.fn;
    p.inStaticInit = saved.staticInit;
    p.diags.length = saved.diags;
    p.errorCount = saved.errors;
  }
}
