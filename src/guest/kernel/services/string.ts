// The string and memory functions of Linux's lib/string.c and
// lib/string_helpers.c / mm/util.c (kstrdup & co.), with Linux's results
// where they differ from the C library's (strcmp gives -1/0/1, strscpy
// returns -E2BIG). The compiler also calls memcpy/memset/memmove itself for
// struct copies, so these copy whole ranges at once.

import type { CallArgs, KernelContext, ServiceModule } from '../api.ts';
import { copyToNew, slabAlloc } from './slab.ts';

const E2BIG = 7, EINVAL = 22;
/** How far a string function reads before it gives up on a missing NUL. */
const MAX_STRING = 1 << 20;

/** Linux's isspace: the C ones and 0xa0 (lib/ctype.c). */
export const isKernelSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

const str = (k: KernelContext, p: number, max = MAX_STRING) => k.ram.cString(p, max);

function memcmp(k: KernelContext, a: number, b: number, n: number): number {
  if (n === 0) return 0;
  const x = k.ram.bytes(a, n), y = k.ram.bytes(b, n);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

function memcpy(k: KernelContext, a: CallArgs): number {
  const dst = a.u32(0), n = a.u32(2);
  if (n) k.ram.setBytes(dst, k.ram.bytes(a.u32(1), n));
  return dst;
}

/** strcmp/strncmp as Linux: -1, 0 or 1. */
function compare(s1: string, s2: string, n = Infinity): number {
  for (let i = 0; i < n; i++) {
    const c1 = i < s1.length ? s1.charCodeAt(i) : 0, c2 = i < s2.length ? s2.charCodeAt(i) : 0;
    if (c1 !== c2) return c1 < c2 ? -1 : 1;
    if (!c1) break;
  }
  return 0;
}

/** strcasecmp/strncasecmp as Linux: the difference of the first unequal lowercased bytes. */
function compareCase(s1: string, s2: string, n = Infinity): number {
  for (let i = 0; i < n; i++) {
    const c1 = lower(i < s1.length ? s1.charCodeAt(i) : 0), c2 = lower(i < s2.length ? s2.charCodeAt(i) : 0);
    if (c1 !== c2 || !c1) return c1 - c2;
  }
  return 0;
}

function indexOfByte(k: KernelContext, p: number, c: number, n: number, equal: boolean): number {
  if (n === 0) return -1;
  const b = k.ram.bytes(p, n);
  for (let i = 0; i < n; i++) if ((b[i] === c) === equal) return i;
  return -1;
}

/** sysfs_streq: equal, or equal up to one trailing newline on either side. */
export function sysfsStreq(s1: string, s2: string): boolean {
  const strip = (s: string) => (s.endsWith('\n') ? s.slice(0, -1) : s);
  return s1 === s2 || strip(s1) === s2 || s1 === strip(s2);
}

function matchIn(k: KernelContext, array: number, n: number, s: string, same: (a: string, b: string) => boolean): number {
  for (let i = 0; i < n; i++) {
    const item = k.ram.u32(array + 4 * i);
    if (!item) break;
    if (same(str(k, item), s)) return i;
  }
  return -EINVAL;
}

function skipSpaces(k: KernelContext, p: number): number {
  while (isKernelSpace(k.ram.u8(p))) p++;
  return p;
}

function strim(k: KernelContext, s: number): number {
  const text = str(k, s);
  let end = text.length;
  while (end > 0 && isKernelSpace(text.charCodeAt(end - 1))) end--;
  if (end < text.length) k.ram.setU8(s + end, 0);
  return skipSpaces(k, s);
}

/** strscpy: at most count-1 characters and a NUL; -E2BIG when the source did not fit. */
function strscpy(k: KernelContext, dst: number, src: number, count: number): number {
  if (count === 0 || count > 0x7fff_ffff) return -E2BIG;
  const s = str(k, src, count);
  const fits = s.length < count;
  const text = fits ? s : s.slice(0, count - 1);
  k.ram.setCString(dst, text);
  return fits ? text.length : -E2BIG;
}

function strsep(k: KernelContext, sp: number, delims: string): number {
  const begin = k.ram.u32(sp);
  if (!begin) return 0;
  const s = str(k, begin);
  let i = 0;
  while (i < s.length && !delims.includes(s[i])) i++;
  if (i < s.length) { k.ram.setU8(begin + i, 0); k.ram.setU32(sp, begin + i + 1); }
  else k.ram.setU32(sp, 0);
  return begin;
}

function strlcat(k: KernelContext, dst: number, src: number, count: number): number {
  const d = str(k, dst), s = str(k, src);
  const res = d.length + s.length;
  if (d.length >= count) return res; // Linux BUG()s here; we leave the buffer alone
  k.ram.setCString(dst + d.length, s.slice(0, count - d.length - 1));
  return res;
}

function strncpy(k: KernelContext, dst: number, src: number, n: number): number {
  if (!n) return dst;
  const s = str(k, src, n);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  k.ram.setBytes(dst, bytes);
  return dst;
}

/** The length of the leading run of `s` whose characters are (or are not) in `set`. */
function span(s: string, set: string, inSet: boolean): number {
  let i = 0;
  while (i < s.length && set.includes(s[i]) === inSet) i++;
  return i;
}

function strnstr(k: KernelContext, s1: number, s2: number, len: number): number {
  const needle = str(k, s2);
  if (!needle) return s1;
  const hay = str(k, s1, len);
  const i = hay.indexOf(needle);
  return i >= 0 && i + needle.length <= len ? s1 + i : 0;
}

function kstrndup(k: KernelContext, s: number, max: number, gfp: number): number {
  if (!s) return 0;
  return copyToNew(k, s, str(k, s, max).length, (n) => slabAlloc(k, n, gfp), true);
}

export const stringServices: ServiceModule = {
  services: {
    memcpy, memmove: memcpy,
    memset: (k, a) => { if (a.u32(2)) k.ram.fill(a.u32(0), a.u32(1) & 0xff, a.u32(2)); return a.u32(0); },
    memcmp: (k, a) => memcmp(k, a.u32(0), a.u32(1), a.u32(2)),
    bcmp: (k, a) => memcmp(k, a.u32(0), a.u32(1), a.u32(2)),
    memchr: (k, a) => { const i = indexOfByte(k, a.u32(0), a.u32(1) & 0xff, a.u32(2), true); return i < 0 ? 0 : a.u32(0) + i; },
    memchr_inv: (k, a) => { const i = indexOfByte(k, a.u32(0), a.u32(1) & 0xff, a.u32(2), false); return i < 0 ? 0 : a.u32(0) + i; },
    memscan: (k, a) => { const i = indexOfByte(k, a.u32(0), a.u32(1) & 0xff, a.u32(2), true); return a.u32(0) + (i < 0 ? a.u32(2) : i); },
    strlen: (k, a) => str(k, a.u32(0)).length,
    strnlen: (k, a) => str(k, a.u32(0), a.u32(1)).length,
    strcpy: (k, a) => { k.ram.setCString(a.u32(0), str(k, a.u32(1))); return a.u32(0); },
    strncpy: (k, a) => strncpy(k, a.u32(0), a.u32(1), a.u32(2)),
    strscpy: (k, a) => strscpy(k, a.u32(0), a.u32(1), a.u32(2)),
    strcat: (k, a) => { const d = a.u32(0); k.ram.setCString(d + str(k, d).length, str(k, a.u32(1))); return d; },
    strncat: (k, a) => { const d = a.u32(0); if (a.u32(2)) k.ram.setCString(d + str(k, d).length, str(k, a.u32(1), a.u32(2))); return d; },
    strlcat: (k, a) => strlcat(k, a.u32(0), a.u32(1), a.u32(2)),
    strcmp: (k, a) => compare(str(k, a.u32(0)), str(k, a.u32(1))),
    strncmp: (k, a) => compare(str(k, a.u32(0), a.u32(2)), str(k, a.u32(1), a.u32(2)), a.u32(2)),
    strcasecmp: (k, a) => compareCase(str(k, a.u32(0)), str(k, a.u32(1))),
    strncasecmp: (k, a) => compareCase(str(k, a.u32(0), a.u32(2)), str(k, a.u32(1), a.u32(2)), a.u32(2)),
    strchr: (k, a) => {
      const s = str(k, a.u32(0)), c = a.u32(1) & 0xff;
      const i = c ? s.indexOf(String.fromCharCode(c)) : s.length;
      return i < 0 ? 0 : a.u32(0) + i;
    },
    strchrnul: (k, a) => {
      const s = str(k, a.u32(0)), i = s.indexOf(String.fromCharCode(a.u32(1) & 0xff));
      return a.u32(0) + (i < 0 ? s.length : i);
    },
    strrchr: (k, a) => {
      const s = str(k, a.u32(0)), c = a.u32(1) & 0xff;
      const i = c ? s.lastIndexOf(String.fromCharCode(c)) : s.length;
      return i < 0 ? 0 : a.u32(0) + i;
    },
    strnchr: (k, a) => {
      const s = str(k, a.u32(0), a.u32(1)), c = a.u32(2) & 0xff;
      const i = c ? s.indexOf(String.fromCharCode(c)) : s.length < a.u32(1) ? s.length : -1;
      return i < 0 ? 0 : a.u32(0) + i;
    },
    strstr: (k, a) => { const i = str(k, a.u32(0)).indexOf(str(k, a.u32(1))); return i < 0 ? 0 : a.u32(0) + i; },
    strnstr: (k, a) => strnstr(k, a.u32(0), a.u32(1), a.u32(2)),
    strpbrk: (k, a) => { const s = str(k, a.u32(0)), i = span(s, str(k, a.u32(1)), false); return i < s.length ? a.u32(0) + i : 0; },
    strspn: (k, a) => span(str(k, a.u32(0)), str(k, a.u32(1)), true),
    strcspn: (k, a) => span(str(k, a.u32(0)), str(k, a.u32(1)), false),
    strsep: (k, a) => strsep(k, a.u32(0), str(k, a.u32(1))),
    strim: (k, a) => strim(k, a.u32(0)),
    skip_spaces: (k, a) => skipSpaces(k, a.u32(0)),
    sysfs_streq: (k, a) => (sysfsStreq(str(k, a.u32(0)), str(k, a.u32(1))) ? 1 : 0),
    match_string: (k, a) => matchIn(k, a.u32(0), a.u32(1), str(k, a.u32(2)), (x, y) => x === y),
    __sysfs_match_string: (k, a) => matchIn(k, a.u32(0), a.u32(1), str(k, a.u32(2)), sysfsStreq),
    kstrdup: (k, a) => kstrndup(k, a.u32(0), MAX_STRING, a.u32(1)),
    kstrdup_const: (k, a) => kstrndup(k, a.u32(0), MAX_STRING, a.u32(1)),
    kstrndup: (k, a) => kstrndup(k, a.u32(0), a.u32(1), a.u32(2)),
    kmemdup: (k, a) => copyToNew(k, a.u32(0), a.u32(1), (n) => slabAlloc(k, n, a.u32(2))),
    kmemdup_nul: (k, a) => (a.u32(0) ? copyToNew(k, a.u32(0), a.u32(1), (n) => slabAlloc(k, n, a.u32(2)), true) : 0),
  },
};
