// What a name in a C file stands for, for the editor's hover and go-to-definition:
// the translation unit is preprocessed and parsed (no code generated), and its
// functions, variables, typedefs and macros are kept with where each was declared.
// Read-only: it asks the compiler's stages what they found and changes nothing.
//
// A name is resolved the way C sees it at that place, in this order: a local or
// parameter of the function around it, a macro (the preprocessor replaced the
// name before the parser saw it), a file-scope function or variable, a typedef.

import type { Diagnostic } from './diagnostics.ts';
import type { CompileInput } from './compile.ts';
import type { Obj } from './parse/ast.ts';
import { parse } from './parse/parse.ts';
import { typeName, type Type } from './parse/types.ts';
import type { Macro } from './preprocess/macros.ts';
import { preprocess } from './preprocess/preprocess.ts';
import type { SourceLoc } from './preprocess/token.ts';

export type SymbolKind = 'function' | 'variable' | 'parameter' | 'local' | 'typedef' | 'macro';

export interface SymbolInfo {
  name: string;
  kind: SymbolKind;
  /** What hover shows: a function's prototype, a variable's declaration, a macro's #define. */
  detail: string;
  /** Where it is declared (a function: its definition when the unit has one). */
  loc: SourceLoc;
}

export interface SymbolIndex {
  /** The file compiled. */
  file: string;
  globals: ReadonlyMap<string, Obj>;
  /** Functions with a body, in source order, for finding the one around a line. */
  functions: readonly Obj[];
  typedefs: ReadonlyMap<string, { ty: Type; loc: SourceLoc }>;
  macros: ReadonlyMap<string, Macro>;
}

/** Preprocesses and parses `input`; the index holds whatever was declared before any error. */
export function indexSymbols(input: CompileInput): SymbolIndex {
  const diags: Diagnostic[] = [];
  let macros: ReadonlyMap<string, Macro> = new Map();
  const tokens = preprocess(input.file, input.source, {
    includeDirs: input.includeDirs ?? [],
    defines: input.defines ?? {},
    readFile: input.readFile ?? (() => undefined),
    includes: input.includes,
    // A copy: the preprocessor's table may be reused by a later run.
    onMacros: (table) => { macros = new Map(table); },
  }, diags);
  const tu = parse(tokens, diags);
  const globals = new Map<string, Obj>();
  for (const g of tu.globals) {
    const seen = globals.get(g.name);
    // The definition wins over a declaration; a static local's label differs from its name.
    if (g.label.startsWith('.L')) continue;
    if (!seen || (g.isDefinition && !seen.isDefinition)) globals.set(g.name, g);
  }
  const functions = tu.globals.filter((g) => g.isFunction && g.body !== undefined).sort((a, b) => a.loc.offset - b.loc.offset);
  return { file: input.file, globals, functions, typedefs: tu.typedefs ?? new Map(), macros };
}

/** The identifier under (or just before) 1-based `col` of line `line` of `text`, with its 1-based start column. */
export function identifierAt(text: string, line: number, col: number): { name: string; col: number } | undefined {
  const lines = text.split('\n');
  const s = lines[line - 1];
  if (s === undefined) return undefined;
  const word = /[A-Za-z_][A-Za-z0-9_]*/g;
  for (let m = word.exec(s); m; m = word.exec(s)) {
    const start = m.index + 1, end = start + m[0].length;
    if (col >= start && col <= end) return /^[0-9]/.test(m[0]) ? undefined : { name: m[0], col: start };
  }
  return undefined;
}

/** What `name`, written at `at`, stands for; undefined for a keyword, a member or an unknown name. */
export function lookupSymbol(index: SymbolIndex, name: string, at: { file: string; line: number; col: number }): SymbolInfo | undefined {
  const local = at.file === index.file ? localAt(index, name, at) : undefined;
  if (local) return local;
  const macro = index.macros.get(name);
  if (macro && !macro.builtin) return { name, kind: 'macro', detail: macroDefinition(macro), loc: macro.loc };
  const g = index.globals.get(name);
  if (g) return { name, kind: g.isFunction ? 'function' : 'variable', detail: declaration(g), loc: g.loc };
  const t = index.typedefs.get(name);
  if (t) return { name, kind: 'typedef', detail: `typedef ${typeName(t.ty)} ${name}`, loc: t.loc };
  return undefined;
}

/** A parameter or local of the function whose body holds `at`, declared before it (the innermost wins). */
function localAt(index: SymbolIndex, name: string, at: { line: number; col: number }): SymbolInfo | undefined {
  let fn: Obj | undefined;
  for (const f of index.functions) {
    if (f.loc.file !== index.file) continue;
    if (f.loc.line < at.line || (f.loc.line === at.line && f.loc.col <= at.col)) fn = f;
  }
  if (!fn) return undefined;
  const before = (o: Obj) => o.loc.file === index.file && (o.loc.line < at.line || (o.loc.line === at.line && o.loc.col <= at.col));
  const candidates = [...(fn.params ?? []), ...(fn.locals ?? [])].filter((o) => o.name === name && before(o));
  if (candidates.length === 0) return undefined;
  const o = candidates.reduce((a, b) => (b.loc.offset > a.loc.offset ? b : a));
  return { name, kind: o.isParam ? 'parameter' : 'local', detail: declaration(o), loc: o.loc };
}

/** C's spelling of a declaration: `int request_irq(unsigned int irq, irq_handler_t handler, ...)`, `static int count`. */
export function declaration(o: Obj): string {
  const storage = !o.isLocal && o.isStatic ? 'static ' : '';
  const ty = o.ty;
  if (ty.kind === 'func') {
    const names = o.params?.map((p) => p.name) ?? ty.params.map((p) => p.name);
    const ps = ty.params.map((p, i) => withName(p.ty, names[i]));
    if (ty.variadic) ps.push('...');
    if (ps.length === 0 && !ty.oldStyle) ps.push('void');
    return `${storage}${o.isInline ? 'inline ' : ''}${typeName(ty.ret)}${typeName(ty.ret).endsWith('*') ? '' : ' '}${o.name}(${ps.join(', ')})`;
  }
  return storage + withName(ty, o.name);
}

/** `unsigned long x`, `char *name`, `int buf[16]`, `irqreturn_t (*fn)(int, void *)`. */
function withName(ty: Type, name: string | undefined): string {
  if (!name) return typeName(ty);
  if (!ty.alias) {
    if (ty.kind === 'array') return `${typeName(ty.base)} ${name}[${ty.len < 0 ? '' : ty.len}]`;
    if (ty.kind === 'ptr' && ty.base.kind === 'func') return typeName(ty).replace('(*)', `(*${name})`);
  }
  const t = typeName(ty);
  return t.endsWith('*') ? `${t}${name}` : `${t} ${name}`;
}

/** `#define NAME(params) body`, as written (spacing normalised to single spaces). */
export function macroDefinition(m: Macro): string {
  let head = `#define ${m.name}`;
  if (m.params) {
    const ps = m.params.map((p, i) => (m.variadic && i === m.params!.length - 1 ? (p === '__VA_ARGS__' ? '...' : `${p}...`) : p));
    head += `(${ps.join(', ')})`;
  }
  const body = m.body.map((t, i) => (i > 0 && t.hasSpace ? ' ' : '') + t.text).join('');
  return body ? `${head} ${body}` : head;
}
