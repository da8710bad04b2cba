// Macro definitions and argument substitution (C99 6.10.3): parsing #define, the
// # and ## operators with placemarkers (6.10.3.2-3), and gcc's variadic extensions
// (named `args...`, and `, ## __VA_ARGS__` dropping the comma when the arguments are empty).

import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLoc } from './token.ts';
import { lex, newToken, type PPToken } from './tokenize.ts';
import { appendAll } from '../big-arrays.ts';

export interface Macro {
  name: string;
  /** Parameter names (the variadic one last, '__VA_ARGS__' or its GNU name); null when object-like. */
  params: string[] | null;
  variadic: boolean;
  body: PPToken[];
  loc: SourceLoc;
  /** Built-in macros (__LINE__, __FILE__, ...) compute their expansion from the use. */
  builtin?: (use: PPToken) => PPToken[];
}

/** The tokens of each argument, as written in the call. */
export type MacroArgs = PPToken[][];

export const isPunct = (t: PPToken | undefined, text: string): boolean =>
  t !== undefined && t.kind === 'punct' && t.text === text && t.problem === undefined;

const err = (diags: Diagnostic[], t: PPToken, message: string): void => {
  diags.push({ severity: 'error', message, loc: t.loc, length: t.length });
};

/** Parses the tokens after `#define`; undefined after reporting a mistake. */
export function parseDefine(line: PPToken[], hash: PPToken, diags: Diagnostic[]): Macro | undefined {
  const name = line[0];
  if (name === undefined || name.kind !== 'ident') {
    err(diags, name ?? hash, 'macro names must be identifiers: write #define NAME VALUE');
    return undefined;
  }
  if (name.text === 'defined') {
    err(diags, name, "'defined' cannot be used as a macro name");
    return undefined;
  }
  let i = 1;
  let params: string[] | null = null;
  let variadic = false;
  if (isPunct(line[1], '(') && !line[1].hasSpace) {
    const parsed = parseParams(line, diags);
    if (parsed === undefined) return undefined;
    ({ params, variadic, next: i } = parsed);
  } else if (line[1] !== undefined && !line[1].hasSpace) {
    diags.push({ severity: 'warning', message: `missing whitespace after the macro name '${name.text}'`, loc: line[1].loc, length: line[1].length });
  }
  const body = line.slice(i).map((t, k) => ({ ...t, hasSpace: k > 0 && t.hasSpace, atLineStart: false }));
  if (!checkBody(body, params, diags)) return undefined;
  return { name: name.text, params, variadic, body, loc: name.loc };
}

function parseParams(line: PPToken[], diags: Diagnostic[]): { params: string[]; variadic: boolean; next: number } | undefined {
  const params: string[] = [];
  let i = 2;
  if (isPunct(line[i], ')')) return { params, variadic: false, next: i + 1 };
  for (;;) {
    const t = line[i];
    if (isPunct(t, '...')) {
      params.push('__VA_ARGS__');
      if (!isPunct(line[i + 1], ')')) return void err(diags, line[i + 1] ?? t, "missing ')' after '...' in the macro parameter list");
      return { params, variadic: true, next: i + 2 };
    }
    if (t === undefined || t.kind !== 'ident') return void err(diags, t ?? line[i - 1], 'expected a parameter name in the macro parameter list');
    if (params.includes(t.text)) return void err(diags, t, `duplicate macro parameter '${t.text}'`);
    params.push(t.text);
    i++;
    if (isPunct(line[i], '...') && isPunct(line[i + 1], ')')) return { params, variadic: true, next: i + 2 };
    if (isPunct(line[i], ')')) return { params, variadic: false, next: i + 1 };
    if (!isPunct(line[i], ',')) return void err(diags, line[i] ?? t, "expected ',' or ')' in the macro parameter list");
    i++;
  }
}

function checkBody(body: PPToken[], params: string[] | null, diags: Diagnostic[]): boolean {
  if (body.length > 0 && (isPunct(body[0], '##') || isPunct(body[body.length - 1], '##'))) {
    const t = isPunct(body[0], '##') ? body[0] : body[body.length - 1];
    err(diags, t, "'##' cannot appear at either end of a macro expansion: it needs a token on each side");
    return false;
  }
  if (params === null) return true;
  for (let k = 0; k < body.length; k++) {
    if (isPunct(body[k], '#') && !(body[k + 1]?.kind === 'ident' && params.includes(body[k + 1].text))) {
      err(diags, body[k], "'#' is not followed by a macro parameter: in a function-like macro, # turns a parameter into a string");
      return false;
    }
  }
  return true;
}

/** Same definition, as C99 6.10.3p2 defines it (same spelling and same white-space separation). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.variadic !== b.variadic || (a.params === null) !== (b.params === null)) return false;
  if (a.params !== null && a.params.join(',') !== b.params?.join(',')) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every((t, k) => t.text === b.body[k].text && (k === 0 || t.hasSpace === b.body[k].hasSpace));
}

/** What fully macro-expands an argument before it replaces its parameter (the engine). */
export interface ArgumentExpander {
  expandList(tokens: PPToken[]): PPToken[];
}

/** The context substitution needs: how to expand an argument, where the use was. */
export interface SubstContext {
  expander: ArgumentExpander;
  diags: Diagnostic[];
  /** Where the macro was used (outermost), for expandedFrom. */
  useLoc: SourceLoc;
  /** The hide set of the expansion (6.10.3.4): the use's, plus this macro. */
  hide: ReadonlySet<string>;
  /** The call left out the variadic argument entirely (`f(a)` for `f(a, ...)`). */
  vaOmitted: boolean;
}

/** A token of an expansion, a fresh object: the expansion may change its spacing. */
export function expansionToken(t: PPToken, hide: ReadonlySet<string> | undefined, expandedFrom: SourceLoc | undefined): PPToken {
  return newToken(t.kind, t.text, t.loc, t.length, t.hasSpace, false, expandedFrom, hide, t.problem, t.stray);
}

/** a ∪ b, for every token of every argument: most often one contains the other (an argument
 * of a macro used inside another carries the outer hide set, which the inner one extends), and
 * otherwise the same pair recurs for each token, so no new set is made per token. */
export function unionHide(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === undefined || a === b || a.size === 0) return b;
  if (a.size <= b.size && isSubset(a, b)) return b;
  if (b.size < a.size && isSubset(b, a)) return a;
  let withA = unionCache.get(a);
  if (withA === undefined) unionCache.set(a, (withA = new WeakMap()));
  let s = withA.get(b);
  if (s === undefined) {
    const both = new Set(a);
    for (const x of b) both.add(x);
    withA.set(b, (s = both));
  }
  return s;
}

const unionCache = new WeakMap<ReadonlySet<string>, WeakMap<ReadonlySet<string>, ReadonlySet<string>>>();

function isSubset(small: ReadonlySet<string>, big: ReadonlySet<string>): boolean {
  for (const x of small) if (!big.has(x)) return false;
  return true;
}

const PLACEMARKER = Symbol('placemarker');
type Tok = PPToken & { [PLACEMARKER]?: true };

/** Replaces parameters in a macro's body (6.10.3.1-3) and applies # and ##; the
 * result is made of fresh tokens carrying the expansion's hide set. (No closures here:
 * this runs once per macro use, and a megabyte of macro calls makes a million uses.) */
export function substitute(m: Macro, args: MacroArgs, ctx: SubstContext): PPToken[] {
  const params = m.params ?? NO_PARAMS;
  let expanded: (PPToken[] | undefined)[] | undefined;
  const out: Tok[] = [];
  const b = m.body;
  let placemarkers = false;
  for (let i = 0; i < b.length; i++) {
    const t = b[i];
    const p = paramIndex(params, t);
    if (isPunct(t, '#') && m.params !== null && paramIndex(params, b[i + 1]) >= 0) {
      out.push(stringizeParam(m, args, ++i, t, ctx));
    } else if (isPunct(t, ',') && isPunct(b[i + 1], '##') && m.variadic && paramIndex(params, b[i + 2]) === params.length - 1) {
      // gcc drops the comma when the variadic argument was left out, or is empty and the
      // only parameter; an empty but present one (`f(a,)`) keeps it.
      const va = args[params.length - 1];
      if (va.length > 0) {
        out.push(bodyToken(t, ctx));
        appendArg(out, va, ctx);
      } else if (!ctx.vaOmitted && params.length > 1) out.push(bodyToken(t, ctx));
      i += 2;
    } else if (isPunct(t, '##')) {
      const rhs = b[++i];
      const q = paramIndex(params, rhs);
      const right: PPToken[] = [];
      if (isPunct(rhs, '#') && m.params !== null) right.push(stringizeParam(m, args, ++i, rhs, ctx));
      else if (q >= 0) appendArg(right, args[q], ctx);
      else right.push(bodyToken(rhs, ctx));
      pasteInto(out, right, t, ctx.diags);
    } else if (p >= 0) {
      if (isPunct(b[i + 1], '##')) {
        if (args[p].length > 0) appendArg(out, args[p], ctx);
        else { out.push(placemarker(t)); placemarkers = true; }
      } else {
        expanded ??= [];
        let e = expanded[p];
        if (e === undefined) expanded[p] = e = ctx.expander.expandList(args[p]);
        appendArg(out, e, ctx);
      }
    } else {
      out.push(bodyToken(t, ctx));
    }
  }
  return placemarkers ? out.filter((t) => t[PLACEMARKER] !== true) : out;
}

const NO_PARAMS: string[] = [];

function paramIndex(params: string[], t: PPToken | undefined): number {
  return t !== undefined && t.kind === 'ident' && params.length > 0 ? params.indexOf(t.text) : -1;
}

function bodyToken(t: PPToken, ctx: SubstContext): PPToken {
  return expansionToken(t, ctx.hide, ctx.useLoc);
}

/** An argument's tokens, fresh, each with the expansion's hide set added to its own. */
function appendArg(out: PPToken[], arg: PPToken[], ctx: SubstContext): void {
  for (const a of arg) out.push(expansionToken(a, unionHide(a.hide, ctx.hide), a.expandedFrom));
}

function stringizeParam(m: Macro, args: MacroArgs, k: number, hash: PPToken, ctx: SubstContext): PPToken {
  return { ...stringize(args[paramIndex(m.params ?? NO_PARAMS, m.body[k])] ?? [], hash, ctx.useLoc), hide: ctx.hide };
}

function placemarker(t: PPToken): Tok {
  return { ...t, text: '', [PLACEMARKER]: true };
}

/** `out[last] ## right[0]`, then the rest of right (6.10.3.3). */
function pasteInto(out: Tok[], right: PPToken[], op: PPToken, diags: Diagnostic[]): void {
  if (right.length === 0) return;
  const left = out.pop();
  if (left === undefined || left[PLACEMARKER] === true) {
    appendAll(out, right);
    return;
  }
  appendAll(appendAll(out, paste(left, right[0], op, diags)), right.slice(1));
}

/** Glues two tokens into one; if the result is not one token, gcc's error and both tokens. */
export function paste(left: PPToken, right: PPToken, op: PPToken, diags: Diagnostic[]): PPToken[] {
  const text = left.text + right.text;
  const scratch: Diagnostic[] = [];
  const toks = lex(left.loc.file, text, scratch);
  const one = toks.length === 2 && toks[0].text === text && toks[0].problem === undefined && scratch.length === 0;
  if (one) return [{ ...left, kind: toks[0].kind, text, problem: undefined, stray: undefined }];
  diags.push({
    severity: 'error',
    message: `pasting "${left.text}" and "${right.text}" does not give a valid preprocessing token: '##' must form one token such as a name or a number`,
    loc: op.loc,
    length: op.length,
  });
  return [left, { ...right, hasSpace: true }];
}

/** The # operator (6.10.3.2): the argument's spelling as a string literal. */
export function stringize(arg: PPToken[], hash: PPToken, useLoc: SourceLoc): PPToken {
  let s = '';
  arg.forEach((t, k) => {
    if (k > 0 && (t.hasSpace || t.atLineStart)) s += ' ';
    s += t.kind === 'string' || t.kind === 'char' ? t.text.replace(/[\\"]/g, (c) => '\\' + c) : t.text;
  });
  return newToken('string', `"${s}"`, hash.loc, hash.length, hash.hasSpace, false, useLoc, undefined, undefined, undefined);
}
