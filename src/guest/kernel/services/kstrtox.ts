// String to integer conversions with Linux's exact rules (lib/kstrtox.c and
// lib/vsprintf.c's simple_strto*): base 0 picks 16 for "0x", 8 for a leading
// 0, else 10; the kstrto* family accepts one trailing newline (what `echo`
// writes to a sysfs file) and nothing else, and answers -EINVAL for junk and
// -ERANGE for a number too big for the destination.

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';

const EINVAL = 22, ERANGE = 34;
const MAX_NUMBER_TEXT = 4096;

const digitValue = (c: string | undefined): number => {
  if (c === undefined) return 99;
  const x = c.charCodeAt(0) | 0x20;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  return x >= 97 && x <= 122 ? x - 87 : 99;
};

/** _parse_integer_fixup_radix: the base to use and where the digits start. */
export function fixupRadix(s: string, i: number, base: number): { base: number; i: number } {
  if (base === 0) base = s[i] === '0' ? ((s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2]) < 16 ? 16 : 8) : 10;
  if (base === 16 && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) i += 2;
  return { base, i };
}

/** _parse_integer: the digits from i on, modulo 2^64, whether they overflowed, and how many there were. */
export function parseDigits(s: string, i: number, base: number): { value: bigint; overflow: boolean; end: number } {
  let value = 0n, overflow = false;
  const b = BigInt(base);
  while (digitValue(s[i]) < base) {
    value = value * b + BigInt(digitValue(s[i++]));
    if (value >= 1n << 64n) { overflow = true; value = BigInt.asUintN(64, value); }
  }
  return { value, overflow, end: i };
}

/** _kstrtoull: a whole unsigned number (optionally "\n"-terminated), or a negative errno. */
function strictUnsigned(s: string, base: number): bigint | number {
  const r = fixupRadix(s, 0, base);
  const d = parseDigits(s, r.i, r.base);
  if (d.overflow) return -ERANGE;
  if (d.end === r.i) return -EINVAL;
  let end = d.end;
  if (s[end] === '\n') end++;
  return end === s.length ? d.value : -EINVAL;
}

/** kstrtoull: as _kstrtoull, after an optional '+'. */
export function kstrtoull(s: string, base: number): bigint | number {
  return strictUnsigned(s[0] === '+' ? s.slice(1) : s, base);
}

/** kstrtoll: signed, -ERANGE outside the 64-bit range. */
export function kstrtoll(s: string, base: number): bigint | number {
  if (s[0] === '-') {
    const v = strictUnsigned(s.slice(1), base);
    if (typeof v === 'number') return v;
    return v > 1n << 63n ? -ERANGE : -v;
  }
  const v = kstrtoull(s, base);
  if (typeof v === 'number') return v;
  return v >= 1n << 63n ? -ERANGE : v;
}

/** kstrto<type>: the 64-bit parse narrowed to [min, max], -ERANGE outside. */
export function kstrtoRange(s: string, base: number, signed: boolean, bits: number): bigint | number {
  const v = signed ? kstrtoll(s, base) : kstrtoull(s, base);
  if (typeof v === 'number') return v;
  const ok = signed ? BigInt.asIntN(bits, v) === v : BigInt.asUintN(bits, v) === v;
  return ok ? v : -ERANGE;
}

/** kstrtobool: y/Y/t/T/1/on → true, n/N/f/F/0/off → false; the rest is -EINVAL. */
export function kstrtobool(s: string): boolean | number {
  const c = s[0] ?? '';
  if ('yYtT1'.includes(c) && c) return true;
  if ('nNfF0'.includes(c) && c) return false;
  if (c === 'o' || c === 'O') {
    if (s[1] === 'n' || s[1] === 'N') return true;
    if (s[1] === 'f' || s[1] === 'F') return false;
  }
  return -EINVAL;
}

/** simple_strtoull: as many digits as there are (no error), the end stored through endp. */
function simpleStrto(k: KernelContext, a: CallArgs, bits: 32 | 64, signed: boolean): bigint {
  const cp = a.u32(0), endp = a.u32(1);
  const s = k.ram.cString(cp, MAX_NUMBER_TEXT);
  const negative = signed && s[0] === '-';
  const r = fixupRadix(s, negative ? 1 : 0, a.u32(2));
  const d = parseDigits(s, r.i, r.base);
  if (endp) k.ram.setU32(endp, cp + d.end);
  const v = negative ? -d.value : d.value;
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

type Store = (k: KernelContext, p: number, v: bigint) => void;
const storeBits = (bytes: 1 | 2 | 4 | 8): Store => (k, p, v) => {
  if (bytes === 8) k.ram.setU64(p, v);
  else if (bytes === 4) k.ram.setU32(p, Number(BigInt.asUintN(32, v)));
  else if (bytes === 2) k.ram.setU16(p, Number(BigInt.asUintN(16, v)));
  else k.ram.setU8(p, Number(BigInt.asUintN(8, v)));
};

/** A kstrto* service: (const char *s, unsigned int base, T *res) → 0 or -errno; *res untouched on error. */
function kstrtoService(signed: boolean, bytes: 1 | 2 | 4 | 8) {
  const store = storeBits(bytes);
  return (k: KernelContext, a: CallArgs) => {
    const v = kstrtoRange(k.ram.cString(a.u32(0), MAX_NUMBER_TEXT), a.u32(1), signed, bytes * 8);
    if (typeof v === 'number') return v;
    store(k, a.u32(2), v);
    return 0;
  };
}

export const kstrtoxServices: ServiceModule = {
  services: {
    kstrtoull: kstrtoService(false, 8), kstrtoll: kstrtoService(true, 8),
    _kstrtoul: kstrtoService(false, 4), _kstrtol: kstrtoService(true, 4),
    kstrtouint: kstrtoService(false, 4), kstrtoint: kstrtoService(true, 4),
    kstrtou16: kstrtoService(false, 2), kstrtos16: kstrtoService(true, 2),
    kstrtou8: kstrtoService(false, 1), kstrtos8: kstrtoService(true, 1),
    kstrtobool: (k, a) => {
      if (!a.u32(0)) return -EINVAL;
      const v = kstrtobool(k.ram.cString(a.u32(0), 3));
      if (typeof v === 'number') return v;
      k.ram.setU8(a.u32(1), v ? 1 : 0);
      return 0;
    },
    simple_strtoull: (k, a) => simpleStrto(k, a, 64, false),
    simple_strtoll: (k, a) => simpleStrto(k, a, 64, true),
    simple_strtoul: (k, a) => Number(simpleStrto(k, a, 32, false)),
    simple_strtol: (k, a) => Number(simpleStrto(k, a, 32, true)),
  },
};
