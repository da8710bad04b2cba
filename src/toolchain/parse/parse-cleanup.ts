// __attribute__((cleanup(fn))) on block-scope variables (the kernel's guard(), scoped_guard(),
// __free()): fn(&var) runs when the variable leaves scope, innermost first, whether the block
// ends, or `return`, `break` or `continue` leave it. The calls are added to the statement list
// while parsing, so code generation sees ordinary calls.

import type { Token } from '../preprocess/token.ts';
import type { Expr, Obj, Stmt } from './ast.ts';
import type { Parser } from './parse-state.ts';
import { varRef } from './expr-build.ts';
import { pointerTo, type FuncType } from './types.ts';

interface Cleanup { obj: Obj; fn: Obj; at: Token }

/** One frame per open scope of the function: the variables with a cleanup, in order. */
const frames = new WeakMap<Parser, Cleanup[][]>();
/** For each break/continue label: how many frames were open outside the loop or switch. */
const jumpDepth = new WeakMap<Parser, Map<string, number>>();

function stack(p: Parser): Cleanup[][] {
  let s = frames.get(p);
  if (!s) { s = []; frames.set(p, s); }
  return s;
}

export function openCleanupScope(p: Parser): void { stack(p).push([]); }

/** Closes a scope: the calls its variables need when control falls off its end. */
export function closeCleanupScope(p: Parser): Stmt[] {
  const frame = stack(p).pop() ?? [];
  return frame.slice().reverse().map(callOf);
}

export function addCleanup(p: Parser, obj: Obj, fn: Obj, at: Token): void {
  const s = stack(p);
  if (s.length === 0) return;
  const ft = fn.ty as FuncType;
  if (ft.kind !== 'func' || ft.params.length !== 1) p.error(at, `the cleanup function '${fn.name}' must take one parameter, a pointer to '${obj.name}'`);
  s[s.length - 1].push({ obj, fn, at });
}

/** Remembers how deep the scopes are where a loop or switch starts (its break/continue label). */
export function markJumpTarget(p: Parser, label: string): void {
  let m = jumpDepth.get(p);
  if (!m) { m = new Map(); jumpDepth.set(p, m); }
  m.set(label, stack(p).length);
}

/** The calls to run before jumping to `label` (break/continue), or before a return (all). */
export function cleanupsBefore(p: Parser, label: string | undefined): Stmt[] {
  const s = stack(p);
  const depth = label === undefined ? 0 : jumpDepth.get(p)?.get(label) ?? s.length;
  const out: Stmt[] = [];
  for (let i = s.length - 1; i >= depth; i--) out.push(...s[i].slice().reverse().map(callOf));
  return out;
}

export function resetCleanups(p: Parser): void { frames.delete(p); jumpDepth.delete(p); }

function callOf(c: Cleanup): Stmt {
  const ft = c.fn.ty as FuncType;
  const addr: Expr = { kind: 'addr', operand: varRef(c.obj, c.at), ty: pointerTo(c.obj.ty), loc: c.at.loc, length: c.at.length };
  const arg: Expr = ft.params[0] ? { kind: 'cast', operand: addr, ty: ft.params[0].ty, loc: c.at.loc, length: c.at.length } : addr;
  const call: Expr = { kind: 'call', callee: varRef(c.fn, c.at), args: [arg], ty: ft.ret, loc: c.at.loc, length: c.at.length };
  return { kind: 'expr', expr: call, loc: c.at.loc };
}
