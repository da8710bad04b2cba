// Macro expansion over a stack of token sources, with rescanning and hide sets
// (Prosser's algorithm, as chibicc implements it): a token never expands a macro
// whose expansion produced it, so `#define foo foo` and mutual recursion terminate.

import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLoc } from './token.ts';
import { reportProblem, type PPToken } from './tokenize.ts';
import { expansionToken, isPunct, substitute, type Macro, type MacroArgs } from './macros.ts';

/** A file being read: its conditional stack, for #if groups, and its name for __FILE__. */
export interface FileContext {
  /** The path as found (what __FILE__ and diagnostics show). */
  path: string;
  conds: Conditional[];
  /** Index in includeDirs where it was found (-1: the main file or beside its includer;
   * includeDirs.length: a built-in header), where #include_next resumes the search. */
  dirIndex: number;
}

export interface Conditional {
  directive: PPToken;
  /** Some group of this #if chain was already taken. */
  taken: boolean;
  sawElse: boolean;
}

interface CollectedArgs {
  args: MacroArgs;
  rparen: PPToken;
  vaOmitted: boolean;
}

interface Source {
  toks: PPToken[];
  pos: number;
  file?: FileContext;
}

/** Stops a runaway expansion (exponential macros) before it eats the student's tab; a long
 * source gets more (a few per token of it), so a megabyte of ordinary macro calls still builds. */
const EXPANSION_BUDGET = 300_000;
const EXPANSIONS_PER_SOURCE_TOKEN = 4;
/** A hide set this large means a chain of that many macros: stop before memory runs out. */
const MAX_HIDE_SET = 1000;
/** Arguments are expanded recursively; deeper nesting would overflow the stack. */
const MAX_ARGUMENT_NESTING = 100;

export class MacroEngine {
  readonly macros = new Map<string, Macro>();
  protected readonly sources: Source[] = [];
  /** Whether the last token from next() came from a file (only those can start directives). */
  protected fromFile = false;
  protected expansions = 0;
  private expansionBudget = EXPANSION_BUDGET;
  private listDepth = 0;

  constructor(readonly diags: Diagnostic[]) {}

  protected error(t: { loc: SourceLoc; length: number }, message: string): void {
    this.diags.push({ severity: 'error', message, loc: t.loc, length: t.length });
  }

  protected warning(t: { loc: SourceLoc; length: number }, message: string): void {
    this.diags.push({ severity: 'warning', message, loc: t.loc, length: t.length });
  }

  /** Scales the expansion budget to the size of the translation unit's main file. */
  protected budgetFor(sourceTokens: number): void {
    this.expansionBudget = Math.max(EXPANSION_BUDGET, EXPANSIONS_PER_SOURCE_TOKEN * sourceTokens);
  }

  protected pushSource(toks: PPToken[], file?: FileContext): void {
    this.sources.push({ toks, pos: 0, file });
  }

  protected get top(): Source {
    return this.sources[this.sources.length - 1];
  }

  /** Next token of the innermost source; finished macro expansions are dropped on the way. */
  protected next(): PPToken {
    for (;;) {
      const s = this.top;
      if (s.pos < s.toks.length) {
        const t = s.toks[s.pos++];
        this.fromFile = s.file !== undefined;
        if (this.fromFile && t.problem !== undefined && t.stray !== true) reportProblem(t, this.diags);
        return t;
      }
      this.sources.pop();
    }
  }

  /** Puts back the token next() just returned. */
  protected unget(): void {
    this.top.pos--;
  }

  protected peek(): PPToken {
    for (;;) {
      const s = this.top;
      if (s.pos < s.toks.length) return s.toks[s.pos];
      this.sources.pop();
    }
  }

  /** Fully macro-expands a token list on its own (an argument, an #if or #include line). */
  expandList(toks: PPToken[], ifMode = false): PPToken[] {
    if (this.listDepth >= MAX_ARGUMENT_NESTING) {
      if (this.listDepth++ === MAX_ARGUMENT_NESTING) this.error(toks[0] ?? NO_LOC_TOKEN, `macro calls nested more than ${MAX_ARGUMENT_NESTING} levels deep inside arguments`);
      this.listDepth--;
      return toks;
    }
    this.listDepth++;
    try {
      return this.expandListBody(toks, ifMode);
    } finally {
      this.listDepth--;
    }
  }

  private expandListBody(toks: PPToken[], ifMode: boolean): PPToken[] {
    const end: PPToken = { kind: 'eof', text: '', loc: toks[0]?.loc ?? NO_LOC, length: 1, hasSpace: false, atLineStart: false };
    const depth = this.sources.length;
    this.pushSource([...toks, end]);
    const out: PPToken[] = [];
    for (;;) {
      const t = this.next();
      if (t === end) break;
      if (t.kind === 'eof') continue; // cannot happen: `end` bounds the list
      if (t.kind === 'ident' && ifMode && this.ifOperator(t, out)) continue;
      if (t.kind === 'ident' && this.expandMacro(t)) continue;
      out.push(t);
    }
    this.sources.length = depth;
    return out;
  }

  /** `defined` and `__has_include` inside #if; overridden by the directive layer. */
  protected ifOperator(_t: PPToken, _out: PPToken[]): boolean {
    return false;
  }

  /** If `t` names a macro that may expand here, pushes its expansion and returns true.
   * Body tokens get expandedFrom = the outermost use; argument tokens keep their own. */
  protected expandMacro(t: PPToken): boolean {
    const m = this.macros.get(t.text);
    if (m === undefined || t.hide?.has(m.name) || !this.withinLimits(t, m)) return false;
    const useLoc = t.expandedFrom ?? t.loc;
    if (m.builtin !== undefined) {
      this.pushExpansion(m.builtin(t).map((r) => expansionToken(r, undefined, useLoc)), t);
    } else if (m.params === null) {
      this.expandObjectLike(m, t, useLoc);
    } else {
      if (!isPunct(this.peek(), '(')) return false;
      this.next();
      this.expandFunctionLike(m, t, useLoc);
    }
    return true;
  }

  private withinLimits(t: PPToken, m: Macro): boolean {
    if (t.hide !== undefined && t.hide.size >= MAX_HIDE_SET) {
      this.error(t, `macro '${m.name}' is expanded inside more than ${MAX_HIDE_SET} other macro expansions; is there a chain of macros without end?`);
      return false;
    }
    if (++this.expansions <= this.expansionBudget) return true;
    if (this.expansions === this.expansionBudget + 1) {
      this.error(t, `too many macro expansions (over ${this.expansionBudget}); is a macro expanding to itself many times?`);
    }
    return false;
  }

  private expandObjectLike(m: Macro, t: PPToken, useLoc: SourceLoc): void {
    const hide = addHide(t.hide, m.name);
    const pastes = m.body.some((b) => isPunct(b, '##'));
    const ctx = { expander: NO_ARGUMENTS, diags: this.diags, useLoc, hide, vaOmitted: false };
    this.pushExpansion(pastes ? substitute(m, [], ctx) : m.body.map((b) => expansionToken(b, hide, useLoc)), t);
  }

  /** After the '(' of a call: reads the arguments, substitutes, pushes. The hide set is
   * (HS(name) ∩ HS(')')) ∪ {name}, so a ')' that came from outside may re-enable it. */
  private expandFunctionLike(m: Macro, t: PPToken, useLoc: SourceLoc): void {
    const collected = this.collectArgs(m, t);
    if (collected === undefined) return;
    const hide = addHide(intersectHide(t.hide, collected.rparen.hide), m.name);
    const ctx = { expander: this, diags: this.diags, useLoc, hide, vaOmitted: collected.vaOmitted };
    this.pushExpansion(substitute(m, collected.args, ctx), t);
  }

  /** Pushes fresh expansion tokens; the first takes the use's spacing. */
  private pushExpansion(toks: PPToken[], use: PPToken): void {
    if (toks.length === 0) return;
    toks[0].hasSpace = use.hasSpace;
    this.pushSource(toks);
  }

  /** Reads `a, b, (c, d))` after the '(' of a function-like macro call. */
  private collectArgs(m: Macro, name: PPToken): CollectedArgs | undefined {
    const params = m.params ?? [];
    const args: MacroArgs = [[]];
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') {
        this.unget();
        this.error(name, `unterminated call of macro '${m.name}': the '(' has no matching ')'`);
        return undefined;
      }
      if (this.fromFile && t.atLineStart && isPunct(t, '#')) {
        this.error(t, `a preprocessor directive inside the arguments of macro '${m.name}' is not supported; close the macro call first`);
      }
      if (isPunct(t, '(')) depth++;
      else if (isPunct(t, ')') && depth-- === 0) return this.checkArgs(m, name, args, t);
      else if (isPunct(t, ',') && depth === 0 && !(m.variadic && args.length === params.length)) {
        args.push([]);
        continue;
      }
      args[args.length - 1].push(t);
    }
  }

  private checkArgs(m: Macro, name: PPToken, args: MacroArgs, rparen: PPToken): CollectedArgs | undefined {
    const n = (m.params ?? []).length;
    if (n === 0 && args.length === 1 && args[0].length === 0) return { args: [], rparen, vaOmitted: false };
    const vaOmitted = m.variadic && args.length === n - 1;
    if (vaOmitted) args.push([]);
    if (args.length === n) return { args, rparen, vaOmitted };
    const given = args.length;
    const takes = m.variadic ? `at least ${n - 1}` : `${n}`;
    this.diags.push({
      severity: 'error',
      message: `macro '${m.name}' takes ${takes} argument${n === 1 ? '' : 's'}, but ${given} ${given === 1 ? 'was' : 'were'} given`,
      loc: name.loc, length: name.length,
      notes: [{ severity: 'note', message: `macro '${m.name}' is defined here`, loc: m.loc, length: m.name.length }],
    });
    return undefined;
  }
}

/** An object-like macro has no arguments to expand. */
const NO_ARGUMENTS = { expandList: (toks: PPToken[]): PPToken[] => toks };

export const NO_LOC: SourceLoc = { file: '<built-in>', line: 1, col: 1, offset: 0 };
const NO_LOC_TOKEN = { loc: NO_LOC, length: 1 };

const NO_HIDE: ReadonlySet<string> = new Set();
/** hide set → name → hide set ∪ {name}: expansions of the same macro share one set. */
const hideCache = new WeakMap<ReadonlySet<string>, Map<string, ReadonlySet<string>>>();

function addHide(hide: ReadonlySet<string> | undefined, name: string): ReadonlySet<string> {
  const base = hide ?? NO_HIDE;
  if (base.has(name)) return base;
  let byName = hideCache.get(base);
  if (byName === undefined) hideCache.set(base, (byName = new Map()));
  let out = byName.get(name);
  if (out === undefined) byName.set(name, (out = new Set(base).add(name)));
  return out;
}

function intersectHide(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return a;
  return new Set([...a].filter((x) => b.has(x)));
}
