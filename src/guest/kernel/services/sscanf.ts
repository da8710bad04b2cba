// The kernel's sscanf (lib/vsprintf.c's vsscanf in Linux 6.1): whitespace in
// the format matches any run of whitespace, %d %i %u %x %o %s %c %n with
// widths, '*' and the h/hh/l/ll/z qualifiers; it stops at the first thing that
// does not match and returns how many values it stored.

import type { KernelContext, VarArgs } from '../api.ts';
import { fixupRadix, parseDigits } from './kstrtox.ts';

const isSpace = (c: string | undefined) => c !== undefined && /[ \t\n\v\f\r]/.test(c);

interface ScanCursor { s: string; i: number }

function skipSpaces(c: ScanCursor): void { while (isSpace(c.s[c.i])) c.i++; }

/** simple_strntoll/simple_strntoull on at most `max` characters: the base by prefix (16 skips a
 * "0x" even with no digit after it, as Linux does), then the digits there are. The sign and the
 * first digit were checked by the caller. */
function parseInteger(c: ScanCursor, base: number, signed: boolean, max: number): bigint | undefined {
  const end = Math.min(c.s.length, c.i + max);
  let i = c.i;
  let negative = false;
  if (signed && c.s[i] === '-') { negative = true; i++; }
  const fixed = fixupRadix(c.s.slice(0, end), i, base);
  const d = parseDigits(c.s.slice(0, end), fixed.i, fixed.base);
  c.i = d.end;
  const v = BigInt.asUintN(64, d.value);
  return negative ? -v : v;
}

function store(k: KernelContext, ptr: number, qualifier: string, v: bigint): void {
  if (qualifier === 'H') k.ram.setU8(ptr, Number(BigInt.asUintN(8, v)));
  else if (qualifier === 'h') k.ram.setU16(ptr, Number(BigInt.asUintN(16, v)));
  else if (qualifier === 'L') k.ram.setU64(ptr, v);
  else k.ram.setU32(ptr, Number(BigInt.asUintN(32, v)));
}

/** vsscanf's check before a number: a '-' (signed only, and not with width 1) then a digit of the base. */
function firstDigitOk(c: ScanCursor, base: number, signed: boolean, width: number): boolean {
  let d = c.s[c.i];
  if (signed && d === '-') {
    if (width === 1) return false;
    d = c.s[c.i + 1];
  }
  if (d === undefined) return false;
  if (base === 16) return /[0-9a-fA-F]/.test(d);
  if (base === 8) return d >= '0' && d <= '7';
  return d >= '0' && d <= '9';
}

const BASES: Record<string, { base: number; signed: boolean }> = {
  d: { base: 10, signed: true }, i: { base: 0, signed: true }, u: { base: 10, signed: false },
  x: { base: 16, signed: false }, X: { base: 16, signed: false }, o: { base: 8, signed: false },
};

/** Scans `input` by `fmt`, storing through the pointers in `va`; returns the number stored. */
export function scanKernel(k: KernelContext, input: string, fmt: string, va: VarArgs): number {
  const str: ScanCursor = { s: input, i: 0 };
  let f = 0, count = 0;
  while (f < fmt.length && str.i <= input.length) {
    if (isSpace(fmt[f])) { while (isSpace(fmt[f])) f++; skipSpaces(str); continue; }
    if (fmt[f] !== '%' || fmt[f + 1] === '%') {
      const want = fmt[f] === '%' ? (f++, '%') : fmt[f];
      f++;
      if (str.s[str.i++] !== want) break;
      continue;
    }
    f++;
    if (fmt[f] === '*') {
      if (str.i >= input.length) break;
      while (f < fmt.length && !isSpace(fmt[f]) && fmt[f] !== '%') f++;
      while (str.i < input.length && !isSpace(str.s[str.i])) str.i++;
      continue;
    }
    let width = -1;
    if (/[0-9]/.test(fmt[f] ?? '')) { width = parseInt(fmt.slice(f), 10); f += String(width).length; if (width <= 0) break; }
    let q = '';
    if ('hlLzZ'.includes(fmt[f] ?? '\0')) { q = fmt[f++]; if ((q === 'h' || q === 'l') && fmt[f] === q) { f++; q = q === 'h' ? 'H' : 'L'; } }
    const conv = fmt[f++];
    if (conv === undefined) break;
    if (conv === 'n') { k.ram.setU32(va.u32(), str.i); continue; }
    if (str.i >= input.length) break;
    if (conv === 'c' || conv === 's') {
      const ptr = va.u32();
      let text = '';
      if (conv === 'c') text = input.slice(str.i, str.i + (width < 0 ? 1 : width));
      else { skipSpaces(str); while (str.i + text.length < input.length && !isSpace(input[str.i + text.length]) && (width < 0 || text.length < width)) text += input[str.i + text.length]; }
      str.i += text.length;
      if (conv === 's') k.ram.setCString(ptr, text);
      else k.ram.setBytes(ptr, Uint8Array.from(text, (ch) => ch.charCodeAt(0)));
      count++;
      continue;
    }
    const kind = BASES[conv];
    if (!kind) return count;
    skipSpaces(str);
    if (!firstDigitOk(str, kind.base, kind.signed, width)) break;
    const v = parseInteger(str, kind.base, kind.signed, width < 0 ? Infinity : width);
    if (v === undefined) break;
    store(k, va.u32(), q, v);
    count++;
  }
  return count;
}
