// Assembler expressions (GNU as semantics, reduced): integers, symbols, '.',
// unary/binary C operators, and the RISC-V relocation operators %hi, %lo,
// %pcrel_hi, %pcrel_lo. A value is absolute or "symbol + addend" (relocatable).

import type { AsmTok } from './asm-lexer.ts';

export type RelocOp = 'hi' | 'lo' | 'pcrel_hi' | 'pcrel_lo';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'sym'; name: string }
  | { kind: 'dot' }
  | { kind: 'unary'; op: string; e: Expr }
  | { kind: 'binary'; op: string; l: Expr; r: Expr }
  | { kind: 'mod'; op: RelocOp; e: Expr };

export class AsmSyntaxError extends Error {
  constructor(message: string, readonly col: number) {
    super(message);
  }
}

const BINARY_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};
const MODS = new Set<string>(['hi', 'lo', 'pcrel_hi', 'pcrel_lo']);

/** Parses a whole token list as one expression. */
export function parseExpr(toks: AsmTok[], endCol: number): Expr {
  const p = new ExprParser(toks, endCol);
  const e = p.binary(0);
  if (p.pos < toks.length) throw new AsmSyntaxError(`unexpected '${toks[p.pos].text}' in expression`, toks[p.pos].col);
  return e;
}

class ExprParser {
  pos = 0;
  constructor(readonly toks: AsmTok[], readonly endCol: number) {}

  binary(minPrec: number): Expr {
    let l = this.unary();
    for (;;) {
      const t = this.toks[this.pos];
      const prec = t && (t.kind === 'punct' || t.kind === 'mod') ? BINARY_PREC[t.kind === 'mod' ? '%' : t.text] : undefined;
      if (prec === undefined || prec <= minPrec || t.kind === 'mod') return l;
      this.pos++;
      l = { kind: 'binary', op: t.text, l, r: this.binary(prec) };
    }
  }

  unary(): Expr {
    const t = this.toks[this.pos];
    if (!t) throw new AsmSyntaxError('expression expected', this.endCol);
    this.pos++;
    if (t.kind === 'num') return { kind: 'num', value: t.value! };
    if (t.kind === 'name') return t.text === '.' ? { kind: 'dot' } : { kind: 'sym', name: t.text };
    if (t.kind === 'mod') {
      if (!MODS.has(t.text)) throw new AsmSyntaxError(`unknown relocation operator '%${t.text}'`, t.col);
      this.expect('(');
      const e = this.binary(0);
      this.expect(')');
      return { kind: 'mod', op: t.text as RelocOp, e };
    }
    if (t.kind === 'punct' && ['-', '~', '!', '+'].includes(t.text)) {
      const e = this.unary();
      return t.text === '+' ? e : { kind: 'unary', op: t.text, e };
    }
    if (t.kind === 'punct' && t.text === '(') {
      const e = this.binary(0);
      this.expect(')');
      return e;
    }
    throw new AsmSyntaxError(`unexpected '${t.text}' in expression`, t.col);
  }

  expect(text: string): void {
    const t = this.toks[this.pos];
    if (!t || t.text !== text) throw new AsmSyntaxError(`'${text}' expected`, t ? t.col : this.endCol);
    this.pos++;
  }
}

/** An evaluated expression: `value` alone (absolute) or relative to a symbol. */
export interface Value {
  value: number;
  /** Referenced symbol name (relocatable value). */
  sym?: string;
  /** Section the symbol is defined in, when known in this file. */
  section?: string;
  /** Offset of the symbol inside that section, when defined here. */
  symOffset?: number;
  mod?: RelocOp;
}

export interface SymbolLookup {
  /** An .equ/.set symbol (abs set) or a label (section and offset), or undefined if not defined here. */
  lookup(name: string): { abs?: number; section?: string; offset: number } | undefined;
  /** Current section and offset ('.'). */
  dot(): { section: string; offset: number };
}

export function evaluate(e: Expr, env: SymbolLookup): Value {
  switch (e.kind) {
    case 'num': return { value: e.value };
    case 'dot': {
      // '.' is the current section's start symbol plus the offset, as gas relocates it.
      const d = env.dot();
      return { value: d.offset, sym: d.section, section: d.section, symOffset: 0 };
    }
    case 'sym': {
      const s = env.lookup(e.name);
      if (s && s.abs !== undefined) return { value: s.abs };
      return { value: 0, sym: e.name, section: s?.section, symOffset: s?.offset };
    }
    case 'mod': {
      const v = evaluate(e.e, env);
      if (v.mod) throw new Error(`%${e.op} cannot be applied to %${v.mod}(...)`);
      return { ...v, mod: e.op };
    }
    case 'unary': return unaryValue(e.op, evaluate(e.e, env));
    case 'binary': return binaryValue(e.op, evaluate(e.l, env), evaluate(e.r, env));
  }
}

function unaryValue(op: string, v: Value): Value {
  if (v.sym !== undefined || v.mod) throw new Error(`operator '${op}' cannot be applied to an address`);
  const x = op === '-' ? -v.value : op === '~' ? ~v.value : v.value === 0 ? 1 : 0;
  return { value: x | 0 };
}

function binaryValue(op: string, l: Value, r: Value): Value {
  if (l.mod || r.mod) throw new Error(`%${l.mod ?? r.mod}(...) must be the whole operand`);
  if (l.sym !== undefined && r.sym === undefined && (op === '+' || op === '-')) {
    return { ...l, value: (l.value + (op === '+' ? r.value : -r.value)) | 0 };
  }
  if (r.sym !== undefined && l.sym === undefined && op === '+') return { ...r, value: (r.value + l.value) | 0 };
  if (l.sym !== undefined && r.sym !== undefined && op === '-') {
    if (l.section !== undefined && l.section === r.section) {
      return { value: (l.symOffset! + l.value - (r.symOffset! + r.value)) | 0 };
    }
    throw new Error(`cannot subtract '${r.sym}' from '${l.sym}': they are not in the same section`);
  }
  if (l.sym !== undefined || r.sym !== undefined) throw new Error(`operator '${op}' cannot be applied to an address`);
  return { value: arith(op, l.value, r.value) };
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return (a + b) | 0;
    case '-': return (a - b) | 0;
    case '*': return Math.imul(a, b);
    case '/': case '%':
      if (b === 0) throw new Error('division by zero in expression');
      return (op === '/' ? Math.trunc(a / b) : a % b) | 0;
    case '<<': return b >= 32 ? 0 : a << b;
    case '>>': return b >= 32 ? (a < 0 ? -1 : 0) : a >> b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '==': return a === b ? -1 : 0;
    case '!=': return a !== b ? -1 : 0;
    case '<': return a < b ? -1 : 0;
    case '>': return a > b ? -1 : 0;
    case '<=': return a <= b ? -1 : 0;
    case '>=': return a >= b ? -1 : 0;
    case '&&': return a && b ? 1 : 0;
    case '||': return a || b ? 1 : 0;
    default: throw new Error(`unknown operator '${op}'`);
  }
}
