// Assembler directives of GNU as that compilers emit (gas manual, "Assembler
// Directives"): sections, symbol binding/type/size, alignment, data, strings,
// .set/.equ, .comm, .org, and .file/.loc for the line table. Debug/ABI notes are ignored.

import type { AsmTok } from './asm-lexer.ts';
import { parseExpr, type Expr } from './asm-expr.ts';
import { EncodeError } from './encode.ts';
import type { AsmState } from './assemble.ts';
import type { SectionKind } from './object.ts';
import { charCodesToString } from '../big-arrays.ts';
import { nameTable } from '../name-table.ts';

const IGNORED = new Set(['.ident', '.option', '.attribute', '.addrsig', '.addrsig_sym', '.hidden', '.protected',
  '.internal', '.end', '.text_end', '.cfi_sections', '.variant_cc']);
const DATA_SIZES: Record<string, number> = nameTable({
  '.byte': 1, '.half': 2, '.short': 2, '.2byte': 2, '.word': 4, '.long': 4, '.4byte': 4, '.int': 4,
  '.quad': 8, '.8byte': 8, '.dword': 8,
});
const NOP = 0x00000013;

export function runDirective(st: AsmState, name: string, args: AsmTok[][], endCol: number): void {
  if (IGNORED.has(name) || name.startsWith('.cfi_')) return;
  if (name in DATA_SIZES) { for (const a of args) emitData(st, DATA_SIZES[name], a, endCol); return; }
  switch (name) {
    case '.text': case '.data': case '.bss': case '.rodata': st.switchTo(name); return;
    case '.section': case '.pushsection': sectionDirective(st, name, args); return;
    case '.popsection': {
      const s = st.sectionStack.pop();
      if (!s) throw new EncodeError('.popsection without a matching .pushsection');
      st.switchTo(s.name);
      return;
    }
    case '.previous': if (st.previous) st.switchTo(st.previous.name); return;
    case '.globl': case '.global': case '.local': case '.weak': bindSymbols(st, name, args); return;
    case '.type': typeDirective(st, args); return;
    case '.size': sizeDirective(st, args, endCol); return;
    case '.align': case '.p2align': align(st, 1 << constArg(st, args[0], endCol, 0, 16), args, endCol); return;
    case '.balign': {
      const n = constArg(st, args[0], endCol, 1, 1 << 16);
      if (n & (n - 1)) throw new EncodeError(`.balign ${n}: the alignment must be a power of two`);
      align(st, n, args, endCol);
      return;
    }
    case '.zero': case '.space': case '.skip': {
      const n = constArg(st, args[0], endCol, 0, 1 << 26);
      const fill = args.length > 1 ? constArg(st, args[1], endCol, -128, 255) : 0;
      st.emitBytes(new Array<number>(n).fill(fill));
      return;
    }
    case '.string': case '.asciz': case '.ascii': strings(st, args, name !== '.ascii'); return;
    case '.set': case '.equ': case '.equiv': setSymbol(st, args, endCol); return;
    case '.comm': case '.lcomm': common(st, name, args, endCol); return;
    case '.file': fileDirective(st, args); return;
    case '.loc': locDirective(st, args, endCol); return;
    case '.org': org(st, args[0], endCol); return;
  }
  throw new EncodeError(`unknown directive '${name}'`);
}

function nameArg(args: AsmTok[][], i: number, what: string): string {
  const g = args[i];
  if (!g || g.length !== 1 || (g[0].kind !== 'name' && g[0].kind !== 'str')) throw new EncodeError(`${what} expected`);
  return g[0].kind === 'str' ? charCodesToString(g[0].bytes!) : g[0].text;
}

function constArg(st: AsmState, g: AsmTok[] | undefined, endCol: number, lo: number, hi: number): number {
  if (!g || g.length === 0) throw new EncodeError('a number is expected');
  const v = st.evaluate(parseExpr(g, endCol));
  if (v.sym !== undefined || v.mod) throw new EncodeError(`a constant is expected, found '${g.map((t) => t.text).join('')}'`);
  if (v.value < lo || v.value > hi) throw new EncodeError(`${v.value} is out of range ${lo}..${hi}`);
  return v.value;
}

function sectionDirective(st: AsmState, name: string, args: AsmTok[][]): void {
  const secName = nameArg(args, 0, 'a section name');
  const flags = args[1]?.[0]?.kind === 'str' ? charCodesToString(args[1][0].bytes!) : '';
  const typeToks = args[2] ?? [];
  const nobits = typeToks.some((t) => t.text === 'nobits');
  let kind: SectionKind | undefined;
  const byName = sectionKindOf(secName);
  if (byName === 'other' && flags.includes('a')) kind = flags.includes('x') ? 'text' : nobits ? 'bss' : flags.includes('w') ? 'data' : 'rodata';
  if (name === '.pushsection') st.sectionStack.push(st.current);
  st.switchTo(secName, kind);
}

function sectionKindOf(n: string): SectionKind {
  return /^\.(text|s?rodata|s?data|s?bss)(\.|$)/.test(n) ? (n.includes('bss') ? 'bss' : n.includes('rodata') ? 'rodata' : n.includes('text') ? 'text' : 'data') : 'other';
}

function bindSymbols(st: AsmState, name: string, args: AsmTok[][]): void {
  args.forEach((_, i) => {
    const s = st.symbol(nameArg(args, i, 'a symbol name'));
    s.binding = name === '.local' ? 'local' : name === '.weak' ? 'weak' : 'global';
    s.explicitBinding = true;
  });
}

function typeDirective(st: AsmState, args: AsmTok[][]): void {
  const s = st.symbol(nameArg(args, 0, 'a symbol name'));
  const t = (args[1] ?? []).map((x) => x.text).join('');
  if (/function|STT_FUNC/.test(t)) s.type = 'func';
  else if (/object|STT_OBJECT/.test(t)) s.type = 'object';
}

function sizeDirective(st: AsmState, args: AsmTok[][], endCol: number): void {
  const s = st.symbol(nameArg(args, 0, 'a symbol name'));
  if (st.pass === 2) s.size = constArg(st, args[1], endCol, 0, 0x7fffffff);
}

function align(st: AsmState, n: number, args: AsmTok[][], endCol: number): void {
  const sec = st.current;
  sec.align = Math.max(sec.align, n);
  const pad = (n - (sec.size % n)) % n;
  if (pad === 0) return;
  const fill = args.length > 1 && args[1].length > 0 ? constArg(st, args[1], endCol, -128, 255) : undefined;
  if (sec.kind === 'text' && fill === undefined && pad % 4 === 0) {
    for (let i = 0; i < pad; i += 4) st.emitWord(NOP);
  } else {
    st.emitBytes(new Array<number>(pad).fill(fill ?? 0));
  }
}

function emitData(st: AsmState, size: number, g: AsmTok[], endCol: number): void {
  if (st.pass === 1) { st.current.size += size; return; }
  if (size === 8 && g.length === 1 && g[0].kind === 'num') {
    // 64-bit constants: use the exact spelling, not the 32-bit expression value.
    const big = BigInt.asUintN(64, BigInt(g[0].text.startsWith("'") ? g[0].value! : g[0].text));
    st.emitBytes(Array.from({ length: 8 }, (_, i) => Number((big >> BigInt(8 * i)) & 0xffn)));
    return;
  }
  if (g.length === 1 && g[0].kind === 'num') {
    // A plain number, as in codegen's `.byte 1, 0, 0, 0` lines (an initialised array makes
    // hundreds of thousands): its bytes straight away, with no expression tree to evaluate.
    const x = g[0].value!;
    if (size === 4) st.emitWord(x);
    else st.emitBytes(size === 1 ? [x] : [x, x >> 8]);
    return;
  }
  const e = parseExpr(g, endCol);
  if (size === 4 && crossSectionDifference(st, e)) return;
  const v = st.evaluate(e);
  if (v.mod) throw new EncodeError(`%${v.mod}(...) cannot be used in data`);
  if (v.sym !== undefined) {
    if (size !== 4) throw new EncodeError(`an address needs a 4-byte field (.word), not ${size} bytes`);
    st.addReloc('R_RISCV_32', v.sym, v.value);
    st.emitWord(0);
    return;
  }
  const x = v.value;
  const bytes = [x, x >> 8, x >> 16, x >> 24, x < 0 ? -1 : 0, x < 0 ? -1 : 0, x < 0 ? -1 : 0, x < 0 ? -1 : 0];
  st.emitBytes(bytes.slice(0, size));
}

/** `.word a - b` with a and b in different sections (Linux's __bug_table and exception tables:
 * "1b - 2b"): gas leaves the difference to the linker as an R_RISCV_ADD32/R_RISCV_SUB32 pair. */
function crossSectionDifference(st: AsmState, e: Expr): boolean {
  if (e.kind !== 'binary' || e.op !== '-') return false;
  const l = st.evaluate(e.l), r = st.evaluate(e.r);
  if (l.sym === undefined || r.sym === undefined || l.mod || r.mod) return false;
  if (r.section === undefined || l.section === r.section) return false; // the same section: a constant; b external: an error
  st.addReloc('R_RISCV_ADD32', l.sym, l.value);
  st.addReloc('R_RISCV_SUB32', r.sym, r.value);
  st.emitWord(0);
  return true;
}

/** `.org EXPR`: moves on to an offset of the current section (a label of it plus a constant, or
 * a number), filling with zeros; as in gas, it never moves back. */
function org(st: AsmState, g: AsmTok[] | undefined, endCol: number): void {
  if (!g || g.length === 0) throw new EncodeError('.org needs an offset: .org LABEL + N');
  const v = st.evaluate(parseExpr(g, endCol));
  if (v.mod || (v.sym !== undefined && v.section !== st.current.name)) throw new EncodeError(`.org must name an offset in section '${st.current.name}'`);
  const target = v.sym === undefined ? v.value : v.symOffset! + v.value;
  if (target < st.current.size) throw new EncodeError(`.org cannot move back (to offset ${target}; already at ${st.current.size})`);
  st.emitBytes(new Array<number>(target - st.current.size).fill(0));
}

function strings(st: AsmState, args: AsmTok[][], nul: boolean): void {
  for (const g of args) {
    if (g.length !== 1 || g[0].kind !== 'str') throw new EncodeError('a string in double quotes is expected');
    st.emitBytes(nul ? [...g[0].bytes!, 0] : g[0].bytes!);
  }
}

function setSymbol(st: AsmState, args: AsmTok[][], endCol: number): void {
  const name = nameArg(args, 0, 'a symbol name');
  if (!args[1] || args[1].length === 0) throw new EncodeError(`a value for '${name}' is expected`);
  const v = st.evaluate(parseExpr(args[1], endCol));
  const s = st.symbol(name);
  if (v.mod) throw new EncodeError(`%${v.mod}(...) cannot define a symbol`);
  if (v.sym === undefined) { s.defined = true; s.abs = v.value; return; }
  if (v.section === undefined) throw new EncodeError(`'${name}' must be defined from a label of this file`);
  s.defined = true;
  s.abs = undefined;
  s.section = v.section;
  s.offset = v.symOffset! + v.value;
  if (v.value === 0) s.aliasOf = v.sym;
}

function common(st: AsmState, name: string, args: AsmTok[][], endCol: number): void {
  const sym = nameArg(args, 0, 'a symbol name');
  const size = constArg(st, args[1], endCol, 0, 1 << 28);
  const al = args.length > 2 ? constArg(st, args[2], endCol, 1, 1 << 16) : Math.min(16, 1 << Math.ceil(Math.log2(Math.max(1, size))));
  const saved = st.current;
  // .comm symbols go to COMMON (gas: SHN_COMMON), .lcomm ones to .bss.
  st.switchTo(name === '.comm' ? 'COMMON' : '.bss', 'bss');
  align(st, al, [], endCol);
  const s = st.symbol(sym);
  if (!s.defined || st.pass === 2) st.defineLabel(sym);
  s.type = 'object';
  s.size = size;
  if (name === '.comm' && !s.explicitBinding) s.binding = 'global';
  st.emitBytes(new Array<number>(size).fill(0));
  st.switchTo(saved.name);
}

function fileDirective(st: AsmState, args: AsmTok[][]): void {
  if (args.length === 1 && args[0].length === 2 && args[0][0].kind === 'num' && args[0][1].kind === 'str') {
    st.fileNames.set(args[0][0].value!, charCodesToString(args[0][1].bytes!));
  }
}

function locDirective(st: AsmState, args: AsmTok[][], _endCol: number): void {
  if (st.pass !== 2) return;
  const toks = args[0] ?? [];
  const firstOther = toks.findIndex((t) => t.kind !== 'num');
  const nums = toks.slice(0, firstOther < 0 ? toks.length : firstOther).map((t) => t.value!);
  if (nums.length < 2) throw new EncodeError('.loc takes a file number and a line: .loc 1 LINE [COLUMN]');
  const file = st.fileNames.get(nums[0]);
  if (file === undefined) throw new EncodeError(`.loc uses file number ${nums[0]}, which no '.file ${nums[0]} "name"' declared`);
  const entry = { section: st.current.name, address: st.current.size, file, line: nums[1], col: nums[2] ?? 0 };
  st.sourceLoc = { file, line: entry.line, col: Math.max(1, entry.col), offset: 0 };
  const last = st.lines[st.lines.length - 1];
  if (last && last.section === entry.section && last.address === entry.address) st.lines[st.lines.length - 1] = entry;
  else st.lines.push(entry);
}
