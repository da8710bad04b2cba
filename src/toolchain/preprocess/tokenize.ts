// Translation phases 1-3 of C99 (5.1.1.2): line splices, comments, and the
// preprocessing tokens of 6.4 (identifiers, pp-numbers, character constants,
// string literals, punctuators), each with its place in the source.

import type { Diagnostic } from '../diagnostics.ts';
import type { SourceLoc, Token } from './token.ts';

/** A preprocessing token as the preprocessor works on it. */
export interface PPToken extends Token {
  /** A lexing mistake (stray character, missing quote). Like gcc, it is reported only
   * when the token lies in a group that is not skipped by #if. */
  problem?: string;
  /** The problem is a stray character: gcc reports it only if the token reaches the
   * compiler proper, since `#` may still turn it into a string. */
  stray?: true;
  /** Macro names this token must not be expanded by again (Prosser's hide set). */
  hide?: ReadonlySet<string>;
}

/** Every preprocessing token, with every field present and always in this order: the
 * preprocessor and the parser read a few fields of millions of tokens, and objects of one
 * shape keep those reads fast (a token with fields added later would be another shape).
 * Constants get their value in another shape (convert.ts): few tokens are constants. */
export function newToken(
  kind: Token['kind'], text: string, loc: SourceLoc, length: number, hasSpace: boolean, atLineStart: boolean,
  expandedFrom: SourceLoc | undefined, hide: ReadonlySet<string> | undefined, problem: string | undefined, stray: true | undefined,
): PPToken {
  return { kind, text, loc, length, hasSpace, atLineStart, expandedFrom, hide, problem, stray };
}

const PUNCTUATORS_3 = new Set(['...', '<<=', '>>=']);
const PUNCTUATORS_2 = new Set([
  '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##',
]);
const PUNCTUATORS_1 = '[](){}.&*+-~!/%<>^|?:;=,#';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
const isIdentChar = (c: string): boolean => isIdentStart(c) || isDigit(c);

/** Characters that sneak in when code is pasted from a web page or a word processor. */
const LOOKALIKES: Record<number, string> = {
  0xa0: 'a non-breaking space; replace it with a normal space',
  0x200b: 'a zero-width space; delete it',
  0xfeff: 'a byte-order mark; delete it',
  0x201c: 'a curly quote; use a plain " quote',
  0x201d: 'a curly quote; use a plain " quote',
  0x2018: "a curly quote; use a plain ' quote",
  0x2019: "a curly quote; use a plain ' quote",
  0x2013: 'an en dash; use a plain - minus',
  0x2014: 'an em dash; use a plain - minus',
};

function strayMessage(code: number): string {
  const shown = code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : String.fromCodePoint(code);
  const hint = LOOKALIKES[code];
  if (hint !== undefined) return `stray '${shown}' in program: it is ${hint}`;
  return `stray '${shown}' in program: this character is not part of C outside strings and comments`;
}

/** Text with backslash-newlines removed, and where each character came from. */
interface Spliced {
  text: string;
  /** origin[i] = offset in the original text of text[i]; origin[text.length] = original length. */
  origin: Int32Array;
}

function removeSplices(text: string): Spliced {
  const parts: string[] = [];
  const origin = new Int32Array(text.length + 1);
  let n = 0;
  let from = 0;
  for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
    const nl = text[i + 1] === '\n' ? 1 : text[i + 1] === '\r' && text[i + 2] === '\n' ? 2 : 0;
    if (nl === 0) continue;
    parts.push(text.slice(from, i));
    for (let k = from; k < i; k++) origin[n++] = k;
    from = i + 1 + nl;
  }
  parts.push(text.slice(from));
  for (let k = from; k < text.length; k++) origin[n++] = k;
  origin[n] = text.length;
  return { text: parts.join(''), origin };
}

/** Maps original offsets to 1-based line and column; queries must not go backwards much,
 * so it walks from the last answer. */
class LineMap {
  private readonly starts: number[] = [0];
  private last = 0;
  constructor(readonly file: string, text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  loc(offset: number): SourceLoc {
    let l = this.last;
    while (l + 1 < this.starts.length && this.starts[l + 1] <= offset) l++;
    while (l > 0 && this.starts[l] > offset) l--;
    this.last = l;
    return { file: this.file, line: l + 1, col: offset - this.starts[l] + 1, offset };
  }
}

class Lexer {
  private pos = 0;
  private hasSpace = false;
  private atLineStart = true;
  readonly tokens: PPToken[] = [];
  private readonly src: string;

  constructor(
    private readonly spliced: Spliced,
    private readonly lines: LineMap,
    private readonly diags: Diagnostic[],
  ) {
    this.src = spliced.text;
  }

  run(): PPToken[] {
    while (this.skipSpaceAndComments()) {
      const start = this.pos;
      const kindAndProblem = this.scanToken();
      this.push(kindAndProblem[0], start, kindAndProblem[1]);
    }
    const eof = this.make('eof', this.src.length, this.src.length);
    eof.text = '';
    eof.length = 0;
    this.tokens.push(eof);
    return this.tokens;
  }

  /** Skips white space and comments; false at the end of the text. */
  private skipSpaceAndComments(): boolean {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '\n') {
        this.atLineStart = true;
        this.hasSpace = false;
        this.pos++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || (c === '\ufeff' && this.pos === 0)) {
        this.hasSpace = true;
        this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '/') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
        this.hasSpace = true;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        this.skipBlockComment();
      } else {
        return true;
      }
    }
    return false;
  }

  private skipBlockComment(): void {
    const start = this.pos;
    const end = this.src.indexOf('*/', this.pos + 2);
    this.hasSpace = true;
    if (end >= 0) {
      this.pos = end + 2;
      return;
    }
    this.pos = this.src.length;
    this.diags.push({
      severity: 'error',
      message: "unterminated comment: this '/*' has no matching '*/'",
      loc: this.lines.loc(this.spliced.origin[start]),
      length: 2,
    });
  }

  private scanToken(): [PPToken['kind'], string | undefined] {
    const s = this.src;
    const c = s[this.pos];
    if (isDigit(c) || (c === '.' && isDigit(s[this.pos + 1] ?? ''))) {
      this.scanPPNumber();
      return ['number', undefined];
    }
    const prefix = this.literalPrefix();
    if (prefix >= 0) {
      this.pos += prefix;
      const quote = s[this.pos];
      return [quote === '"' ? 'string' : 'char', this.scanQuoted(quote)];
    }
    if (isIdentStart(c)) {
      while (this.pos < s.length && isIdentChar(s[this.pos])) this.pos++;
      return ['ident', undefined];
    }
    return ['punct', this.scanPunctuator()];
  }

  /** Length of an encoding prefix (L, u, U, u8) when a quote follows it, else -1 (0 for a bare quote). */
  private literalPrefix(): number {
    const s = this.src;
    const p = this.pos;
    if (s[p] === '"' || s[p] === "'") return 0;
    if ((s[p] === 'L' || s[p] === 'U' || s[p] === 'u') && (s[p + 1] === '"' || s[p + 1] === "'")) return 1;
    if (s[p] === 'u' && s[p + 1] === '8' && s[p + 2] === '"') return 2;
    return -1;
  }

  private scanPPNumber(): void {
    const s = this.src;
    this.pos++;
    while (this.pos < s.length) {
      const c = s[this.pos];
      const sign = c === '+' || c === '-';
      const prev = s[this.pos - 1];
      if (sign && (prev === 'e' || prev === 'E' || prev === 'p' || prev === 'P')) this.pos++;
      else if (isIdentChar(c) || c === '.') this.pos++;
      else break;
    }
  }

  /** Scans a character constant or string literal; returns a problem if it is unterminated. */
  private scanQuoted(quote: string): string | undefined {
    const s = this.src;
    this.pos++;
    while (this.pos < s.length && s[this.pos] !== quote) {
      if (s[this.pos] === '\n') break;
      if (s[this.pos] === '\\' && this.pos + 1 < s.length && s[this.pos + 1] !== '\n') this.pos++;
      this.pos++;
    }
    if (s[this.pos] === quote) {
      this.pos++;
      return undefined;
    }
    return quote === '"'
      ? 'missing terminating " character: close the string before the end of the line'
      : "missing terminating ' character: close the character constant before the end of the line";
  }

  private scanPunctuator(): string | undefined {
    const s = this.src;
    const three = s.substr(this.pos, 3);
    if (PUNCTUATORS_3.has(three)) {
      this.pos += 3;
      return undefined;
    }
    if (PUNCTUATORS_2.has(three.slice(0, 2))) {
      this.pos += 2;
      return undefined;
    }
    const c = s[this.pos];
    if (PUNCTUATORS_1.includes(c)) {
      this.pos++;
      return undefined;
    }
    const code = s.codePointAt(this.pos) ?? 0;
    this.pos += code > 0xffff ? 2 : 1;
    return strayMessage(code);
  }

  private make(kind: PPToken['kind'], start: number, end: number): PPToken {
    const origin = this.spliced.origin;
    const from = origin[start];
    const to = end > start ? origin[end - 1] + 1 : from;
    return newToken(kind, this.src.slice(start, end), this.lines.loc(from), Math.max(1, to - from), this.hasSpace, this.atLineStart, undefined, undefined, undefined, undefined);
  }

  private push(kind: PPToken['kind'], start: number, problem: string | undefined): void {
    const tok = this.make(kind, start, this.pos);
    if (problem !== undefined) {
      tok.problem = problem;
      if (kind === 'punct') tok.stray = true;
    }
    this.tokens.push(tok);
    this.hasSpace = false;
    this.atLineStart = false;
  }
}

/** Splits a file into preprocessing tokens. Lexing mistakes are returned on the tokens
 * (`problem`); only an unterminated comment is reported directly into `diags`. */
export function lex(file: string, text: string, diags: Diagnostic[]): PPToken[] {
  const spliced = text.includes('\\') ? removeSplices(text) : identity(text);
  return new Lexer(spliced, new LineMap(file, text), diags).run();
}

function identity(text: string): Spliced {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

/** Reports a token's lexing problem, once. */
export function reportProblem(tok: PPToken, diags: Diagnostic[]): void {
  if (tok.problem === undefined) return;
  diags.push({ severity: 'error', message: tok.problem, loc: tok.loc, length: tok.length });
}

/** The preprocessing tokens of a file, ending with 'eof'; every lexing mistake is a diagnostic. */
export function tokenize(file: string, text: string, diags: Diagnostic[]): Token[] {
  try {
    const toks = lex(file, text, diags);
    for (const t of toks) reportProblem(t, diags);
    return toks;
  } catch (e) {
    // A bug of ours: report it rather than crash the page.
    const loc = { file, line: 1, col: 1, offset: 0 };
    diags.push({ severity: 'error', message: `internal error in the tokenizer (${String(e)}); please report it with this file`, loc, length: 1 });
    return [newToken('eof', '', loc, 1, false, true, undefined, undefined, undefined, undefined)];
  }
}
