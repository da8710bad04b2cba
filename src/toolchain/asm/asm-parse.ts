// Parses GNU as source into statements: labels, directives and instructions
// with their operands. Numeric local labels (`1:` … `1b`/`1f`) are renamed
// here to unique names, since their meaning depends only on textual order.

import { lexLine, splitStatements, AsmLexError, type AsmTok } from './asm-lexer.ts';
import { parseExpr, AsmSyntaxError, type Expr } from './asm-expr.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLoc } from '../preprocess/token.ts';

export type Operand =
  | { kind: 'reg'; reg: number; text: string }
  | { kind: 'expr'; e: Expr; text: string }
  | { kind: 'mem'; offset: Expr; base: number; text: string };

/** Where a statement starts in the assembly text (its file is the assembler's): plain numbers,
 * not a SourceLoc object each, since a megabyte of C makes a few hundred thousand statements. */
export interface Place { line: number; col: number; offset: number }

export type Statement =
  | ({ kind: 'label'; name: string } & Place)
  | ({ kind: 'directive'; name: string; args: AsmTok[][]; endCol: number } & Place)
  | ({ kind: 'insn'; mnemonic: string; ops: Operand[] } & Place);

export function statementLoc(file: string, s: Place): SourceLoc {
  return { file, line: s.line, col: s.col, offset: s.offset };
}

const ABI_NAMES = ['zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6'];
const REGS = new Map<string, number>();
ABI_NAMES.forEach((n, i) => { REGS.set(n, i); REGS.set(`x${i}`, i); });
REGS.set('fp', 8);

export function regNumber(name: string): number | undefined {
  return REGS.get(name);
}

/** A local-label name no C or assembly identifier can collide with. */
export function numericLabelName(n: number, instance: number): string {
  return `.L${n}\u0002${instance}`;
}

/** Lines remembered before the caches start afresh. Most repeated lines (`lw a0, -12(s0)`)
 * recur within a function or two, while lines naming a symbol (`.globl f123`, `call f122`)
 * occur once: caches that kept every line would grow with the program, and in a megabyte of C
 * their hundreds of thousands of entries cost the garbage collector more than parsing again. */
const LINE_CACHE_LIMIT = 4096;

/** `fastPaths: false` sends every line through the general parser: the tests check that the
 * fast paths give the very statements it gives. */
export function parseAsm(file: string, text: string, diags: Diagnostic[], fastPaths = true): Statement[] {
  const out: Statement[] = [];
  const numericCount = new Map<number, number>();
  const simple = new Map<string, SimpleLine | null>();
  /** Lines the general parser took: null once seen, their statements once seen twice. */
  const general = new Map<string, Statement[] | null>();
  let offset = 0;
  let lineNo = 0;
  // One line at a time rather than text.split: an array of every line would keep half a
  // million strings alive to the end, and the garbage collector would copy them all.
  while (offset <= text.length) {
    const eol = text.indexOf('\n', offset);
    const line = text.slice(offset, eol < 0 ? text.length : eol);
    lineNo++;
    if (simple.size > LINE_CACHE_LIMIT) simple.clear();
    if (general.size > LINE_CACHE_LIMIT) general.clear();
    if (fastPaths && parseSimpleLine(file, line, lineNo, offset, out, simple)) {
      offset += line.length + 1;
      continue;
    }
    const seen = general.get(line);
    if (seen) {
      for (const t of seen) out.push({ ...t, line: lineNo, offset: t.offset + offset });
    } else {
      const first = out.length;
      const reusable = parseGeneralLine(file, line, lineNo, offset, numericCount, out, diags);
      // Directives like `.section .sdata,"aw"` or `.balign 4` repeat: parsed once, places made relative.
      // Lines naming a symbol (`.globl f12`) occur once, so a line is kept only when it comes back.
      if (reusable) general.set(line, seen === null ? out.slice(first).map((t) => ({ ...t, line: 0, offset: t.offset - offset })) : null);
    }
    offset += line.length + 1;
  }
  return out;
}

/** Parses a line the fast path does not take; returns whether its statements can be reused for
 * the same text elsewhere (no error, and no numeric local label, whose meaning depends on place). */
function parseGeneralLine(file: string, line: string, lineNo: number, offset: number,
  numericCount: Map<number, number>, out: Statement[], diags: Diagnostic[]): boolean {
  let reusable = true;
  const parts = line.includes(';') ? splitStatements(line) : [{ text: line, colBase: 0 }];
  for (const part of parts) {
    const at = new LocMaker(file, lineNo, part.colBase, offset);
    try {
      const toks = lexLine(part.text);
      if (toks.some((t, i) => t.kind === 'numlabel' || (t.kind === 'num' && toks[i + 1]?.text === ':'))) reusable = false;
      parseStatement(toks, part.text.length + 1, at, numericCount, out);
    } catch (err) {
      if (!(err instanceof AsmLexError || err instanceof AsmSyntaxError)) throw err;
      diags.push({ severity: 'error', message: err.message, loc: at.loc(err.col), length: 1 });
      reusable = false;
    }
  }
  return reusable;
}

const SIMPLE_INSN = /^(\s*)([a-z][a-z0-9.]*)(?:\s+([A-Za-z0-9_., ()$%+-]*))?\s*$/;
/** `%hi(sym)`, `%lo(sym+8)(a0)`: how codegen addresses a global. */
const HI_LO = /^%(hi|lo)\(([A-Za-z_.$][A-Za-z0-9_.$]*)(?:([+-])(0|[1-9][0-9]{0,8}))?\)(?:\(([a-z0-9]+)\))?$/;
const SIMPLE_LABEL = /^([A-Za-z_.$][A-Za-z0-9_.$]*):\s*$/;
const SIMPLE_LOC = /^(\s*)\.loc\s+(\d+)\s+(\d+)\s+(\d+)\s*$/;
const SIMPLE_DATA = /^(\s*)(\.byte|\.half|\.word)\s+(-?\d+(?:,\s*-?\d+)*)\s*$/;
const INT = /^-?(?:0|[1-9][0-9]*)$/;
const MEM = /^(-?(?:0|[1-9][0-9]*))?\(([a-z0-9]+)\)$/;

/** What a simple line parses to, apart from its place: compilers repeat the same
 * lines (`lw a0, -12(s0)`) thousands of times, so each distinct one is parsed once
 * and its (never modified) operands are shared by the statements. */
type SimpleLine =
  | { kind: 'insn'; mnemonic: string; ops: Operand[]; col: number }
  | { kind: 'directive'; name: string; args: AsmTok[][]; col: number; endCol: number };

/** Fast path for the lines compilers emit most (`label:`, `op reg, reg, 12`, `op reg, 8(reg)`,
 * `.loc 1 2 3`, `.byte 1, 2`): no lexer, no expression trees. Returns false to let the
 * general parser take the line. */
function parseSimpleLine(file: string, line: string, lineNo: number, offset: number, out: Statement[], cache: Map<string, SimpleLine | null>): boolean {
  // An indented line is never a label: most lines are, so they skip the label pattern.
  const first = line.charCodeAt(0);
  const label = first === 9 || first === 32 ? null : SIMPLE_LABEL.exec(line);
  if (label) {
    if (/^[0-9]/.test(label[1])) return false;
    out.push({ kind: 'label', name: label[1], line: lineNo, col: 1, offset });
    return true;
  }
  // Directives naming a symbol (`.globl f12`, `.size f12, .-f12`) occur once each: parsed on the spot, never cached.
  if (first === 9 && line.charCodeAt(1) === 46) {
    const symbolic = simpleSymbolDirective(line);
    if (symbolic) {
      out.push({ kind: 'directive', name: symbolic.name, args: symbolic.args, endCol: symbolic.endCol, line: lineNo, col: symbolic.col, offset: offset + symbolic.col - 1 });
      return true;
    }
  }
  let parsed = cache.get(line);
  if (parsed === undefined) {
    parsed = simpleLoc(line) ?? simpleData(line) ?? simpleInsn(line);
    // .loc lines are nearly all different: remembering them would only cost memory.
    if (parsed?.kind !== 'directive' || parsed.name !== '.loc') cache.set(line, parsed);
  }
  if (parsed === null) return false;
  const col = parsed.col, at = offset + parsed.col - 1;
  if (parsed.kind === 'insn') out.push({ kind: 'insn', mnemonic: parsed.mnemonic, ops: parsed.ops, line: lineNo, col, offset: at });
  else out.push({ kind: 'directive', name: parsed.name, args: parsed.args, endCol: parsed.endCol, line: lineNo, col, offset: at });
  return true;
}

function simpleInsn(line: string): SimpleLine | null {
  const m = SIMPLE_INSN.exec(line);
  if (!m) return null;
  const ops: Operand[] = [];
  if (m[3] !== undefined && m[3] !== '') {
    for (const raw of m[3].split(',')) {
      const op = simpleOperand(raw.trim());
      if (!op) return null;
      ops.push(op);
    }
  }
  return { kind: 'insn', mnemonic: m[2], ops, col: m[1].length + 1 };
}

/** `.loc FILE LINE COL`, one group of three numbers as the lexer would give. */
function simpleLoc(line: string): SimpleLine | null {
  const m = SIMPLE_LOC.exec(line);
  if (!m) return null;
  const col = m[1].length + 1;
  const nums = [m[2], m[3], m[4]].map((text) => ({ kind: 'num' as const, text, col: line.indexOf(text, col + 4) + 1, value: Number(text) }));
  return { kind: 'directive', name: '.loc', args: [nums], col, endCol: line.length + 1 };
}

const SYMBOL_DIRECTIVE = /^\t(\.globl|\.global|\.local|\.weak|\.type|\.size) ([A-Za-z_.$][A-Za-z0-9_.$]*)(?:, (@function|@object|0|[1-9][0-9]{0,8}|\.-([A-Za-z_.$][A-Za-z0-9_.$]*)))?$/;

/** `.globl NAME`, `.type NAME, @function`, `.size NAME, 16` and `.size NAME, .-NAME` as
 * compilers write them (tab, one space, ", "), with the tokens the lexer would give. */
function simpleSymbolDirective(line: string): { name: string; args: AsmTok[][]; col: number; endCol: number } | null {
  const m = SYMBOL_DIRECTIVE.exec(line);
  if (!m) return null;
  const name = m[1], sym = m[2], second = m[3];
  const symCol = 3 + name.length;
  const args: AsmTok[][] = [[{ kind: 'name', text: sym, col: symCol }]];
  if (second !== undefined) {
    const at = symCol + sym.length + 2;
    if (second[0] === '@') args.push([{ kind: 'punct', text: '@', col: at }, { kind: 'name', text: second.slice(1), col: at + 1 }]);
    else if (m[4] !== undefined) args.push([{ kind: 'name', text: '.', col: at }, { kind: 'punct', text: '-', col: at + 1 }, { kind: 'name', text: m[4], col: at + 2 }]);
    else args.push([{ kind: 'num', text: second, col: at, value: Number(second) }]);
  } else if (name === '.type' || name === '.size') {
    return null; // one operand only: the general parser's business (and its message)
  }
  return { name, args, col: 2, endCol: line.length + 1 };
}

/** `.byte 1, 0, -3`: plain decimal numbers, one per group. */
function simpleData(line: string): SimpleLine | null {
  const m = SIMPLE_DATA.exec(line);
  if (!m || /(^|\D)0\d/.test(m[3])) return null; // a leading 0 is octal: the lexer's business
  const col = m[1].length + 1;
  const args: AsmTok[][] = [];
  let at = line.indexOf(m[3], col + m[2].length - 1);
  for (const raw of m[3].split(',')) {
    const text = raw.trim();
    const start = line.indexOf(text, at);
    args.push(text[0] === '-' ? [{ kind: 'punct', text: '-', col: start + 1 }, { kind: 'num', text: text.slice(1), col: start + 2, value: Number(text.slice(1)) }]
      : [{ kind: 'num', text, col: start + 1, value: Number(text) }]);
    at = start + text.length;
  }
  return { kind: 'directive', name: m[2], args, col, endCol: line.length + 1 };
}

function simpleOperand(text: string): Operand | undefined {
  const r = REGS.get(text);
  if (r !== undefined) return { kind: 'reg', reg: r, text };
  if (INT.test(text)) return { kind: 'expr', e: { kind: 'num', value: Number(text) }, text };
  const mem = MEM.exec(text);
  if (mem) {
    const base = REGS.get(mem[2]);
    if (base === undefined) return undefined;
    return { kind: 'mem', offset: { kind: 'num', value: mem[1] ? Number(mem[1]) : 0 }, base, text };
  }
  if (text !== '.' && /^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(text)) return { kind: 'expr', e: { kind: 'sym', name: text }, text };
  if (text.charCodeAt(0) === 37) return hiLoOperand(text);
  return undefined;
}

/** `%hi(v+4)` or `%lo(v+4)(t1)`, as the expression parser would build them. */
function hiLoOperand(text: string): Operand | undefined {
  const m = HI_LO.exec(text);
  if (!m) return undefined;
  const sym: Expr = { kind: 'sym', name: m[2] };
  const inner: Expr = m[3] === undefined ? sym : { kind: 'binary', op: m[3], l: sym, r: { kind: 'num', value: Number(m[4]) } };
  const e: Expr = { kind: 'mod', op: m[1] as 'hi' | 'lo', e: inner };
  // The general parser's operand text joins its tokens, and the lexer's `%hi` token reads `hi`.
  const joined = text.slice(1);
  if (m[5] === undefined) return { kind: 'expr', e, text: joined };
  const base = REGS.get(m[5]);
  return base === undefined ? undefined : { kind: 'mem', offset: e, base, text: joined };
}

/** Source places of one statement's tokens (a class, not a closure: this runs per line). */
class LocMaker {
  constructor(readonly file: string, readonly line: number, readonly colBase: number, readonly lineOffset: number) {}
  loc(col: number): SourceLoc {
    return { file: this.file, ...this.place(col) };
  }
  place(col: number): Place {
    return { line: this.line, col: this.colBase + col, offset: this.lineOffset + this.colBase + col - 1 };
  }
}

function parseStatement(toks: AsmTok[], endCol: number, at: LocMaker,
  numericCount: Map<number, number>, out: Statement[]): void {
  let i = 0;
  // Labels: `name:` or `1:` (possibly several on a line).
  while (i + 1 < toks.length && toks[i + 1].text === ':' && (toks[i].kind === 'name' || toks[i].kind === 'num')) {
    const t = toks[i];
    let name = t.text;
    if (t.kind === 'num') {
      const n = numericCount.get(t.value!) ?? 0;
      name = numericLabelName(t.value!, n);
      numericCount.set(t.value!, n + 1);
    }
    out.push({ kind: 'label', name, ...at.place(t.col) });
    i += 2;
  }
  if (i >= toks.length) return;
  const head = toks[i];
  if (head.kind !== 'name') throw new AsmSyntaxError(`expected an instruction or a directive, found '${head.text}'`, head.col);
  const rest = toks.length > i + 1 ? renameNumericRefs(toks.slice(i + 1), numericCount) : [];
  if (rest.length >= 1 && rest[0].text === '=' ) {
    // `sym = expr` is `.set sym, expr`.
    out.push({ kind: 'directive', name: '.set', args: [[head], rest.slice(1)], ...at.place(head.col), endCol });
    return;
  }
  const groups = splitOperands(rest);
  if (head.text.startsWith('.')) {
    out.push({ kind: 'directive', name: head.text, args: groups, ...at.place(head.col), endCol });
    return;
  }
  const ops = groups.map((g) => parseOperand(g, endCol));
  out.push({ kind: 'insn', mnemonic: head.text.toLowerCase(), ops, ...at.place(head.col) });
}

function renameNumericRefs(toks: AsmTok[], numericCount: Map<number, number>): AsmTok[] {
  if (!toks.some((t) => t.kind === 'numlabel')) return toks;
  return toks.map((t) => {
    if (t.kind !== 'numlabel') return t;
    const n = numericCount.get(t.value!) ?? 0;
    if (t.dir === 'b' && n === 0) throw new AsmSyntaxError(`local label '${t.value}' is not defined before '${t.text}'`, t.col);
    const name = numericLabelName(t.value!, t.dir === 'b' ? n - 1 : n);
    return { kind: 'name', text: name, col: t.col };
  });
}

function splitOperands(toks: AsmTok[]): AsmTok[][] {
  if (toks.length === 0) return [];
  const groups: AsmTok[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t.text === '(' && t.kind === 'punct') depth++;
    if (t.text === ')' && t.kind === 'punct') depth--;
    if (t.kind === 'punct' && t.text === ',' && depth === 0) groups.push([]);
    else groups[groups.length - 1].push(t);
  }
  return groups;
}

function parseOperand(g: AsmTok[], endCol: number): Operand {
  if (g.length === 0) throw new AsmSyntaxError('missing operand', endCol);
  const text = g.length === 1 ? g[0].text : g.map((t) => t.text).join('');
  if (g.length === 1 && g[0].kind === 'name' && REGS.has(g[0].text)) return { kind: 'reg', reg: REGS.get(g[0].text)!, text };
  const n = g.length;
  if (n >= 3 && g[n - 1].text === ')' && g[n - 2].kind === 'name' && REGS.has(g[n - 2].text) && g[n - 3].text === '(' && g[n - 4]?.kind !== 'mod') {
    const offsetToks = g.slice(0, n - 3);
    const offset: Expr = offsetToks.length === 0 ? { kind: 'num', value: 0 } : parseExpr(offsetToks, g[n - 3].col);
    return { kind: 'mem', offset, base: REGS.get(g[n - 2].text)!, text };
  }
  return { kind: 'expr', e: parseExpr(g, endCol), text };
}
