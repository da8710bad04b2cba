// Parser state shared by the recursive-descent parse-*.ts modules: the token
// cursor, the scope chain (variables, typedefs, enum constants, struct tags),
// the function being parsed, and diagnostics with recovery (CompileAbort).

import type { Token, SourceLoc } from '../preprocess/token.ts';
import { CompileAbort, type Diagnostic } from '../diagnostics.ts';
import type { Obj, SwitchCase, Expr, BlockScope } from './ast.ts';
import type { Type } from './types.ts';

export type ScopeEntry =
  | { kind: 'var'; obj: Obj }
  | { kind: 'typedef'; ty: Type; loc: SourceLoc }
  | { kind: 'enum'; value: bigint; ty: Type };

interface Scope { vars: Map<string, ScopeEntry>; tags: Map<string, Type> }

export interface SwitchCtx {
  cases: SwitchCase[];
  defaultLabel: string | undefined;
  ty: Type;
  /** The single case values and the `lo ... hi` ranges so far, to find a duplicate
   * without comparing each case with every other (a switch of 10^4 cases). */
  values: Set<bigint>;
  ranges: SwitchCase[];
}

export interface FnCtx {
  obj: Obj;
  locals: Obj[];
  labels: Map<string, { label: string; defined: boolean; tok: Token }>;
  brk: string | undefined;
  cont: string | undefined;
  sw: SwitchCtx | undefined;
  /** The inner block being parsed (undefined: the function's own body), for the debug info. */
  scope?: BlockScope;
}

const MAX_ERRORS = 30;
export const IOMEM_WARNING = 'dereferencing an __iomem pointer directly';

export class Parser {
  pos = 0;
  private scopes: Scope[] = [{ vars: new Map(), tags: new Map() }];
  readonly globals: Obj[] = [];
  fn: FnCtx | undefined;
  private uniq = 0;
  /** File-scope asm("...") texts, in order. */
  readonly topAsm: string[] = [];
  /** Declarations with __attribute__((alias)), checked at the end of the file. */
  readonly aliases: { obj: Obj; tok: Token }[] = [];
  /** Parsing the initializer of a static variable: compound literals in it are static too. */
  inStaticInit = false;
  /** Inside sizeof/typeof/_Generic's controlling expression: nothing is evaluated there. */
  unevaluated = 0;
  /** Errors recorded so far (parsing stops after MAX_ERRORS). */
  errorCount = 0;

  constructor(readonly toks: Token[], readonly diags: Diagnostic[]) {}

  // ---- token cursor ----
  get tok(): Token { return this.toks[Math.min(this.pos, this.toks.length - 1)]; }
  peek(n = 1): Token { return this.toks[Math.min(this.pos + n, this.toks.length - 1)]; }
  next(): Token { const t = this.tok; if (t.kind !== 'eof') this.pos++; return t; }
  atEof(): boolean { return this.tok.kind === 'eof'; }
  /** The token following `t`, which must be at or just after the cursor. */
  peekAfter(t: Token): Token {
    for (let i = this.pos; i < this.pos + 4 && i < this.toks.length; i++) if (this.toks[i] === t) return this.toks[Math.min(i + 1, this.toks.length - 1)];
    return this.peek();
  }

  /** True when `t` spells the punctuator or keyword `s` (never a string/char literal). */
  static is(t: Token, s: string): boolean {
    return t.text === s && (t.kind === 'punct' || t.kind === 'keyword' || t.kind === 'ident');
  }
  is(s: string): boolean { return Parser.is(this.tok, s); }
  consume(s: string): boolean {
    if (!this.is(s)) return false;
    this.pos++;
    return true;
  }
  expect(s: string, context?: string): Token {
    if (this.is(s)) return this.next();
    const t = this.tok;
    const got = t.kind === 'eof' ? 'end of file' : `'${t.text}'`;
    // A missing ';' is best reported right after the previous token, as gcc does.
    if ((s === ';' || s === ')') && this.pos > 0) {
      const prev = this.toks[this.pos - 1];
      if (prev.loc.line !== t.loc.line || t.kind === 'eof') {
        this.errorAt(afterTok(prev), 1, `expected '${s}' after '${prev.text}'`);
      }
    }
    return this.error(t, `expected '${s}'${context ? ` ${context}` : ''} before ${got}`);
  }
  ident(what = 'an identifier'): Token {
    const t = this.tok;
    if (t.kind !== 'ident') return this.error(t, `expected ${what}, found '${t.text || 'end of file'}'`);
    this.pos++;
    return t;
  }

  // ---- diagnostics ----
  error(t: Token, message: string, notes?: Diagnostic[]): never {
    return this.errorAt(t.loc, t.length, message, notes);
  }
  errorAt(loc: SourceLoc, length: number, message: string, notes?: Diagnostic[]): never {
    const d: Diagnostic = { severity: 'error', message, loc, length: Math.max(1, length), notes };
    throw new CompileAbort(d);
  }
  /** Records an error without abandoning the construct being parsed. */
  report(loc: SourceLoc, length: number, message: string, notes?: Diagnostic[]): void {
    this.record({ severity: 'error', message, loc, length: Math.max(1, length), notes });
  }
  warn(loc: SourceLoc, length: number, message: string, notes?: Diagnostic[]): void {
    this.record({ severity: 'warning', message, loc, length: Math.max(1, length), notes });
  }
  note(loc: SourceLoc, length: number, message: string): Diagnostic {
    return { severity: 'note', message, loc, length: Math.max(1, length) };
  }
  /** Where the macro was used, for the location of each token out of a macro expansion
   * (node locations are their first token's loc object). Only those tokens: a map of
   * every token would cost more garbage collection than the whole parse. */
  private expansionAt: Map<SourceLoc, SourceLoc> | undefined;

  /** Diagnostics inside a macro expansion get a note at the macro's use; warnings about
   * header code the student did not write (like gcc's system headers) are dropped. */
  private placeInSource(d: Diagnostic): Diagnostic | undefined {
    if (this.expansionAt === undefined) {
      this.expansionAt = new Map();
      for (const t of this.toks) if (t.expandedFrom !== undefined) this.expansionAt.set(t.loc, t.expandedFrom);
    }
    const used = this.expansionAt.get(d.loc);
    const main = this.toks[this.toks.length - 1].loc.file;
    if (d.severity === 'warning' && d.loc.file !== main && (used === undefined || used.file !== main)) return undefined;
    if (used === undefined || (used.file === d.loc.file && used.offset === d.loc.offset)) return d;
    const note: Diagnostic = { severity: 'note', message: 'in the expansion of the macro used here', loc: used, length: 1 };
    return { ...d, notes: [...(d.notes ?? []), note] };
  }

  record(diag: Diagnostic): void {
    const d = this.placeInSource(diag);
    if (!d) return;
    if (d.severity === 'error') {
      this.errorCount++;
      if (this.errorCount > MAX_ERRORS) throw new TooManyErrors();
    }
    // A set, not a scan of the list: 25,000 unused locals must not cost 25,000^2 comparisons.
    this.seen ??= new Set(this.diags.map(diagKey));
    const key = diagKey(d);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (d.severity === 'warning' && d.message.startsWith(IOMEM_WARNING)) this.iomemWarnings++;
    this.diags.push(d);
  }
  /** Keys (place and message) of the diagnostics recorded, to drop repeats. */
  private seen: Set<string> | undefined;
  private iomemWarnings = 0;
  /** Withdraws __iomem dereference warnings inside a span that turned out to only compute
   * an address (&regs->x, sizeof, typeof, an array member that decays). */
  dropIomemWarnings(loc: SourceLoc, length: number, fromIndex = 0): void {
    if (this.iomemWarnings === 0) return; // the common case: no scan of thousands of other warnings
    for (let i = this.diags.length - 1; i >= fromIndex; i--) {
      const d = this.diags[i];
      if (d.severity === 'warning' && d.message.startsWith(IOMEM_WARNING) && d.loc.file === loc.file &&
          d.loc.offset >= loc.offset && d.loc.offset < loc.offset + length) {
        this.diags.splice(i, 1);
        this.seen?.delete(diagKey(d));
      }
    }
  }
  exprError(e: Expr, message: string): never { return this.errorAt(e.loc, e.length, message); }

  /** Skips to a likely resumption point after an error: past the next ';' at the
   * current nesting, or before a closing '}' that ends the current block. `from` is where
   * the failed statement began: brackets it opened before the error (a compound literal's
   * '{') are still open, so their closers do not end the block. */
  recover(stopAtBrace: boolean, from = this.pos): void {
    let depth = 0;
    for (let i = from; i < this.pos; i++) {
      const t = this.toks[i];
      if (Parser.is(t, '{') || Parser.is(t, '(') || Parser.is(t, '[')) depth++;
      else if (Parser.is(t, '}') || Parser.is(t, ')') || Parser.is(t, ']')) depth = Math.max(0, depth - 1);
    }
    while (!this.atEof()) {
      const t = this.tok;
      if (Parser.is(t, '{') || Parser.is(t, '(') || Parser.is(t, '[')) depth++;
      else if (Parser.is(t, ')') || Parser.is(t, ']')) depth = Math.max(0, depth - 1);
      else if (Parser.is(t, '}')) {
        if (depth === 0) { if (!stopAtBrace) this.pos++; return; }
        depth--;
        if (depth === 0 && !stopAtBrace) { this.pos++; if (!this.is(';')) return; }
      } else if (Parser.is(t, ';') && depth === 0) { this.pos++; return; }
      this.pos++;
    }
  }

  /** The first global whose name is also its assembler label: an index kept up to date as
   * globals are added, not a scan of 50,000 globals per declaration. */
  globalByName(name: string): Obj | undefined {
    for (; this.globalsIndexed < this.globals.length; this.globalsIndexed++) {
      const o = this.globals[this.globalsIndexed];
      if (o.name === o.label && !this.globalIndex.has(o.name)) this.globalIndex.set(o.name, o);
    }
    return this.globalIndex.get(name);
  }
  private globalIndex = new Map<string, Obj>();
  private globalsIndexed = 0;

  // ---- scopes ----
  enterScope(): void { this.scopes.push({ vars: new Map(), tags: new Map() }); }
  leaveScope(): void { this.scopes.pop(); }
  /** Runs `f` seeing only the file scope (a function body parsed again, away from the caller's locals). */
  atFileScopeOnly<T>(f: () => T): T {
    const saved = this.scopes;
    this.scopes = [saved[0]];
    try { return f(); } finally { this.scopes = saved; }
  }
  get atFileScope(): boolean { return this.scopes.length === 1; }
  /** The typedefs declared at file scope, by name. */
  fileScopeTypedefs(): Map<string, { ty: Type; loc: SourceLoc }> {
    const out = new Map<string, { ty: Type; loc: SourceLoc }>();
    for (const [name, e] of this.scopes[0].vars) if (e.kind === 'typedef') out.set(name, { ty: e.ty, loc: e.loc });
    return out;
  }
  declare(name: string, e: ScopeEntry): void { this.scopes[this.scopes.length - 1].vars.set(name, e); }
  declareGlobal(name: string, e: ScopeEntry): void { this.scopes[0].vars.set(name, e); }
  lookup(name: string): ScopeEntry | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const e = this.scopes[i].vars.get(name);
      if (e) return e;
    }
    return undefined;
  }
  lookupCurrent(name: string): ScopeEntry | undefined {
    return this.scopes[this.scopes.length - 1].vars.get(name);
  }
  lookupTag(name: string): Type | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const t = this.scopes[i].tags.get(name);
      if (t) return t;
    }
    return undefined;
  }
  lookupTagCurrent(name: string): Type | undefined { return this.scopes[this.scopes.length - 1].tags.get(name); }
  declareTag(name: string, ty: Type): void { this.scopes[this.scopes.length - 1].tags.set(name, ty); }
  /** All visible names, for "did you mean" suggestions. */
  visibleNames(typedefs = false): string[] {
    const out: string[] = [];
    for (const s of this.scopes) for (const [k, v] of s.vars) if ((v.kind === 'typedef') === typedefs) out.push(k);
    return out;
  }
  /** "unknown type name" when an undeclared word is followed by a declarator, like gcc;
   * the word is then read as 'int' so the declaration does not cause more errors. */
  unknownTypeName(): void {
    const t = this.tok, n = this.peek();
    if (t.kind !== 'ident' || this.lookup(t.text) !== undefined) return;
    const declLike = n.kind === 'ident' || (Parser.is(n, '*') && this.peek(2).kind === 'ident' && !Parser.is(this.peek(3), ';'));
    if (!declLike) return;
    const close = closestName(t.text, [...this.visibleNames(true), 'int', 'char', 'short', 'long', 'unsigned', 'void']);
    this.report(t.loc, t.length, `unknown type name '${t.text}'${close ? `; did you mean '${close}'?` : ''}`);
    this.toks[this.pos] = { ...t, kind: 'keyword', text: 'int' };
  }
  isTypedefName(t: Token): boolean {
    return t.kind === 'ident' && this.lookup(t.text)?.kind === 'typedef';
  }

  uniqueLabel(prefix = 'L'): string { return `.L${prefix}.${this.uniq++}`; }
  uniqueName(base: string): string { return `${base}.${this.uniq++}`; }
}

export class TooManyErrors extends Error {}

function diagKey(d: Diagnostic): string { return `${d.loc.file}\0${d.loc.offset}\0${d.message}`; }

export function afterTok(t: Token): SourceLoc {
  return { ...t.loc, col: t.loc.col + t.length, offset: t.loc.offset + t.length };
}

export function locOf(t: Token): SourceLoc { return t.loc; }

/** The closest name by edit distance (a swap of two letters counts as one edit), for
 * "did you mean 'x'?"; short names need a closer match so suggestions stay sensible. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const n = name.length;
  const limit = n <= 5 ? 1 : n <= 8 ? 2 : 3;
  let best: string | undefined, bestD = limit + 1;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - n) >= bestD) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD && d < Math.max(n, c.length) / 2) { best = c; bestD = d; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
