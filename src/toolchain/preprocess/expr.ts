// #if expressions (C99 6.10.1): integer constant expressions evaluated in intmax_t
// (64-bit) or uintmax_t when either operand is unsigned; names left after macro
// expansion are 0; only the evaluated operands of &&, || and ?: may divide by zero.

import type { Diagnostic } from '../diagnostics.ts';
import type { PPToken } from './tokenize.ts';
import { decodeLiteralBody, isFloatingNumber, parseCharConstant, parseIntegerConstant } from './literals.ts';

interface Value {
  v: bigint;
  unsigned: boolean;
}

class IfError extends Error {}

/** Deeper operator nesting than this is not a real program; it would only overflow the stack. */
const MAX_NESTING = 1000;

const BINARY: Record<string, number> = {
  '*': 10, '/': 10, '%': 10, '+': 9, '-': 9, '<<': 8, '>>': 8,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '==': 6, '!=': 6, '&': 5, '^': 4, '|': 3, '&&': 2, '||': 1,
};

const norm = (v: bigint, unsigned: boolean): Value => ({ v: unsigned ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v), unsigned });
const bool = (b: boolean): Value => ({ v: b ? 1n : 0n, unsigned: false });

class IfParser {
  private pos = 0;
  /** > 0 inside an operand that is not evaluated (after a false && and the like). */
  private skipping = 0;
  private depth = 0;

  constructor(
    private readonly toks: PPToken[],
    private readonly directive: PPToken,
    private readonly diags: Diagnostic[],
  ) {}

  private fail(t: PPToken | undefined, message: string): never {
    const at = t ?? this.directive;
    this.diags.push({ severity: 'error', message, loc: at.loc, length: at.length });
    throw new IfError(message);
  }

  private peekText(): string | undefined {
    const t = this.toks[this.pos];
    return t !== undefined && t.kind === 'punct' ? t.text : undefined;
  }

  run(): boolean {
    if (this.toks.length === 0) this.fail(this.directive, `#${this.directive.text} with no expression: write the condition after it`);
    const v = this.comma();
    const extra = this.toks[this.pos];
    if (extra?.text === '=') this.fail(extra, "'=' is not valid in an #if expression; did you mean '=='?");
    if (extra !== undefined) this.fail(extra, `missing binary operator before '${extra.text}' in the #if expression`);
    return v.v !== 0n;
  }

  private comma(): Value {
    let v = this.conditional();
    while (this.peekText() === ',') {
      this.pos++;
      v = this.conditional();
    }
    return v;
  }

  private conditional(): Value {
    if (this.depth > MAX_NESTING) this.fail(this.toks[this.pos], `the #if expression is nested more than ${MAX_NESTING} levels deep`);
    const c = this.binary(1);
    if (this.peekText() !== '?') return c;
    const q = this.toks[this.pos++];
    const yes = this.guarded(c.v === 0n, () => this.comma());
    if (this.peekText() !== ':') this.fail(this.toks[this.pos] ?? q, "'?' without a following ':' in the #if expression");
    this.pos++;
    const no = this.guarded(c.v !== 0n, () => this.conditional());
    const unsigned = yes.unsigned || no.unsigned;
    return norm(c.v !== 0n ? yes.v : no.v, unsigned);
  }

  private guarded(skip: boolean, f: () => Value): Value {
    if (skip) this.skipping++;
    this.depth++;
    try {
      return f();
    } finally {
      if (skip) this.skipping--;
      this.depth--;
    }
  }

  private binary(minPrec: number): Value {
    let left = this.unary();
    for (;;) {
      const op = this.peekText();
      const prec = op !== undefined ? BINARY[op] : undefined;
      if (op === undefined || prec === undefined || prec < minPrec) return left;
      const opTok = this.toks[this.pos++];
      const skipRight = (op === '&&' && left.v === 0n) || (op === '||' && left.v !== 0n);
      const right = this.guarded(skipRight, () => this.binary(prec + 1));
      left = this.apply(op, left, right, opTok);
    }
  }

  private apply(op: string, a: Value, b: Value, opTok: PPToken): Value {
    if (op === '&&') return bool(a.v !== 0n && b.v !== 0n);
    if (op === '||') return bool(a.v !== 0n || b.v !== 0n);
    if (op === '<<' || op === '>>') return this.shift(op, a, b);
    const u = a.unsigned || b.unsigned;
    const x = norm(a.v, u).v;
    const y = norm(b.v, u).v;
    switch (op) {
      case '*': return this.checked(x * y, u, opTok);
      case '/':
      case '%':
        if (y === 0n) {
          if (this.skipping > 0) return norm(0n, u);
          this.fail(opTok, `division by zero in the #if expression`);
        }
        return norm(op === '/' ? x / y : x % y, u);
      case '+': return this.checked(x + y, u, opTok);
      case '-': return this.checked(x - y, u, opTok);
      case '<': return bool(x < y);
      case '>': return bool(x > y);
      case '<=': return bool(x <= y);
      case '>=': return bool(x >= y);
      case '==': return bool(x === y);
      case '!=': return bool(x !== y);
      case '&': return norm(x & y, u);
      case '^': return norm(x ^ y, u);
      default: return norm(x | y, u);
    }
  }

  /** Signed overflow wraps, as in gcc, with gcc's warning. */
  private checked(v: bigint, unsigned: boolean, opTok: PPToken): Value {
    const r = norm(v, unsigned);
    if (!unsigned && r.v !== v && this.skipping === 0) {
      this.diags.push({ severity: 'warning', message: 'integer overflow in the #if expression: the result wraps around', loc: opTok.loc, length: opTok.length });
    }
    return r;
  }

  private shift(op: string, a: Value, b: Value): Value {
    let n = b.unsigned ? b.v : BigInt.asIntN(64, b.v);
    let left = op === '<<';
    if (n < 0n) {
      n = -n;
      left = !left;
    }
    if (n > 64n) n = 64n;
    return norm(left ? a.v << n : a.v >> n, a.unsigned);
  }

  private unary(): Value {
    const t = this.toks[this.pos];
    if (++this.depth > MAX_NESTING) this.fail(t, `the #if expression is nested more than ${MAX_NESTING} levels deep`);
    try {
      return this.unaryOperand(t);
    } finally {
      this.depth--;
    }
  }

  private unaryOperand(t: PPToken | undefined): Value {
    if (t === undefined) this.fail(this.toks[this.pos - 1], 'the #if expression ends too early: an operand is missing');
    if (t.kind === 'punct' && ['+', '-', '~', '!'].includes(t.text)) {
      this.pos++;
      const v = this.unary();
      if (t.text === '-') return norm(-v.v, v.unsigned);
      if (t.text === '~') return norm(~v.v, v.unsigned);
      if (t.text === '!') return bool(v.v === 0n);
      return v;
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.toks[this.pos++];
    if (t.kind === 'punct' && t.text === '(') {
      const v = this.comma();
      if (this.peekText() !== ')') this.fail(this.toks[this.pos] ?? t, "missing ')' in the #if expression");
      this.pos++;
      return v;
    }
    if (t.kind === 'number') return this.number(t);
    if (t.kind === 'char') {
      const c = parseCharConstant(t.text);
      if (c.error !== undefined) this.fail(t, c.error);
      // gcc's cpp: one plain char of an unsigned-char target is an unsigned operand in #if
      return { v: c.value, unsigned: t.text[0] === "'" && decodeLiteralBody(t.text.slice(1, -1), false).value.length === 1 };
    }
    if (t.kind === 'ident' || t.kind === 'keyword') return { v: 0n, unsigned: false };
    return this.fail(t, `'${t.text}' cannot be used in an #if expression: only integers, macros, defined() and operators can`);
  }

  private number(t: PPToken): Value {
    if (isFloatingNumber(t.text)) this.fail(t, `floating constant '${t.text}' in an #if expression: #if works on integers only`);
    const r = parseIntegerConstant(t.text);
    if (r.error !== undefined) this.fail(t, r.error);
    // 6.10.1p4: int and long act as intmax_t here, so only a U suffix or a value past
    // INTMAX_MAX makes a constant unsigned (0x80000000 is signed in #if).
    const suffix = /[uUlL]*$/.exec(t.text)?.[0] ?? '';
    return { v: r.value.value, unsigned: /u/i.test(suffix) || r.value.value > 0x7fffffffffffffffn };
  }
}

/** Evaluates the tokens of an #if/#elif line (already macro-expanded, `defined` done);
 * a malformed expression is reported and counts as false. */
export function evaluateIf(toks: PPToken[], directive: PPToken, diags: Diagnostic[]): boolean {
  try {
    return new IfParser(toks, directive, diags).run();
  } catch (e) {
    if (e instanceof IfError) return false;
    throw e;
  }
}
