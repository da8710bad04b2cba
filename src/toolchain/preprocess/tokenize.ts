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
/** The punctuators as numbers made of their character codes (c0 * 128 + c1 ...), so the
 * lexer finds one without cutting a string out of the source for each. */
const codesOf = (p: string): number => [...p].reduce((n, ch) => n * 128 + ch.charCodeAt(0), 0);
const PUNCTUATOR_3_CODES = new Set([...PUNCTUATORS_3].map(codesOf));
const PUNCTUATOR_2_CODES = new Set([...PUNCTUATORS_2].map(codesOf));
const PUNCTUATOR_1_CODES = new Uint8Array(128);
for (const ch of PUNCTUATORS_1) PUNCTUATOR_1_CODES[ch.charCodeAt(0)] = 1;

// The lexer reads character codes (charCodeAt), not one-character strings: it looks at
// every character of a megabyte of source, and codes are compared without string checks.
const isDigit = (c: number): boolean => c >= 48 && c <= 57; // 0-9
const isIdentStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; // a-z A-Z _ $
const isIdentChar = (c: number): boolean => isIdentStart(c) || isDigit(c);

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
  /** origin[i] = offset in the original text of text[i]; origin[text.length] = original length.
   * null when there was no splice (text[i] came from offset i): most files have none. */
  origin: Int32Array | null;
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
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
      const c = s.charCodeAt(this.pos);
      if (c === 10) { // \n
        this.atLineStart = true;
        this.hasSpace = false;
        this.pos++;
      } else if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || (c === 0xfeff && this.pos === 0)) { // space \t \r \f \v, a leading BOM
        this.hasSpace = true;
        this.pos++;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 47) { // //
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl;
        this.hasSpace = true;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 42) { // /*
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
      loc: this.lines.loc(this.originOf(start)),
      length: 2,
    });
  }

  private scanToken(): [PPToken['kind'], string | undefined] {
    const s = this.src;
    const c = s.charCodeAt(this.pos);
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(this.pos + 1)))) { // a digit, or . then a digit
      this.scanPPNumber();
      return ['number', undefined];
    }
    const prefix = this.literalPrefix();
    if (prefix >= 0) {
      this.pos += prefix;
      const quote = s.charCodeAt(this.pos);
      return [quote === 34 ? 'string' : 'char', this.scanQuoted(quote)];
    }
    if (isIdentStart(c)) {
      while (this.pos < s.length && isIdentChar(s.charCodeAt(this.pos))) this.pos++;
      return ['ident', undefined];
    }
    return ['punct', this.scanPunctuator()];
  }

  /** Length of an encoding prefix (L, u, U, u8) when a quote follows it, else -1 (0 for a bare quote). */
  private literalPrefix(): number {
    const s = this.src;
    const p = this.pos;
    const c = s.charCodeAt(p), d = s.charCodeAt(p + 1);
    if (c === 34 || c === 39) return 0; // " '
    if ((c === 76 || c === 85 || c === 117) && (d === 34 || d === 39)) return 1; // L U u
    if (c === 117 && d === 56 && s.charCodeAt(p + 2) === 34) return 2; // u8"
    return -1;
  }

  private scanPPNumber(): void {
    const s = this.src;
    this.pos++;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      const sign = c === 43 || c === 45; // + -
      const prev = s.charCodeAt(this.pos - 1);
      if (sign && (prev === 101 || prev === 69 || prev === 112 || prev === 80)) this.pos++; // after e E p P
      else if (isIdentChar(c) || c === 46) this.pos++; // or .
      else break;
    }
  }

  /** Scans a character constant or string literal; returns a problem if it is unterminated. */
  private scanQuoted(quote: number): string | undefined {
    const s = this.src;
    this.pos++;
    while (this.pos < s.length && s.charCodeAt(this.pos) !== quote) {
      const c = s.charCodeAt(this.pos);
      if (c === 10) break; // \n
      if (c === 92 && this.pos + 1 < s.length && s.charCodeAt(this.pos + 1) !== 10) this.pos++; // \ escapes the next
      this.pos++;
    }
    if (s.charCodeAt(this.pos) === quote) {
      this.pos++;
      return undefined;
    }
    return quote === 34
      ? 'missing terminating " character: close the string before the end of the line'
      : "missing terminating ' character: close the character constant before the end of the line";
  }

  private scanPunctuator(): string | undefined {
    const s = this.src;
    const c = s.charCodeAt(this.pos), d = s.charCodeAt(this.pos + 1), e = s.charCodeAt(this.pos + 2);
    if (c < 128 && d < 128 && PUNCTUATOR_2_CODES.has(c * 128 + d)) {
      this.pos += e < 128 && PUNCTUATOR_3_CODES.has((c * 128 + d) * 128 + e) ? 3 : 2;
      return undefined;
    }
    if (c === 46 && d === 46 && e === 46) { // ... (whose first two are not a punctuator)
      this.pos += 3;
      return undefined;
    }
    if (c < 128 && PUNCTUATOR_1_CODES[c] === 1) {
      this.pos++;
      return undefined;
    }
    const code = s.codePointAt(this.pos) ?? 0;
    this.pos += code > 0xffff ? 2 : 1;
    return strayMessage(code);
  }

  private originOf(i: number): number {
    const origin = this.spliced.origin;
    return origin === null ? i : origin[i];
  }

  private make(kind: PPToken['kind'], start: number, end: number): PPToken {
    const from = this.originOf(start);
    const to = end > start ? this.originOf(end - 1) + 1 : from;
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
  return { text, origin: null };
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
