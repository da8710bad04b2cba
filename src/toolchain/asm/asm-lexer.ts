// Lexer for GNU as (RISC-V) source lines: names (with '.', '$', '_'), numbers
// (decimal, 0x, 0b, leading-0 octal, 'c' characters), numeric local-label
// references (1f, 2b), strings with C escapes, and punctuation. '#' starts a comment.

export type AsmTokKind = 'name' | 'num' | 'numlabel' | 'str' | 'punct' | 'mod';

export interface AsmTok {
  kind: AsmTokKind;
  text: string;
  /** 1-based column in the line. */
  col: number;
  /** num: the value; numlabel: the label number. */
  value?: number;
  /** str: decoded bytes (no terminating NUL). */
  bytes?: number[];
  /** numlabel: 'f' (forward) or 'b' (backward). */
  dir?: 'f' | 'b';
}

export class AsmLexError extends Error {
  constructor(message: string, readonly col: number) {
    super(message);
  }
}

// Character classes as tests on the code unit (the lexer is on the compile-time hot path).
const NAME_START = { test: (c: string): boolean => isNameStart(c.charCodeAt(0)) };
const NAME_CHAR = { test: (c: string): boolean => isNameStart(c.charCodeAt(0)) || isDigit(c.charCodeAt(0)) };
function isDigit(k: number): boolean { return k >= 48 && k <= 57; }
function isNameStart(k: number): boolean {
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95 || k === 46 || k === 36;
}
const PUNCT2 = ['<<', '>>', '==', '!=', '<=', '>=', '&&', '||'];

/** Splits one source line (no newline) into tokens; stops at a comment. */
export function lexLine(line: string): AsmTok[] {
  const toks: AsmTok[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') { i++; continue; }
    if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    const start = i;
    if (c === '%' && NAME_START.test(line[i + 1] ?? '')) {
      i++;
      while (i < line.length && (NAME_CHAR.test(line[i]) && line[i] !== '.' && line[i] !== '$')) i++;
      toks.push({ kind: 'mod', text: line.slice(start + 1, i), col: start + 1 });
    } else if (NAME_START.test(c)) {
      while (i < line.length && NAME_CHAR.test(line[i])) i++;
      toks.push({ kind: 'name', text: line.slice(start, i), col: start + 1 });
    } else if (isDigit(c.charCodeAt(0))) {
      i = lexNumber(line, i, toks);
    } else if (c === '"') {
      i = lexString(line, i, toks);
    } else if (c === "'") {
      i = lexChar(line, i, toks);
    } else {
      const two = line.slice(i, i + 2);
      const p = PUNCT2.includes(two) ? two : c;
      toks.push({ kind: 'punct', text: p, col: start + 1 });
      i += p.length;
    }
  }
  return toks;
}

function lexNumber(line: string, i: number, toks: AsmTok[]): number {
  const start = i;
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)/.exec(line.slice(i));
  const text = m ? m[0] : line[i];
  i += text.length;
  const next = line[i] ?? '';
  if (/^[0-9]+$/.test(text) && (next === 'f' || next === 'b') && !NAME_CHAR.test(line[i + 1] ?? '')) {
    toks.push({ kind: 'numlabel', text: text + next, col: start + 1, value: Number(text), dir: next });
    return i + 1;
  }
  if (NAME_CHAR.test(next)) throw new AsmLexError(`malformed number '${line.slice(start, i + 1)}'`, start + 1);
  let value: number;
  if (/^0[bB]/.test(text)) value = parseInt(text.slice(2), 2);
  else if (/^0[0-7]+$/.test(text)) value = parseInt(text.slice(1), 8);
  else value = Number(text);
  toks.push({ kind: 'num', text, col: start + 1, value });
  return i;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, '"': 34, "'": 39, a: 7, b: 8, f: 12, v: 11, e: 27 };

/** Reads one (possibly escaped) character at i; returns [byte values, next index]. */
function readChar(line: string, i: number): [number[], number] {
  const c = line[i];
  if (c !== '\\') {
    const code = line.codePointAt(i) ?? 0;
    const s = String.fromCodePoint(code);
    return [utf8(s), i + s.length];
  }
  const e = line[i + 1];
  if (e === undefined) throw new AsmLexError('backslash at the end of the line', i + 1);
  if (/[0-7]/.test(e)) {
    const m = /^[0-7]{1,3}/.exec(line.slice(i + 1))![0];
    return [[parseInt(m, 8) & 0xff], i + 1 + m.length];
  }
  if (e === 'x') {
    const m = /^[0-9a-fA-F]+/.exec(line.slice(i + 2));
    if (!m) throw new AsmLexError('\\x used with no following hex digits', i + 1);
    return [[parseInt(m[0], 16) & 0xff], i + 2 + m[0].length];
  }
  return [[ESCAPES[e] ?? e.charCodeAt(0)], i + 2];
}

function utf8(s: string): number[] {
  const code = s.codePointAt(0) ?? 0;
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 63)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
}

function lexString(line: string, i: number, toks: AsmTok[]): number {
  const start = i;
  const bytes: number[] = [];
  i++;
  while (line[i] !== '"') {
    if (i >= line.length) throw new AsmLexError('missing closing quote of the string', start + 1);
    const [b, next] = readChar(line, i);
    bytes.push(...b);
    i = next;
  }
  toks.push({ kind: 'str', text: line.slice(start, i + 1), col: start + 1, bytes });
  return i + 1;
}

function lexChar(line: string, i: number, toks: AsmTok[]): number {
  if (i + 1 >= line.length) throw new AsmLexError('missing character after the quote', i + 1);
  const [b, next] = readChar(line, i + 1);
  const end = line[next] === "'" ? next + 1 : next; // GNU as allows 'c without the closing quote
  toks.push({ kind: 'num', text: line.slice(i, end), col: i + 1, value: b[0] });
  return end;
}

/** Splits a line into statements at ';' outside strings (GNU as's line separator), keeping columns. */
export function splitStatements(line: string): { text: string; colBase: number }[] {
  const out: { text: string; colBase: number }[] = [];
  let start = 0;
  let inStr = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '#') break;
    else if (c === ';') {
      out.push({ text: line.slice(start, i), colBase: start });
      start = i + 1;
    }
  }
  out.push({ text: line.slice(start), colBase: start });
  return out;
}
