// Arithmetic expansion $((...)) (XCU 2.6.4): C's integer operators with C's
// precedence, on 64-bit signed values as dash computes them.

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** Binary operators from the loosest to the tightest binding. */
const BINARY: string[][] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

function apply(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '||': return BigInt(a !== 0n || b !== 0n);
    case '&&': return BigInt(a !== 0n && b !== 0n);
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return BigInt(a === b);
    case '!=': return BigInt(a !== b);
    case '<=': return BigInt(a <= b);
    case '>=': return BigInt(a >= b);
    case '<': return BigInt(a < b);
    case '>': return BigInt(a > b);
    case '<<': return BigInt.asIntN(64, a << b);
    case '>>': return a >> b;
    case '+': return BigInt.asIntN(64, a + b);
    case '-': return BigInt.asIntN(64, a - b);
    case '*': return BigInt.asIntN(64, a * b);
    case '/': case '%':
      if (b === 0n) throw new ArithError('division by zero');
      return op === '/' ? a / b : a % b;
    default: throw new ArithError(`unknown operator ${op}`);
  }
}

const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\|\||&&|==|!=|<=|>=|<<|>>|[-+*/%&|^]=|[-+*/%<>&|^!~?:=(),])/y;

export function evaluateArith(expr: string, vars: ArithVars): bigint {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < expr.length) {
    if (/^\s*$/.test(expr.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expr);
    if (!m) throw new ArithError(`arithmetic syntax error: "${expr.trim()}"`);
    tokens.push(m[1]);
    at = TOKEN.lastIndex;
  }
  const p = new ArithParser(tokens, vars, expr);
  const v = p.comma();
  if (p.pos < tokens.length) throw new ArithError(`arithmetic syntax error: "${expr.trim()}"`);
  return v;
}

class ArithParser {
  pos = 0;
  constructor(private readonly t: string[], private readonly vars: ArithVars, private readonly src: string) {}

  private fail(): never {
    throw new ArithError(`arithmetic syntax error: "${this.src.trim()}"`);
  }

  comma(): bigint {
    let v = this.assign();
    while (this.t[this.pos] === ',') { this.pos++; v = this.assign(); }
    return v;
  }

  private assign(): bigint {
    const name = this.t[this.pos];
    const op = this.t[this.pos + 1];
    if (name && /^[A-Za-z_]/.test(name) && op && /^(<<|>>|[-+*/%&|^])?=$/.test(op) && op !== '==') {
      this.pos += 2;
      const rhs = this.assign();
      const v = op === '=' ? rhs : apply(op.slice(0, -1), this.variable(name), rhs);
      this.vars.set(name, v.toString());
      return v;
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const c = this.binary(0);
    if (this.t[this.pos] !== '?') return c;
    this.pos++;
    const a = this.assign();
    if (this.t[this.pos++] !== ':') this.fail();
    const b = this.assign();
    return c !== 0n ? a : b;
  }

  private binary(level: number): bigint {
    if (level >= BINARY.length) return this.unary();
    let v = this.binary(level + 1);
    while (BINARY[level].includes(this.t[this.pos])) {
      const op = this.t[this.pos++];
      v = apply(op, v, this.binary(level + 1));
    }
    return v;
  }

  private unary(): bigint {
    const tok = this.t[this.pos];
    if (tok === '-' || tok === '+' || tok === '!' || tok === '~') {
      this.pos++;
      const v = this.unary();
      return tok === '-' ? BigInt.asIntN(64, -v) : tok === '+' ? v : tok === '!' ? BigInt(v === 0n) : ~v;
    }
    return this.primary();
  }

  private primary(): bigint {
    const tok = this.t[this.pos++];
    if (tok === undefined) this.fail();
    if (tok === '(') {
      const v = this.comma();
      if (this.t[this.pos++] !== ')') this.fail();
      return v;
    }
    if (/^\d/.test(tok)) return parseNumber(tok) ?? this.fail();
    if (/^[A-Za-z_]/.test(tok)) return this.variable(tok);
    return this.fail();
  }

  private variable(name: string): bigint {
    const raw = (this.vars.get(name) ?? '').trim();
    if (raw === '') return 0n;
    const n = parseNumber(raw.replace(/^([-+])?/, ''));
    if (n === null) throw new ArithError(`arithmetic syntax error: "${raw}"`);
    return raw.startsWith('-') ? -n : n;
  }
}

function parseNumber(tok: string): bigint | null {
  if (/^0[xX][0-9a-fA-F]+$/.test(tok)) return BigInt.asIntN(64, BigInt(tok));
  if (/^0[0-7]+$/.test(tok)) return BigInt.asIntN(64, BigInt(`0o${tok.slice(1)}`));
  if (/^\d+$/.test(tok)) return BigInt.asIntN(64, BigInt(tok));
  return null;
}
