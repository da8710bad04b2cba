// Values of constants (C99 6.4.4.1 integer constants, 6.4.4.4 character constants,
// 6.4.5 string literals) for the ILP32 ABI of riscv32 gcc: int and long are 32 bits,
// long long 64, plain char is unsigned, and source text is encoded as UTF-8.

import type { IntegerType } from './token.ts';

export type IntTypeName = IntegerType['name'];

export interface Literal<T> {
  value: T;
  /** What is wrong, for the student; the value is still usable. */
  error?: string;
  warning?: string;
}

const BITS: Record<IntTypeName, number> = {
  int: 32, 'unsigned int': 32, long: 32, 'unsigned long': 32, 'long long': 64, 'unsigned long long': 64,
};
const fits = (v: bigint, t: IntTypeName): boolean =>
  t.startsWith('unsigned') ? v < 1n << BigInt(BITS[t]) : v < 1n << BigInt(BITS[t] - 1);

/** True when a pp-number is a floating constant (a '.', or an exponent outside hex digits). */
export function isFloatingNumber(text: string): boolean {
  if (/^0[xX]/.test(text)) return /[.pP]/.test(text);
  return /[.eE]/.test(text);
}

const SUFFIXES: Record<string, { unsigned: boolean; size: '' | 'l' | 'll' }> = {
  '': { unsigned: false, size: '' },
  u: { unsigned: true, size: '' },
  l: { unsigned: false, size: 'l' },
  ul: { unsigned: true, size: 'l' },
  lu: { unsigned: true, size: 'l' },
  ll: { unsigned: false, size: 'll' },
  ull: { unsigned: true, size: 'll' },
  llu: { unsigned: true, size: 'll' },
};

/** Candidate types of C99 6.4.4.1p5, in order. */
function candidates(decimal: boolean, unsigned: boolean, size: '' | 'l' | 'll'): IntTypeName[] {
  const all: IntTypeName[] = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long'];
  const from = size === '' ? 0 : size === 'l' ? 2 : 4;
  return all.slice(from).filter((t) => (unsigned ? t.startsWith('unsigned') : decimal ? !t.startsWith('unsigned') : true));
}

/** Splits "0x1fUL" into base, digits and suffix. */
function splitNumber(text: string): { base: number; digits: string; suffix: string } {
  let m = /^0[xX]([0-9a-fA-F]*)(.*)$/.exec(text);
  if (m) return { base: 16, digits: m[1], suffix: m[2] };
  m = /^0[bB]([01]*)(.*)$/.exec(text);
  if (m) return { base: 2, digits: m[1], suffix: m[2] };
  m = /^([0-9]*)(.*)$/.exec(text) as RegExpExecArray;
  const base = m[1].length > 1 && m[1][0] === '0' ? 8 : 10;
  return { base, digits: m[1], suffix: m[2] };
}

const TOO_LARGE = 1n << 64n;

function digitsValue(digits: string, base: number): bigint | undefined {
  let v = 0n;
  const b = BigInt(base);
  for (const ch of digits) {
    const d = parseInt(ch, 16);
    if (!(d < base)) return undefined;
    // Past 64 bits the value is only "too large": growing a bignum through 10^5 digits is quadratic.
    if (v <= TOO_LARGE) v = v * b + BigInt(d);
  }
  return v;
}

/** The value and type of an integer constant. */
export function parseIntegerConstant(text: string): Literal<{ value: bigint; type: IntTypeName }> {
  const { base, digits, suffix } = splitNumber(text);
  const suf = SUFFIXES[suffix.toLowerCase()];
  const value = digitsValue(digits, base);
  if (digits === '') {
    return { value: { value: 0n, type: 'int' }, error: `the ${baseName(base)} constant '${text}' has no digits` };
  }
  if (value === undefined) {
    const bad = [...digits].find((ch) => !(parseInt(ch, 16) < base)) ?? '?';
    return { value: { value: 0n, type: 'int' }, error: `invalid digit '${bad}' in the ${baseName(base)} constant '${text}'` };
  }
  if (suf === undefined || /lL|Ll/.test(suffix)) {
    return { value: { value, type: 'int' }, error: `invalid suffix "${suffix}" on integer constant '${text}' (use U, L, UL, LL or ULL)` };
  }
  const type = candidates(base === 10, suf.unsigned, suf.size).find((t) => fits(value, t));
  if (type !== undefined) return { value: { value, type } };
  if (value < 1n << 64n) {
    return { value: { value, type: 'unsigned long long' }, warning: `integer constant '${text}' is so large that it is unsigned` };
  }
  return {
    value: { value: BigInt.asUintN(64, value), type: 'unsigned long long' },
    error: `integer constant '${text}' is too large: it does not fit in 64 bits`,
  };
}

function baseName(base: number): string {
  return base === 16 ? 'hexadecimal' : base === 8 ? 'octal' : base === 2 ? 'binary' : 'decimal';
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, E: 27, '\\': 92, "'": 39, '"': 34, '?': 63,
};

/** Decodes the body of a literal (between the quotes) into code units: bytes for a plain
 * literal (UTF-8 for non-ASCII characters), code points for a wide one. */
export function decodeLiteralBody(body: string, wide: boolean): Literal<number[]> {
  const out: number[] = [];
  let error: string | undefined;
  let warning: string | undefined;
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    if (cp !== 0x5c) {
      if (wide || cp < 0x80) out.push(cp);
      else out.push(...utf8(cp));
      continue;
    }
    const esc = decodeEscape(body, i, wide);
    i = esc.next;
    out.push(...esc.units);
    error ??= esc.error;
    warning ??= esc.warning;
  }
  return { value: out, error, warning };
}

interface Escape { units: number[]; next: number; error?: string; warning?: string }

function decodeEscape(body: string, i: number, wide: boolean): Escape {
  const c = body[i] ?? '';
  const limit = wide ? 0xffffffff : 0xff;
  if (Object.hasOwn(SIMPLE_ESCAPES, c)) return { units: [SIMPLE_ESCAPES[c]], next: i + 1 };
  if (c >= '0' && c <= '7') {
    const m = /^[0-7]{1,3}/.exec(body.slice(i)) as RegExpExecArray;
    const v = parseInt(m[0], 8);
    return { units: [v & limit], next: i + m[0].length, warning: v > limit ? 'octal escape sequence out of range' : undefined };
  }
  if (c === 'x') {
    const m = /^[0-9a-fA-F]+/.exec(body.slice(i + 1));
    if (!m) return { units: [], next: i + 1, error: '\\x used with no following hex digits' };
    const v = BigInt('0x' + m[0]);
    const big = v > BigInt(limit);
    return {
      units: [Number(v & BigInt(limit))], next: i + 1 + m[0].length,
      error: big ? 'hex escape sequence out of range (a character holds 0 to 0xff)' : undefined,
    };
  }
  if (c === 'u' || c === 'U') return decodeUniversal(body, i, wide);
  if (c === '') return { units: [92], next: i };
  return { units: [c.codePointAt(0) as number], next: i + 1, warning: `unknown escape sequence '\\${c}'` };
}

function decodeUniversal(body: string, i: number, wide: boolean): Escape {
  const n = body[i] === 'u' ? 4 : 8;
  const hex = body.slice(i + 1, i + 1 + n);
  if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) {
    return { units: [], next: i + 1, error: `incomplete universal character name \\${body[i]}${hex}` };
  }
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return { units: [], next: i + 1 + n, error: `\\${body[i]}${hex} is not a valid universal character` };
  }
  return { units: wide ? [cp] : utf8(cp), next: i + 1 + n };
}

/** UTF-8 bytes of a code point (written out here: this layer has no TextEncoder). */
export function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** Value of a character constant's spelling ('a', '\n', 'ab', L'x'), as gcc computes it
 * for riscv: one plain char is unsigned char; several are packed big-endian into an int. */
export function parseCharConstant(text: string): Literal<bigint> {
  const wide = text[0] === 'L';
  if (text[0] === 'u' || text[0] === 'U') {
    return { value: 0n, error: `${text[0]}'…' character constants are not supported in kernel code; use a plain '…' constant` };
  }
  const body = text.slice(wide ? 2 : 1, -1);
  const units = decodeLiteralBody(body, wide);
  const res: Literal<bigint> = { value: 0n, error: units.error, warning: units.warning };
  if (units.value.length === 0) return { ...res, error: res.error ?? "empty character constant ''" };
  if (wide) return { ...res, value: BigInt.asIntN(32, BigInt(units.value[0])) };
  if (units.value.length === 1) return { ...res, value: BigInt(units.value[0]) };
  let v = 0n;
  for (const b of units.value.slice(-4)) v = (v << 8n) | BigInt(b); // only the last four count (gcc)
  const warning = units.value.length > 4 ? 'character constant too long for its type' : 'multi-character character constant';
  return { ...res, value: BigInt.asIntN(32, v), warning: res.warning ?? warning };
}

/** Bytes of a string literal's spelling, NUL included. */
export function parseStringLiteral(text: string): Literal<Uint8Array> {
  const q = text.indexOf('"');
  const prefix = text.slice(0, q);
  if (prefix !== '' && prefix !== 'u8') {
    return {
      value: new Uint8Array([0]),
      error: `${prefix}"…" wide string literals are not supported in kernel code; use a plain "…" string`,
    };
  }
  const units = decodeLiteralBody(text.slice(q + 1, -1), false);
  const bytes = new Uint8Array(units.value.length + 1);
  bytes.set(units.value);
  return { value: bytes, error: units.error, warning: units.warning };
}
