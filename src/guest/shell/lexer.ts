// Splits shell source into tokens (XCU 2.3 "Token Recognition"): operators,
// words (kept as source text, quotes and expansions included), IO numbers
// and newlines, and reads here-document bodies after the line that asks
// for them.
import { ShellSyntaxError } from './syntax-error.ts';

export type Token =
  | { kind: 'word'; text: string; line: number }
  | { kind: 'op'; text: string; line: number }
  | { kind: 'io'; fd: number; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'eof'; line: number };

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '<&', '>&', '<>', '>|', '|', '&', ';', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

export interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  fill(body: string): void;
}

export class Lexer {
  private pos = 0;
  line = 1;
  private readonly heredocs: PendingHeredoc[] = [];
  /** A here-document ran to the end of the input without its delimiter line. */
  heredocUnterminated = false;

  constructor(private readonly src: string) {}

  /** A here-document whose body starts after the current line. */
  queueHeredoc(h: PendingHeredoc): void {
    this.heredocs.push(h);
  }

  next(): Token {
    this.skipBlanks();
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.heredocs.length) this.readHeredocs();
      return { kind: 'eof', line };
    }
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { kind: 'newline', line };
    }
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', text: op, line };
      }
    }
    const word = this.readWord();
    if (/^\d+$/.test(word) && (this.src[this.pos] === '<' || this.src[this.pos] === '>')) {
      return { kind: 'io', fd: Number(word), line };
    }
    return { kind: 'word', text: word, line };
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') { this.pos += 2; this.line++; }
      else if (c === '#') { while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++; }
      else return;
    }
  }

  private readWord(): string {
    const start = this.pos;
    while (this.pos < this.src.length && !META.has(this.src[this.pos])) this.skipWordChar();
    return this.src.slice(start, this.pos).replace(/\\\n/g, '');
  }

  /** Moves past one character of a word, or a whole quoted part or expansion. */
  private skipWordChar(): void {
    const c = this.src[this.pos];
    if (c === '\\') { this.advance(2); return; }
    if (c === "'") { this.skipUntil("'", 'unterminated quoted string'); return; }
    if (c === '"') { this.skipDoubleQuoted(); return; }
    if (c === '`') { this.skipBackquoted(); return; }
    if (c === '$' && this.src[this.pos + 1] === '(') { this.pos++; this.skipParens(); return; }
    if (c === '$' && this.src[this.pos + 1] === '{') { this.pos++; this.skipBraces(); return; }
    this.advance(1);
  }

  private advance(n: number): void {
    for (let i = 0; i < n && this.pos < this.src.length; i++) {
      if (this.src[this.pos] === '\n') this.line++;
      this.pos++;
    }
  }

  private fail(what: string): never {
    throw new ShellSyntaxError(`syntax error: ${what}`, this.line, true);
  }

  private skipUntil(close: string, what: string): void {
    this.advance(1);
    while (this.src[this.pos] !== close) {
      if (this.pos >= this.src.length) this.fail(what);
      this.advance(1);
    }
    this.advance(1);
  }

  private skipDoubleQuoted(): void {
    this.advance(1);
    while (this.src[this.pos] !== '"') {
      if (this.pos >= this.src.length) this.fail('unterminated quoted string');
      const c = this.src[this.pos];
      if (c === '\\') this.advance(2);
      else if (c === '`') this.skipBackquoted();
      else if (c === '$' && this.src[this.pos + 1] === '(') { this.pos++; this.skipParens(); }
      else if (c === '$' && this.src[this.pos + 1] === '{') { this.pos++; this.skipBraces(); }
      else this.advance(1);
    }
    this.advance(1);
  }

  private skipBackquoted(): void {
    this.advance(1);
    while (this.src[this.pos] !== '`') {
      if (this.pos >= this.src.length) this.fail('unterminated `...`');
      this.advance(this.src[this.pos] === '\\' ? 2 : 1);
    }
    this.advance(1);
  }

  /** From an opening `(` to its match, through quotes and nested expansions. */
  private skipParens(): void {
    let depth = 0;
    do {
      if (this.pos >= this.src.length) this.fail('unterminated $(...)');
      const c = this.src[this.pos];
      if (c === '(') { depth++; this.advance(1); }
      else if (c === ')') { depth--; this.advance(1); }
      else if (c === '#' && /[\s(]/.test(this.src[this.pos - 1] ?? ' ')) {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else this.skipWordChar();
    } while (depth > 0);
  }

  private skipBraces(): void {
    this.advance(1);
    while (this.src[this.pos] !== '}') {
      if (this.pos >= this.src.length) this.fail('unterminated ${...}');
      this.skipWordChar();
    }
    this.advance(1);
  }

  private readHeredocs(): void {
    while (this.heredocs.length) {
      const h = this.heredocs.shift()!;
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) {
          // dash and ash accept a here-document cut off by the end of the input.
          this.heredocUnterminated = true;
          break;
        }
        const end = this.src.indexOf('\n', this.pos);
        const raw = this.src.slice(this.pos, end < 0 ? this.src.length : end);
        this.pos = end < 0 ? this.src.length : end + 1;
        this.line++;
        const text = h.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (text === h.delimiter) break;
        lines.push(`${text}\n`);
      }
      h.fill(lines.join(''));
    }
  }
}
