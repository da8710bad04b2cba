// Macro definitions and argument substitution (C99 6.10.3): parsing #define, the
// # and ## operators with placemarkers (6.10.3.2-3), and gcc's variadic extensions
// (named `args...`, and `, ## __VA_ARGS__` dropping the comma when the arguments are empty).

import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLoc } from './token.ts';
import { lex, type PPToken } from './tokenize.ts';
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

/** The context substitution needs: how to expand an argument, where the use was. */
export interface SubstContext {
  expand: (tokens: PPToken[]) => PPToken[];
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
  return {
    kind: t.kind, text: t.text, loc: t.loc, length: t.length, hasSpace: t.hasSpace, atLineStart: false,
    expandedFrom, hide, problem: t.problem, stray: t.stray,
  };
}

export function unionHide(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (a === undefined || a === b || a.size === 0) return b;
  const s = new Set(a);
  for (const x of b) s.add(x);
  return s;
}

const PLACEMARKER = Symbol('placemarker');
type Tok = PPToken & { [PLACEMARKER]?: true };

/** Replaces parameters in a macro's body (6.10.3.1-3) and applies # and ##; the
 * result is made of fresh tokens carrying the expansion's hide set. */
export function substitute(m: Macro, args: MacroArgs, ctx: SubstContext): PPToken[] {
  const params = m.params ?? [];
  const index = (t: PPToken | undefined): number => (t !== undefined && t.kind === 'ident' ? params.indexOf(t.text) : -1);
  const body = (t: PPToken): PPToken => expansionToken(t, ctx.hide, ctx.useLoc);
  const arg = (ts: PPToken[]): PPToken[] => ts.map((a) => expansionToken(a, unionHide(a.hide, ctx.hide), a.expandedFrom));
  const str = (k: number, hash: PPToken): PPToken => ({ ...stringize(args[index(m.body[k])] ?? [], hash, ctx.useLoc), hide: ctx.hide });
  const expanded = new Map<number, PPToken[]>();
  const out: Tok[] = [];
  const b = m.body;
  for (let i = 0; i < b.length; i++) {
    const t = b[i];
    const p = index(t);
    if (isPunct(t, '#') && m.params !== null && index(b[i + 1]) >= 0) {
      out.push(str(++i, t));
    } else if (isPunct(t, ',') && isPunct(b[i + 1], '##') && m.variadic && index(b[i + 2]) === params.length - 1) {
      // gcc drops the comma when the variadic argument was left out, or is empty and the
      // only parameter; an empty but present one (`f(a,)`) keeps it.
      const va = args[params.length - 1];
      if (va.length > 0) appendAll(out, [body(t), ...arg(va)]);
      else if (!ctx.vaOmitted && params.length > 1) out.push(body(t));
      i += 2;
    } else if (isPunct(t, '##')) {
      const rhs = b[++i];
      const q = index(rhs);
      const right = isPunct(rhs, '#') && m.params !== null ? [str(++i, rhs)] : q >= 0 ? arg(args[q]) : [body(rhs)];
      pasteInto(out, right, t, ctx.diags);
    } else if (p >= 0) {
      if (isPunct(b[i + 1], '##')) appendAll(out, args[p].length > 0 ? arg(args[p]) : [placemarker(t)]);
      else {
        if (!expanded.has(p)) expanded.set(p, ctx.expand(args[p]));
        appendAll(out, arg(expanded.get(p) as PPToken[]));
      }
    } else {
      out.push(body(t));
    }
  }
  return out.filter((t) => t[PLACEMARKER] !== true);
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
  return {
    kind: 'string', text: `"${s}"`, loc: hash.loc, length: hash.length,
    hasSpace: hash.hasSpace, atLineStart: false, expandedFrom: useLoc,
  };
}
