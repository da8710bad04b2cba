// Translation phase 7's start: preprocessing tokens become the parser's tokens
// (C99 6.4: keywords, integer/character constants with value and type, string
// literals as bytes). Floating constants are refused, as the Linux kernel does.

import type { Diagnostic, Severity } from '../diagnostics.ts';
import { KEYWORDS } from './keywords.ts';
import type { Token } from './token.ts';
import type { PPToken } from './tokenize.ts';
import { isFloatingNumber, parseCharConstant, parseIntegerConstant, parseStringLiteral, type Literal } from './literals.ts';

/** A diagnostic at a token; for a token out of a macro, a note shows where the macro was used. */
export function diagnoseAt(diags: Diagnostic[], t: Token, severity: Severity, message: string): void {
  const d: Diagnostic = { severity, message, loc: t.loc, length: t.length };
  if (t.expandedFrom !== undefined) {
    d.notes = [{ severity: 'note', message: 'in the expansion of the macro used here', loc: t.expandedFrom, length: 1 }];
  }
  diags.push(d);
}

function report<T>(diags: Diagnostic[], t: Token, lit: Literal<T>): T {
  if (lit.error !== undefined) diagnoseAt(diags, t, 'error', lit.error);
  if (lit.warning !== undefined) diagnoseAt(diags, t, 'warning', lit.warning);
  return lit.value;
}

/** The parser's token for a keyword or a constant, made in one allocation with every field present. */
function token(t: PPToken, kind: Token['kind'], value?: bigint, intType?: Token['intType'], bytes?: Uint8Array): Token {
  return { kind, text: t.text, loc: t.loc, length: t.length, hasSpace: t.hasSpace, atLineStart: t.atLineStart, value, intType, bytes, expandedFrom: t.expandedFrom };
}

/** The parser's token for a preprocessing token; undefined for one already reported as malformed. */
export function convertToken(t: PPToken, diags: Diagnostic[]): Token | undefined {
  if (t.problem !== undefined) {
    if (t.stray === true) diagnoseAt(diags, t, 'error', t.problem);
    return undefined;
  }
  switch (t.kind) {
    // A plain identifier or punctuator is already what the parser reads: it is passed on,
    // not copied (tokens are never modified after lexing, so sharing them is safe).
    case 'ident':
      return KEYWORDS.has(t.text) ? token(t, 'keyword') : t;
    case 'number':
      if (isFloatingNumber(t.text)) {
        diagnoseAt(diags, t, 'error', 'floating point is not available in kernel code: use integers (for example, count in milliseconds instead of seconds)');
        return token(t, 'number', 0n, 'int');
      }
      {
        const small = smallDecimal(t.text);
        if (small !== undefined) return token(t, 'number', small, 'int');
        const { value, type } = report(diags, t, parseIntegerConstant(t.text));
        return token(t, 'number', value, type);
      }
    case 'char':
      return token(t, 'char', report(diags, t, parseCharConstant(t.text)), 'int');
    case 'string':
      return token(t, 'string', undefined, undefined, report(diags, t, parseStringLiteral(t.text)));
    default:
      return t;
  }
}

/** The values 0..SMALL_VALUES-1, made once: a BigInt is a heap object, and most constants are small. */
const SMALL_VALUES = 1024;
const SMALL: bigint[] = Array.from({ length: SMALL_VALUES }, (_, i) => BigInt(i));

/** The value of a plain decimal constant of at most 9 digits with no suffix (an int, whatever
 * its digits), else undefined; most constants in a program are such, and the general
 * parse (base, suffix, candidate types) costs more than the rest of their conversion. */
function smallDecimal(text: string): bigint | undefined {
  const n = text.length;
  if (n > 9 || (n > 1 && text.charCodeAt(0) === 48)) return undefined; // a leading 0 is octal
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return v < SMALL_VALUES ? SMALL[v] : BigInt(v);
}

/** Converts the preprocessor's output, appended to `out` (its 'eof' tokens left out: the caller adds the one at the end). */
export function convertTokens(toks: PPToken[], diags: Diagnostic[], out: Token[] = []): Token[] {
  for (const t of toks) {
    if (t.kind === 'eof') continue;
    const c = convertToken(t, diags);
    if (c !== undefined) out.push(c);
  }
  return out;
}

/** Converts the preprocessor's output in its own array, which it then is (its 'eof' tokens
 * left out): a megabyte of macro calls makes two million tokens, and a second array of
 * them, grown by doubling, costs more than the conversion. */
export function convertInPlace(toks: PPToken[], diags: Diagnostic[]): Token[] {
  let n = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'eof') continue;
    const c = convertToken(t, diags);
    if (c !== undefined) toks[n++] = c;
  }
  toks.length = n;
  return toks;
}
