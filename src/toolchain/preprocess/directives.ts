// Translation phase 4 (C99 6.10): the directive lines — #include with its search
// order, #define/#undef, conditional groups, #error/#warning, #pragma — and the
// built-in macros (__FILE__, __LINE__, __COUNTER__, ...), on top of MacroEngine.

import type { Diagnostic } from '../diagnostics.ts';
import { BUILTIN_HEADERS } from './include/builtin-headers.ts';
import { lex, newToken, type PPToken } from './tokenize.ts';
import { MacroEngine, NO_LOC, type Conditional, type FileContext } from './engine.ts';
import { evaluateIf } from './expr.ts';
import { isPunct, parseDefine, sameDefinition, type Macro } from './macros.ts';
import { dirname, joinPath } from './paths.ts';
import { predefinedSource } from './predefined.ts';
import { includeGuard, lexCached } from './source-files.ts';
import { nameTable } from '../name-table.ts';

export interface PreprocessOptions {
  /** Searched for "…" (after the including file's directory) and for <…>. */
  includeDirs: string[];
  /** -D NAME=VALUE ('1' when no value). */
  defines: Record<string, string>;
  /** The CLI reads the disk; the browser a virtual tree. */
  readFile: (path: string) => string | undefined;
  /** gcc's -include FILE: included before the first line of the main file. */
  includes?: string[];
  /** Given the macro table as it stands at the end of the translation unit (for the
   * editor's hover and go-to-definition); the table is the preprocessor's, only to be read. */
  onMacros?: (macros: ReadonlyMap<string, Macro>) => void;
}

/** gcc's limit too: deeper than this is almost surely a header including itself. */
const MAX_INCLUDE_DEPTH = 200;
/** Output size at which we stop: a runaway expansion, not a driver. */
const MAX_OUTPUT_TOKENS = 1_000_000;
/** ...or this many per token of the main file, so a long file of ordinary macro calls still builds. */
const OUTPUT_TOKENS_PER_SOURCE_TOKEN = 8;
const BUILTIN_DIR = '<builtin>';
/** Feature tests answered "no" (0): code then takes its portable path, which we compile. */
const HAS_FEATURE = ['__has_attribute', '__has_c_attribute', '__has_builtin', '__has_feature', '__has_extension'];

interface HeaderName { name: string; angled: boolean }

/** The preprocessor's state after the #include lines that open a file (see prefix-cache.ts). */
export interface PrefixState {
  macros: Map<string, Macro>;
  once: Set<string>;
  guards: Map<string, string | null>;
  lexed: Map<string, PPToken[]>;
  /** Every file looked for, with its text (undefined: not there). */
  fileTexts: Map<string, string | undefined>;
  counter: number;
  expansions: number;
}
interface FoundHeader { path: string; text: string; dirIndex: number }

/** C library headers a student may reach for out of habit: kernel code has no libc. */
const USERSPACE_HEADERS: Record<string, string> = nameTable({
  'stdio.h': 'kernel code has no C library: print with printk() or pr_info() from <linux/kernel.h>',
  'stdlib.h': 'kernel code has no C library: allocate with kmalloc() from <linux/slab.h>',
  'string.h': 'kernel code has no C library: use <linux/string.h>',
  'math.h': 'floating point is not available in kernel code; use integer arithmetic',
  'unistd.h': 'kernel code has no C library or system calls',
});

export class Preprocessor extends MacroEngine {
  private readonly out: PPToken[] = [];
  private readonly once = new Set<string>();
  private readonly guards = new Map<string, string | null>();
  private readonly lexed = new Map<string, PPToken[]>();
  private readonly fileTexts = new Map<string, string | undefined>();
  private counter = 0;
  private outputLimit = MAX_OUTPUT_TOKENS;
  private includeDepth = 0;
  private baseFile = '';

  constructor(private readonly opts: PreprocessOptions, diags: Diagnostic[]) {
    super(diags);
    this.defineBuiltins();
  }

  /** Preprocesses a whole translation unit; the result ends with one 'eof'. */
  run(file: string, text: string): PPToken[] {
    this.start(file, lexCached(file, text, this.diags));
    return this.finish();
  }

  /** Begins a translation unit whose main file is lexed already: -D/-include first, then the file. */
  start(file: string, main: PPToken[]): void {
    this.baseFile = file;
    this.budgetFor(main.length);
    this.outputLimit = Math.max(MAX_OUTPUT_TOKENS, OUTPUT_TOKENS_PER_SOURCE_TOKEN * main.length);
    this.pushSource(main, { path: file, conds: [], dirIndex: -1 });
    const forced = (this.opts.includes ?? []).map((f) => `#include ${JSON.stringify(f)}\n`).join('');
    const predefined = lexCached('<command-line>', predefinedSource(this.opts.defines) + forced, this.diags);
    this.pushSource(predefined, { path: '<command-line>', conds: [], dirIndex: -1 });
  }

  /** Runs until only the main file is left, at its token `end`; hands over the output so far. */
  runPrefix(end: number): PPToken[] {
    while (this.sources.length > 1 || (this.sources.length === 1 && this.top.pos < end)) this.step();
    return this.out.splice(0);
  }

  /** Everything the prefix of a translation unit leaves behind for the rest of it. */
  snapshot(): PrefixState {
    return {
      macros: new Map(this.macros), once: new Set(this.once), guards: new Map(this.guards), lexed: new Map(this.lexed),
      fileTexts: new Map(this.fileTexts), counter: this.counter, expansions: this.expansions,
    };
  }

  /** Goes on with the main file from its token `at`, in the state a run of its prefix left. */
  resume(file: string, main: PPToken[], at: number, s: PrefixState): void {
    this.baseFile = file;
    const own = new Map(this.macros); // built-ins answer from this run's state (__COUNTER__, __FILE__)
    this.macros.clear();
    for (const [k, v] of s.macros) this.macros.set(k, v.builtin ? own.get(k) ?? v : v);
    for (const x of s.once) this.once.add(x);
    for (const [k, v] of s.guards) this.guards.set(k, v);
    for (const [k, v] of s.lexed) this.lexed.set(k, v);
    for (const [k, v] of s.fileTexts) this.fileTexts.set(k, v);
    this.counter = s.counter;
    this.expansions = s.expansions;
    this.budgetFor(main.length);
    this.outputLimit = Math.max(MAX_OUTPUT_TOKENS, OUTPUT_TOKENS_PER_SOURCE_TOKEN * main.length);
    this.pushSource(main, { path: file, conds: [], dirIndex: -1 });
    this.top.pos = at;
  }

  /** Runs to the end of the main file; the result ends with one 'eof'. */
  finish(): PPToken[] {
    const main = this.sources[0].toks;
    while (this.sources.length > 0) this.step();
    // The end of the main file, where "expected ';' at end of input" belongs.
    this.out.push({ ...main[main.length - 1], length: 1, atLineStart: true });
    return this.out;
  }

  private step(): void {
    const t = this.next();
    if (t.kind === 'eof') {
      if (this.fromFile) this.leaveFile();
      return;
    }
    if (this.fromFile && t.atLineStart && isPunct(t, '#')) return this.directive(t);
    if (t.kind === 'ident') {
      if (t.text === '_Pragma' && this.pragmaOperator(t)) return;
      if (this.expandMacro(t)) return;
    }
    this.out.push(t);
    if (this.out.length > this.outputLimit) {
      this.error(t, `the preprocessed program is too large (over ${this.outputLimit} tokens); is a macro expanding without end?`);
      this.sources.length = 0;
    }
  }

  private get file(): FileContext {
    for (let i = this.sources.length - 1; i >= 0; i--) {
      const f = this.sources[i].file;
      if (f !== undefined) return f;
    }
    return { path: this.baseFile, conds: [], dirIndex: -1 };
  }

  private leaveFile(): void {
    const f = this.top.file as FileContext;
    for (const c of f.conds) {
      this.error(c.directive, `#${c.directive.text} without a matching #endif: this group is still open at the end of ${f.path}`);
    }
    this.sources.pop();
    if (this.sources.length > 0 && f.path !== '<command-line>') this.includeDepth--;
  }

  /** The rest of the directive line (the file source is on top while a directive runs). */
  private readLine(reportProblems = true): PPToken[] {
    const s = this.top;
    const line: PPToken[] = [];
    while (s.pos < s.toks.length && !s.toks[s.pos].atLineStart && s.toks[s.pos].kind !== 'eof') {
      const t = s.toks[s.pos++];
      if (reportProblems && t.problem !== undefined && t.stray !== true) this.error(t, t.problem);
      line.push(t);
    }
    return line;
  }

  private directive(hash: PPToken): void {
    const s = this.top;
    const name = s.toks[s.pos];
    if (name.atLineStart || name.kind === 'eof') return; // the null directive
    s.pos++;
    const quiet = name.text === 'error' || name.text === 'warning';
    const line = this.readLine(!quiet);
    switch (name.text) {
      case 'define': return this.define(hash, line);
      case 'undef': return this.undef(hash, line);
      case 'include': return this.include(hash, line, false);
      case 'include_next': return this.include(hash, line, true);
      case 'if': return this.openGroup(name, this.evaluate(name, line));
      case 'ifdef': case 'ifndef': return this.openGroup(name, this.ifdef(name, line));
      case 'elif': return this.elif(name, line);
      case 'else': return this.elseGroup(name, line);
      case 'endif': return this.endif(name, line);
      case 'error': return this.message('error', name, line);
      case 'warning': return this.message('warning', name, line);
      case 'pragma': return this.pragma(line);
      case 'line': return this.warning(name, '#line is accepted but ignored: diagnostics keep the real file name and line');
      case 'ident': case 'sccs': case 'assert': case 'unassert': return; // accepted, no effect
    }
    if (name.kind === 'number') return; // a line marker, as gcc -E writes: # 12 "file.c"
    const guess = closestDirective(name.text);
    const hint = guess !== undefined ? `did you mean #${guess}?` : 'expected #include, #define, #if, #ifdef, #endif, …';
    this.error(name, `invalid preprocessing directive #${name.text}: ${hint}`);
  }

  private extraTokens(line: PPToken[], from: number, directive: string): void {
    const t = line[from];
    if (t !== undefined) this.warning(t, `extra tokens at end of #${directive} directive are ignored`);
  }

  private define(hash: PPToken, line: PPToken[]): void {
    const m = parseDefine(line, hash, this.diags);
    if (m === undefined) return;
    const old = this.macros.get(m.name);
    if (old !== undefined && !sameDefinition(old, m)) {
      this.diags.push({
        severity: 'warning', message: `'${m.name}' redefined with a different value`, loc: line[0].loc, length: line[0].length,
        notes: [{ severity: 'note', message: 'this is the location of the previous definition', loc: old.loc, length: 1 }],
      });
    }
    this.macros.set(m.name, m);
  }

  private undef(hash: PPToken, line: PPToken[]): void {
    const name = line[0];
    if (name === undefined || name.kind !== 'ident') return this.error(name ?? hash, '#undef needs a macro name');
    this.macros.delete(name.text);
    this.extraTokens(line, 1, 'undef');
  }

  private ifdef(directive: PPToken, line: PPToken[]): boolean {
    const name = line[0];
    if (name === undefined || name.kind !== 'ident') {
      this.error(name ?? directive, `#${directive.text} needs a macro name`);
      return false;
    }
    this.extraTokens(line, 1, directive.text);
    return this.macros.has(name.text) === (directive.text === 'ifdef');
  }

  private evaluate(directive: PPToken, line: PPToken[]): boolean {
    return evaluateIf(this.expandList(line, true), directive, this.diags);
  }

  private openGroup(directive: PPToken, taken: boolean): void {
    this.top.file?.conds.push({ directive, taken, sawElse: false });
    if (!taken) this.skipGroup();
  }

  private currentGroup(directive: PPToken): Conditional | undefined {
    const conds = this.top.file?.conds ?? [];
    const c = conds[conds.length - 1];
    if (c === undefined) this.error(directive, `#${directive.text} without #if`);
    return c;
  }

  private elif(directive: PPToken, line: PPToken[]): void {
    const c = this.currentGroup(directive);
    if (c === undefined) return;
    if (c.sawElse) this.error(directive, '#elif after #else: #else must be the last group');
    if (c.taken) return this.skipGroup();
    c.taken = this.evaluate(directive, line);
    if (!c.taken) this.skipGroup();
  }

  private elseGroup(directive: PPToken, line: PPToken[]): void {
    const c = this.currentGroup(directive);
    if (c === undefined) return;
    this.extraTokens(line, 0, 'else');
    if (c.sawElse) this.error(directive, '#else after #else: a group has at most one #else');
    c.sawElse = true;
    if (c.taken) return this.skipGroup();
    c.taken = true;
  }

  private endif(directive: PPToken, line: PPToken[]): void {
    if (this.currentGroup(directive) === undefined) return;
    this.extraTokens(line, 0, 'endif');
    this.top.file?.conds.pop();
  }

  /** Skips lines up to the #elif, #else or #endif that ends this group, leaving it to be read. */
  private skipGroup(): void {
    const s = this.top;
    let depth = 0;
    for (; s.pos < s.toks.length; s.pos++) {
      const t = s.toks[s.pos];
      if (t.kind === 'eof') return;
      if (!(t.atLineStart && isPunct(t, '#'))) continue;
      const d = s.toks[s.pos + 1];
      if (d.atLineStart) continue;
      if (d.text === 'if' || d.text === 'ifdef' || d.text === 'ifndef') depth++;
      else if (d.text === 'endif') {
        if (depth-- === 0) return;
      } else if ((d.text === 'elif' || d.text === 'else') && depth === 0) return;
    }
  }

  private message(severity: 'error' | 'warning', directive: PPToken, line: PPToken[]): void {
    const text = line.map((t, k) => (k > 0 && t.hasSpace ? ' ' : '') + t.text).join('');
    this.diags.push({ severity, message: `#${directive.text} ${text}`, loc: directive.loc, length: directive.length });
  }

  private pragma(line: PPToken[]): void {
    const what = line[0]?.text;
    if (what === 'once') this.once.add(this.file.path);
    else if (what === 'pack' && line[0] !== undefined) {
      this.warning(line[0], '#pragma pack is not supported and is ignored; use __attribute__((packed)) on the struct');
    }
  }

  /** `_Pragma("once")` (C99 6.10.9); true when the operator was consumed. */
  private pragmaOperator(t: PPToken): boolean {
    if (!isPunct(this.peek(), '(')) return false;
    this.next();
    const str = this.next();
    const close = str.kind === 'eof' ? str : this.next();
    if (str.kind !== 'string' || !isPunct(close, ')')) {
      if (close.kind === 'eof') this.unget();
      this.error(t, '_Pragma needs one string literal in parentheses, like _Pragma("once")');
      return true;
    }
    const body = str.text.slice(str.text.indexOf('"') + 1, -1).replace(/\\(["\\])/g, '$1');
    this.pragma(lex(t.loc.file, body, []).filter((x) => x.kind !== 'eof'));
    return true;
  }

  private include(hash: PPToken, line: PPToken[], next: boolean): void {
    const header = this.headerName(line, true) ?? this.headerName(this.expandList(line), false);
    if (header === undefined) {
      return this.error(line[0] ?? hash, '#include expects "FILENAME" or <FILENAME>');
    }
    const found = this.findHeader(header, next);
    if (found === undefined) {
      const where = header.angled ? 'the include directories' : quotedWhere(this.file.path, header.name);
      const hint = USERSPACE_HEADERS[header.name] ?? 'check the name or add -I DIR';
      return this.error(line[0] ?? hash, `cannot find '${header.name}': looked in ${where}; ${hint}`);
    }
    if (this.once.has(found.path)) return;
    const guard = this.guards.get(found.path);
    if (guard !== undefined && guard !== null && this.macros.has(guard)) return;
    if (this.includeDepth >= MAX_INCLUDE_DEPTH) {
      return this.error(hash, `#include nested more than ${MAX_INCLUDE_DEPTH} levels deep; does a header include itself without an include guard?`);
    }
    this.includeDepth++;
    this.pushSource(this.lexFile(found.path, found.text), { path: found.path, conds: [], dirIndex: found.dirIndex });
  }

  private lexFile(path: string, text: string): PPToken[] {
    let toks = this.lexed.get(path);
    if (toks === undefined) {
      toks = lexCached(path, text, this.diags);
      this.lexed.set(path, toks);
      this.guards.set(path, includeGuard(toks));
    }
    return toks;
  }

  /** "name" or <name> from a directive's tokens; with `exact`, only when the line is just that. */
  private headerName(line: PPToken[], exact: boolean): HeaderName | undefined {
    const first = line[0];
    if (first?.kind === 'string' && first.text.startsWith('"')) {
      if (line.length > 1 && exact) this.extraTokens(line, 1, 'include');
      return { name: first.text.slice(1, -1), angled: false };
    }
    if (!isPunct(first, '<')) return undefined;
    const close = line.findIndex((t, k) => k > 0 && isPunct(t, '>'));
    if (close < 0) return undefined;
    const name = line.slice(1, close).map((t, k) => (k > 0 && t.hasSpace ? ' ' : '') + t.text).join('');
    if (close + 1 < line.length && exact) this.extraTokens(line, close + 1, 'include');
    return { name, angled: true };
  }

  /** Searches the including file's directory ("…" only), the include directories, then the
   * built-in headers; #include_next starts after the directory the current file came from. */
  private findHeader(h: HeaderName, next: boolean): FoundHeader | undefined {
    const dirs = this.opts.includeDirs;
    const first = next ? this.file.dirIndex + 1 : 0;
    if (!h.angled && !next) {
      const path = joinPath(dirname(this.file.path), h.name);
      const text = this.readFile(path);
      if (text !== undefined) return { path, text, dirIndex: this.file.dirIndex };
    }
    for (let i = first; i < dirs.length; i++) {
      const path = joinPath(dirs[i], h.name);
      const text = this.readFile(path);
      if (text !== undefined) return { path, text, dirIndex: i };
    }
    const builtin = Object.hasOwn(BUILTIN_HEADERS, h.name) ? BUILTIN_HEADERS[h.name] : undefined;
    return builtin === undefined ? undefined : { path: `${BUILTIN_DIR}/${h.name}`, text: builtin, dirIndex: dirs.length };
  }

  private readFile(path: string): string | undefined {
    if (!this.fileTexts.has(path)) {
      let text: string | undefined;
      try {
        text = this.opts.readFile(path);
      } catch {
        text = undefined;
      }
      this.fileTexts.set(path, typeof text === 'string' ? text : undefined);
    }
    return this.fileTexts.get(path);
  }

  protected override ifOperator(t: PPToken, out: PPToken[]): boolean {
    if (t.text === 'defined') {
      out.push(this.numberToken(this.definedOperand(t) ? '1' : '0', t));
      return true;
    }
    if (t.text === '__has_include' || t.text === '__has_include_next') {
      out.push(this.numberToken(this.hasInclude(t) ? '1' : '0', t));
      return true;
    }
    if (HAS_FEATURE.includes(t.text)) {
      this.skipParenthesized(t);
      out.push(this.numberToken('0', t));
      return true;
    }
    return false;
  }

  /** Consumes `( … )` after t, nested parentheses included. */
  private skipParenthesized(t: PPToken): void {
    if (!isPunct(this.next(), '(')) {
      this.unget();
      return this.error(t, `${t.text} needs an operand in parentheses, like ${t.text}(name)`);
    }
    for (let depth = 0, n = this.next(); depth > 0 || !isPunct(n, ')'); n = this.next()) {
      if (n.kind === 'eof') {
        this.unget();
        return this.error(t, `missing ')' after ${t.text}(`);
      }
      if (isPunct(n, '(')) depth++;
      if (isPunct(n, ')')) depth--;
    }
  }

  private definedOperand(op: PPToken): boolean {
    let n = this.next();
    const paren = isPunct(n, '(');
    if (paren) n = this.next();
    if (n.kind !== 'ident') {
      if (n.kind === 'eof') this.unget();
      this.error(n.kind === 'eof' ? op : n, "operator 'defined' needs a macro name, like defined(NAME)");
      return false;
    }
    if (paren) {
      const close = this.next();
      if (!isPunct(close, ')')) {
        if (close.kind === 'eof') this.unget();
        this.error(op, "missing ')' after 'defined(NAME'");
      }
    }
    return this.macros.has(n.text);
  }

  private hasInclude(op: PPToken): boolean {
    const toks: PPToken[] = [];
    if (!isPunct(this.next(), '(')) {
      this.unget();
      this.error(op, `${op.text} needs a header name in parentheses, like ${op.text}(<stdint.h>)`);
      return false;
    }
    for (let t = this.next(); !isPunct(t, ')'); t = this.next()) {
      if (t.kind === 'eof') {
        this.unget();
        this.error(op, `missing ')' after ${op.text}(`);
        return false;
      }
      toks.push(t);
    }
    const h = this.headerName(toks, false) ?? this.headerName(this.expandList(toks), false);
    return h !== undefined && this.findHeader(h, op.text === '__has_include_next') !== undefined;
  }

  private numberToken(text: string, at: PPToken): PPToken {
    return newToken('number', text, at.loc, at.length, at.hasSpace, false, undefined, undefined, undefined, undefined);
  }

  private stringToken(value: string, at: PPToken): PPToken {
    const text = `"${value.replace(/[\\"]/g, (c) => '\\' + c)}"`;
    return newToken('string', text, at.loc, at.length, at.hasSpace, false, undefined, undefined, undefined, undefined);
  }

  private defineBuiltins(): void {
    const builtin = (name: string, f: (use: PPToken) => PPToken[]): void => {
      this.macros.set(name, { name, params: null, variadic: false, body: [], loc: NO_LOC, builtin: f });
    };
    builtin('__FILE__', (u) => [this.stringToken(this.file.path, u)]);
    builtin('__BASE_FILE__', (u) => [this.stringToken(this.baseFile, u)]);
    builtin('__LINE__', (u) => [this.numberToken(String((u.expandedFrom ?? u.loc).line), u)]);
    builtin('__COUNTER__', (u) => [this.numberToken(String(this.counter++), u)]);
    builtin('__INCLUDE_LEVEL__', (u) => [this.numberToken(String(this.includeDepth), u)]);
    const onlyInIf = (u: PPToken): PPToken[] => {
      this.error(u, `${u.text} can only be used in #if and #elif`);
      return [];
    };
    for (const name of ['__has_include', '__has_include_next', ...HAS_FEATURE]) builtin(name, onlyInIf);
  }
}

const DIRECTIVES = ['define', 'undef', 'include', 'include_next', 'if', 'ifdef', 'ifndef', 'elif', 'else', 'endif', 'error', 'warning', 'pragma', 'line'];

/** The directive a misspelling most likely meant (at most two edits away). */
function closestDirective(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const d of DIRECTIVES) {
    const dist = editDistance(word, d);
    if (dist < bestDistance) [best, bestDistance] = [d, dist];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Where a "…" include was looked for. Like gcc, the name is relative to the including
 * file's directory, not to the directory the compiler runs in: `#include __FILE__` in
 * dir/f.c looks for dir/dir/f.c, and saying so names the cause. */
function quotedWhere(including: string, name: string): string {
  const dir = dirname(including);
  if (dir === '' || name.startsWith('/')) return "the including file's directory and the include directories";
  return `'${joinPath(dir, name)}' (a quoted name is relative to the including file's directory, '${dir}') and the include directories`;
}
