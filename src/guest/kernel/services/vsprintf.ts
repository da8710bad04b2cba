// The kernel's vsnprintf: one format engine for printk, dev_printk, snprintf,
// seq_printf and sysfs_emit. It follows Linux 6.1's lib/vsprintf.c, which
// differs from C's printf in a few places a student may notice: "%#x" of 0 is
// "0x0", an integer with precision still honours the '0' flag, a negative
// precision counts as 0, "%n" and unknown conversions end the output there,
// and %p is followed by Linux's extensions (vsprintf-pointer.ts).

import type { GuestRam, KernelContext, VarArgs } from '../api.ts';
import { formatPointer } from './vsprintf-pointer.ts';

export const LEFT = 1, PLUS = 2, SPACE = 4, SPECIAL = 8, ZEROPAD = 16, SMALL = 32, SIGN = 64;

/** One conversion's flags, field width and precision (-1: not given). */
export interface FormatSpec {
  flags: number;
  width: number;
  precision: number;
  base: 8 | 10 | 16;
}

/** A format string may not run on forever: Linux stops at the buffer's end, we at this. */
const MAX_FORMAT = 64 * 1024;

/** Linux's number(): digits of `value` (a 64-bit pattern) with sign, prefix and padding. */
export function formatNumber(value: bigint, spec: FormatSpec): string {
  let num = BigInt.asUintN(64, value);
  let flags = spec.flags;
  let width = spec.width;
  if (flags & LEFT) flags &= ~ZEROPAD;
  let sign = '';
  if (flags & SIGN) {
    const signed = BigInt.asIntN(64, num);
    if (signed < 0n) { sign = '-'; num = -signed; }
    else if (flags & PLUS) sign = '+';
    else if (flags & SPACE) sign = ' ';
    if (sign) width--;
  }
  const needPrefix = (flags & SPECIAL) !== 0 && spec.base !== 10;
  const isZero = num === 0n;
  let prefix = '';
  if (needPrefix) {
    if (spec.base === 16) prefix = flags & SMALL ? '0x' : '0X';
    else if (!isZero) prefix = '0';
    width -= prefix.length;
  }
  let digits = num.toString(spec.base);
  digits = flags & SMALL ? digits : digits.toUpperCase();
  const precision = Math.max(spec.precision, digits.length);
  width -= precision;
  // Each padding step uses up what is left of the width, as Linux's loops do.
  const pad = (c: string) => { const s = width > 0 ? c.repeat(width) : ''; width = 0; return s; };
  let out = '';
  if (!(flags & (ZEROPAD | LEFT))) out += pad(' ');
  out += sign + prefix;
  if (!(flags & LEFT)) out += pad(flags & ZEROPAD ? '0' : ' ');
  out += '0'.repeat(precision - digits.length) + digits;
  if (flags & LEFT) out += pad(' ');
  return out;
}

/** Linux's string_nocheck()/widen_string(): at most `precision` characters, padded with spaces. */
export function formatString(text: string, spec: Pick<FormatSpec, 'flags' | 'width' | 'precision'>): string {
  const s = spec.precision >= 0 ? text.slice(0, spec.precision) : text;
  if (spec.width <= s.length) return s;
  const pad = ' '.repeat(spec.width - s.length);
  return spec.flags & LEFT ? s + pad : pad + s;
}

/** A pointer below the first page or an ERR_PTR is not a string: Linux prints these instead. */
export function badPointerText(ptr: number): string | undefined {
  if ((ptr >>> 0) < 4096) return '(null)';
  if ((ptr >>> 0) >= 0xffff_f001) return '(efault)';
  return undefined;
}

interface Cursor { fmt: string; i: number }

function parseFlags(c: Cursor): number {
  let flags = 0;
  for (;;) {
    const ch = c.fmt[c.i];
    const f = ch === '-' ? LEFT : ch === '+' ? PLUS : ch === ' ' ? SPACE : ch === '#' ? SPECIAL : ch === '0' ? ZEROPAD : 0;
    if (!f) return flags;
    flags |= f;
    c.i++;
  }
}

function parseDigits(c: Cursor): number {
  let n = 0;
  while (c.i < c.fmt.length && c.fmt[c.i] >= '0' && c.fmt[c.i] <= '9') n = Math.min(n * 10 + (c.fmt.charCodeAt(c.i++) - 48), 1 << 20);
  return n;
}

/** Field width and precision, either of which may be '*' (an int argument). */
function parseWidthPrecision(c: Cursor, va: VarArgs, spec: FormatSpec): void {
  if (c.fmt[c.i] === '*') {
    c.i++;
    spec.width = va.i32();
    if (spec.width < 0) { spec.flags |= LEFT; spec.width = -spec.width; }
  } else if (c.fmt[c.i] >= '0' && c.fmt[c.i] <= '9') spec.width = parseDigits(c);
  if (c.fmt[c.i] !== '.') return;
  c.i++;
  if (c.fmt[c.i] === '*') { c.i++; spec.precision = Math.max(0, va.i32()); }
  else spec.precision = parseDigits(c);
}

/** h, hh, l, ll, L, z, Z, t: Linux's qualifiers ('H' for hh, 'L' for ll). */
function parseQualifier(c: Cursor): string {
  const ch = c.fmt[c.i];
  if (ch === 'h' || ch === 'l') {
    c.i++;
    if (c.fmt[c.i] === ch) { c.i++; return ch === 'h' ? 'H' : 'L'; }
    return ch;
  }
  if (ch === 'L' || ch === 'z' || ch === 'Z' || ch === 't') { c.i++; return ch; }
  return '';
}

/** The integer argument for a qualifier, sign-extended when the conversion is signed. */
function integerArg(va: VarArgs, qualifier: string, signed: boolean): bigint {
  if (qualifier === 'L') return signed ? va.i64() : va.u64();
  const w = va.u32();
  if (qualifier === 'H') return BigInt(signed ? (w << 24) >> 24 : w & 0xff);
  if (qualifier === 'h') return BigInt(signed ? (w << 16) >> 16 : w & 0xffff);
  return BigInt(signed ? w | 0 : w >>> 0);
}

const NUMERIC: Record<string, { base: 8 | 10 | 16; flags: number }> = {
  d: { base: 10, flags: SIGN }, i: { base: 10, flags: SIGN }, u: { base: 10, flags: 0 },
  o: { base: 8, flags: 0 }, x: { base: 16, flags: SMALL }, X: { base: 16, flags: 0 },
};

/** Formats `fmt` with arguments from `va`, as Linux's vsnprintf does (without the size limit). */
export function formatKernel(k: KernelContext, fmt: string, va: VarArgs): string {
  const c: Cursor = { fmt: fmt.length > MAX_FORMAT ? fmt.slice(0, MAX_FORMAT) : fmt, i: 0 };
  let out = '';
  while (c.i < c.fmt.length) {
    const pct = c.fmt.indexOf('%', c.i);
    if (pct < 0) { out += c.fmt.slice(c.i); break; }
    out += c.fmt.slice(c.i, pct);
    c.i = pct + 1;
    const piece = conversion(k, c, va);
    if (piece === undefined) break;
    out += piece;
  }
  return out;
}

/** One %-conversion at the cursor; undefined for one Linux refuses (the output ends there). */
function conversion(k: KernelContext, c: Cursor, va: VarArgs): string | undefined {
  const spec: FormatSpec = { flags: parseFlags(c), width: -1, precision: -1, base: 10 };
  parseWidthPrecision(c, va, spec);
  const qualifier = parseQualifier(c);
  const ch = c.fmt[c.i++];
  if (ch === undefined) return undefined;
  if (ch === '%') return '%';
  if (ch === 'c') return formatString(String.fromCharCode(va.u32() & 0xff), { ...spec, precision: -1 });
  if (ch === 's') return stringArg(k.ram, va.u32(), spec);
  if (ch === 'p') {
    let ext = '';
    while (c.i < c.fmt.length && /[0-9A-Za-z]/.test(c.fmt[c.i])) ext += c.fmt[c.i++];
    return formatPointer(k, va.u32(), ext, spec);
  }
  const numeric = NUMERIC[ch];
  if (!numeric) return undefined;
  spec.base = numeric.base;
  spec.flags |= numeric.flags;
  return formatNumber(integerArg(va, qualifier, (spec.flags & SIGN) !== 0), spec);
}

function stringArg(ram: GuestRam, ptr: number, spec: FormatSpec): string {
  const bad = badPointerText(ptr);
  if (bad) return formatString(bad, { ...spec, precision: spec.precision < 0 ? 8 : spec.precision });
  const max = spec.precision >= 0 ? spec.precision : MAX_FORMAT;
  return formatString(ram.cString(ptr, max), spec);
}

/** The variadic arguments behind a va_list: on ilp32 a pointer walking 4-byte
 * slots, a 64-bit value on the next 8-byte boundary (as gcc and kernel-C lay them out). */
export function vaListArgs(ram: GuestRam, ap: number): VarArgs {
  let p = ap >>> 0;
  const next64 = () => { p = ((p + 7) & ~7) >>> 0; const v = ram.u64(p); p += 8; return v; };
  return {
    u32: () => { const v = ram.u32(p); p += 4; return v; },
    i32: () => { const v = ram.i32(p); p += 4; return v; },
    u64: next64,
    i64: () => BigInt.asIntN(64, next64()),
  };
}
