// The assembler: GNU as (RISC-V, RV32) source → ObjectFile. Two passes over the
// parsed statements, as a one-pass-with-fixups assembler would do without
// relaxation: pass 1 places labels, pass 2 emits bytes, relocations and the line table.

import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLoc } from '../preprocess/token.ts';
import type { ObjectFile, ObjSymbol, Section, RelocType, SectionKind, SymbolBinding, SymbolType, LineEntry } from './object.ts';
import { sectionKind } from './object.ts';
import { parseAsm, statementLoc, type Statement, type Operand } from './asm-parse.ts';
import { evaluate, AsmSyntaxError, type Expr, type Value, type SymbolLookup } from './asm-expr.ts';
import { encodeBase, isBaseMnemonic, EncodeError, type EncodeContext } from './encode.ts';
import { expandPseudo, type Expansion } from './pseudo.ts';
import { runDirective } from './asm-directives.ts';
import { isConditionalBranch, isBaseBranch, farBranches, longBranch, type BranchSite } from './branch-relax.ts';
import { appendAll } from '../big-arrays.ts';

/** A section being assembled: the object file's Section, whose `bytes` grow
 * by doubling while only the first `size` bytes count. */
export type AsmSection = Section;

export interface AsmSymbol {
  name: string;
  section?: string;
  offset: number;
  abs?: number;
  binding: SymbolBinding;
  explicitBinding: boolean;
  type: SymbolType;
  size: number;
  defined: boolean;
  /** `.set name, other`: gas gives the alias the type and size of `other`. */
  aliasOf?: string;
}

/** The state both passes share; directives (asm-directives.ts) act on it. */
export class AsmState implements SymbolLookup {
  pass: 1 | 2 = 1;
  sections = new Map<string, AsmSection>();
  symbols = new Map<string, AsmSymbol>();
  current!: AsmSection;
  sectionStack: AsmSection[] = [];
  previous?: AsmSection;
  fileNames = new Map<number, string>();
  lines: LineEntry[] = [];
  /** Where the statement being assembled is, made only when a message or reference needs it. */
  get loc(): SourceLoc {
    return this.statement ? statementLoc(this.file, this.statement) : { file: this.file, line: 1, col: 1, offset: 0 };
  }
  /** The C source place of the last .loc, so link errors can point at the C line. */
  sourceLoc?: SourceLoc;
  private labelCounter = 0;
  /** The statement being assembled, and the conditional branches that need the long form. */
  statement?: Statement;
  longBranches = new Set<Statement>();
  /** Pass 2: the machine words of instructions whose operands are registers and numbers, by
   * their operand list, which the parser shares among the repeats of one line (\`lw a0, -12(s0)\`). */
  readonly encoded = new Map<Operand[], number[]>();
  branchSites: BranchSite<Statement>[] = [];
  readonly sizesAfterPass1 = new Map<string, number>();
  /** One encoder context for all instructions (pc and section updated per instruction). */
  readonly enc: EncodeContext = {
    evaluate: (e) => this.evaluate(e),
    pc: 0,
    section: '',
    isLocalLabel: (name) => { const s = this.symbols.get(name); return s ? s.defined && s.binding === 'local' : this.sections.has(name); },
    reloc: (type, sym, addend) => this.addReloc(type, sym, addend, this.enc.pc),
  };

  constructor(readonly file: string, readonly diags: Diagnostic[]) {}

  beginPass(pass: 1 | 2): void {
    this.pass = pass;
    this.labelCounter = 0;
    for (const s of this.sections.values()) {
      this.sizesAfterPass1.set(s.name, s.size);
      s.size = 0;
      s.relocs = [];
    }
    this.sectionStack = [];
    this.sourceLoc = undefined;
    this.switchTo('.text');
  }

  section(name: string, kind?: SectionKind): AsmSection {
    let s = this.sections.get(name);
    if (!s) {
      s = { name, kind: kind ?? sectionKind(name), align: 1, bytes: new Uint8Array(0), size: 0, relocs: [] };
      this.sections.set(name, s);
    }
    return s;
  }

  switchTo(name: string, kind?: SectionKind): void {
    this.previous = this.current;
    this.current = this.section(name, kind);
  }

  symbol(name: string): AsmSymbol {
    let s = this.symbols.get(name);
    if (!s) {
      s = { name, offset: 0, binding: 'local', explicitBinding: false, type: 'notype', size: 0, defined: false };
      this.symbols.set(name, s);
    }
    return s;
  }

  defineLabel(name: string): void {
    const s = this.symbol(name);
    if (this.pass === 1 && s.defined) throw new EncodeError(`symbol '${name}' is already defined`);
    s.defined = true;
    s.section = this.current.name;
    s.offset = this.current.size;
    s.abs = undefined;
  }

  newLabel(): string {
    return `.Lpcrel\u0002${this.labelCounter++}`;
  }

  lookup(name: string): AsmSymbol | undefined {
    const s = this.symbols.get(name);
    return s && s.defined ? s : undefined;
  }

  dot(): { section: string; offset: number } {
    return { section: this.current.name, offset: this.current.size };
  }

  evaluate(e: Expr): Value {
    try {
      return evaluate(e, this);
    } catch (err) {
      throw new EncodeError(err instanceof Error ? err.message : String(err));
    }
  }

  emitBytes(bytes: ArrayLike<number>): void {
    const sec = this.current;
    if (this.pass === 2 && sec.kind !== 'bss') {
      this.reserve(sec, bytes.length);
      for (let i = 0; i < bytes.length; i++) sec.bytes[sec.size + i] = bytes[i];
    } else if (this.pass === 2 && Array.from(bytes).some((b) => b !== 0)) {
      throw new EncodeError(`section '${sec.name}' holds no data (it is zero-filled); only zeros can go there`);
    }
    sec.size += bytes.length;
  }

  emitWord(w: number): void {
    const sec = this.current;
    if (this.pass === 1 || sec.kind === 'bss') { this.emitBytes([w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24]); return; }
    this.reserve(sec, 4);
    const b = sec.bytes, o = sec.size;
    b[o] = w; b[o + 1] = w >>> 8; b[o + 2] = w >>> 16; b[o + 3] = w >>> 24;
    sec.size += 4;
  }

  private reserve(sec: AsmSection, n: number): void {
    if (sec.size + n <= sec.bytes.length) return;
    const grown = new Uint8Array(Math.max(256, 2 * (sec.size + n)));
    grown.set(sec.bytes.subarray(0, sec.size));
    sec.bytes = grown;
  }

  addReloc(type: RelocType, symbol: string, addend: number, offset = this.current.size): void {
    if (this.pass !== 2) return;
    this.current.relocs.push({ offset, type, symbol, addend, loc: this.relocLoc() });
  }

  /** Where a reference is, for link errors: the C line of code; for data, the C file (its line is unknown). */
  private relocLoc(): SourceLoc {
    if (this.current.kind === 'text' && this.sourceLoc) return this.sourceLoc;
    const cFile = this.fileNames.get(1);
    return cFile !== undefined ? { file: cFile, line: 1, col: 1, offset: 0 } : this.loc;
  }

}

export function assemble(file: string, asmText: string, diags: Diagnostic[]): ObjectFile {
  const statements = parseAsm(file, asmText, diags);
  let longBranches = new Set<Statement>();
  for (let round = 0; ; round++) {
    const roundDiags: Diagnostic[] = [];
    const st = new AsmState(file, roundDiags);
    st.longBranches = longBranches;
    st.beginPass(1);
    for (const s of statements) runStatement(st, s);
    padCodeSections(st);
    // Only branches not yet in the long form call for another round: those already long stay
    // far, and counting them again would re-run pass 1 ten times over for any far branch.
    const far = farBranches(st.branchSites, (e) => st.evaluate(e), (name) => st.enc.isLocalLabel(name))
      .filter((s) => !longBranches.has(s));
    if (far.length > 0 && round < 10) {
      longBranches = new Set([...longBranches, ...far]);
      continue;
    }
    st.beginPass(2);
    for (const s of statements) runStatement(st, s);
    padCodeSections(st);
    checkSizes(st, roundDiags);
    appendAll(diags, roundDiags);
    return toObjectFile(st);
  }
}

function checkSizes(st: AsmState, diags: Diagnostic[]): void {
  for (const s of st.sections.values()) {
    // Pass 1 sized everything; a difference would mean wrong label addresses.
    if (s.size !== (st.sizesAfterPass1.get(s.name) ?? s.size) && !diags.some((d) => d.severity === 'error')) {
      diags.push({ severity: 'error', message: `internal assembler error: section ${s.name} changed size between passes`, loc: { file: st.file, line: 1, col: 1, offset: 0 }, length: 1 });
    }
  }
}

function runStatement(st: AsmState, s: Statement): void {
  st.statement = s;
  try {
    if (s.kind === 'label') st.defineLabel(s.name);
    else if (s.kind === 'directive') runDirective(st, s.name, s.args, s.endCol);
    else runInstruction(st, s.mnemonic, s.ops);
  } catch (err) {
    if (!(err instanceof EncodeError || err instanceof AsmSyntaxError)) throw err;
    if (st.pass === 2 || /already defined/.test(err.message)) st.diags.push({ severity: 'error', message: err.message, loc: statementLoc(st.file, s), length: s.kind === 'insn' ? s.mnemonic.length : 1 });
  }
}

function runInstruction(st: AsmState, mn: string, ops: Operand[]): void {
  const long = st.longBranches.has(st.statement!);
  if (st.pass === 1) {
    if (isConditionalBranch(mn) && ops.length > 0) st.branchSites.push({ key: st.statement!, pc: st.current.size, section: st.current.name, target: ops[ops.length - 1] });
    st.current.size += 4 * (long ? 2 : instructionCount(st, mn, ops));
    return;
  }
  if (st.current.size % 4 !== 0) throw new EncodeError('instruction is not 4-byte aligned; add .align 2 before it');
  const known = long ? undefined : st.encoded.get(ops);
  if (known !== undefined) {
    for (const w of known) st.emitWord(w);
    return;
  }
  const pure = !long && isPure(ops);
  const words: number[] = [];
  let items: Expansion[] = expandPseudo(mn, ops, st) ?? [{ mn, ops }];
  if (long && items.length === 1 && 'mn' in items[0] && isBaseBranch(items[0].mn) && items[0].ops.length === 3) items = longBranch(items[0].mn, items[0].ops);
  for (const it of items) {
    if ('label' in it) {
      const s = st.symbol(it.label);
      s.defined = true;
      s.section = st.current.name;
      s.offset = st.current.size;
      continue;
    }
    if ('word' in it) {
      if (it.reloc) {
        const v = st.evaluate(it.reloc.e);
        if (v.sym === undefined || v.mod) throw new EncodeError(`'${mn}' takes a function name`);
        st.addReloc(it.reloc.type, v.sym, v.value);
      }
      st.emitWord(it.word);
      continue;
    }
    if (!isBaseMnemonic(it.mn)) throw new EncodeError(`unknown instruction '${it.mn}'`);
    st.enc.pc = st.current.size;
    st.enc.section = st.current.name;
    const w = encodeBase(it.mn, it.ops, st.enc);
    st.emitWord(w);
    words.push(w);
  }
  if (pure) st.encoded.set(ops, words);
}

/** Whether an instruction's operands are registers and plain numbers only: then its machine
 * words depend on nothing else (no symbol, no pc), and one line's words serve its repeats. */
function isPure(ops: Operand[]): boolean {
  for (const op of ops) {
    if (op.kind === 'expr' ? op.e.kind !== 'num' : op.kind === 'mem' && op.offset.kind !== 'num') return false;
  }
  return true;
}

/** How many machine instructions a (pseudo-)instruction becomes: pass 1 needs only this. */
function instructionCount(st: AsmState, mn: string, ops: Operand[]): number {
  switch (mn) {
    case 'la': case 'lla': case 'call': case 'tail': case 'sext.b': case 'sext.h': case 'zext.h': return 2;
    case 'li': {
      if (ops.length !== 2 || ops[1].kind !== 'expr') return 1;
      try {
        const v = st.evaluate(ops[1].e);
        return v.sym === undefined && !v.mod && (v.value < -2048 || v.value > 2047) && (v.value & 0xfff) !== 0 ? 2 : 1;
      } catch {
        return 1;
      }
    }
    case 'lb': case 'lh': case 'lw': case 'lbu': case 'lhu': case 'sb': case 'sh': case 'sw':
      return ops.length >= 2 && ops[1].kind === 'expr' ? 2 : 1;
    default: return 1;
  }
}

/** Like gas, end each code section on its alignment, padded with nops. */
function padCodeSections(st: AsmState): void {
  for (const sec of st.sections.values()) {
    if (sec.kind !== 'text') continue;
    st.current = sec;
    while (sec.size % sec.align !== 0 && sec.size % 4 === 0) st.emitWord(0x00000013);
  }
}

function toObjectFile(st: AsmState): ObjectFile {
  const referenced = new Set<string>();
  const sections = [...st.sections.values()].map((s) => {
    for (const r of s.relocs) referenced.add(r.symbol);
    return { name: s.name, kind: s.kind, align: s.align, bytes: s.kind === 'bss' ? new Uint8Array(0) : s.bytes.slice(0, s.size), size: s.size, relocs: s.relocs };
  });
  const symbols: ObjSymbol[] = [];
  for (const s of st.symbols.values()) {
    if (!s.defined && !referenced.has(s.name) && !s.explicitBinding) continue;
    const target = s.aliasOf !== undefined ? st.symbols.get(s.aliasOf) : undefined;
    if (target && s.type === 'notype') { s.type = target.type; s.size ||= target.size; }
    const binding = s.defined ? s.binding : s.binding === 'weak' ? 'weak' : 'global';
    symbols.push({
      name: s.name, section: !s.defined ? undefined : s.abs !== undefined ? '*ABS*' : s.section,
      value: s.abs ?? s.offset, size: s.size, binding, type: s.type,
    });
  }
  for (const name of referenced) {
    if (st.symbols.has(name)) continue;
    if (st.sections.has(name)) symbols.push({ name, section: name, value: 0, size: 0, binding: 'local', type: 'section' });
    else symbols.push({ name, value: 0, size: 0, binding: 'global', type: 'notype' });
  }
  return { file: st.file, sections, symbols, lines: st.lines };
}
