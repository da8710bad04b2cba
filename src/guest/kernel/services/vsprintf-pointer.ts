// Linux's %p extensions (Documentation/core-api/printk-formats.rst, 6.1):
// %pS/%ps/%pB symbols, %pa/%pad addresses by reference, %pe error names,
// %ph hex dumps, %pR/%pr resources, %pV nested formats, %px raw, and plain
// %p/%pK hashed, so that a log line does not leak a kernel address.

import type { KernelContext } from '../api.ts';
import { RESOURCE } from './layouts.ts';
import { badPointerText, formatKernel, formatNumber, formatString, SIGN, SMALL, SPECIAL, vaListArgs, ZEROPAD, type FormatSpec } from './vsprintf.ts';

/** Linux's errno names, for %pe (lib/errname.c covers the same ones). */
export const ERRNO_NAMES: Record<number, string> = {
  1: 'EPERM', 2: 'ENOENT', 3: 'ESRCH', 4: 'EINTR', 5: 'EIO', 6: 'ENXIO', 7: 'E2BIG', 8: 'ENOEXEC', 9: 'EBADF',
  10: 'ECHILD', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 14: 'EFAULT', 15: 'ENOTBLK', 16: 'EBUSY', 17: 'EEXIST',
  18: 'EXDEV', 19: 'ENODEV', 20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL', 23: 'ENFILE', 24: 'EMFILE', 25: 'ENOTTY',
  26: 'ETXTBSY', 27: 'EFBIG', 28: 'ENOSPC', 29: 'ESPIPE', 30: 'EROFS', 31: 'EMLINK', 32: 'EPIPE', 33: 'EDOM',
  34: 'ERANGE', 35: 'EDEADLK', 36: 'ENAMETOOLONG', 37: 'ENOLCK', 38: 'ENOSYS', 39: 'ENOTEMPTY', 40: 'ELOOP',
  42: 'ENOMSG', 61: 'ENODATA', 62: 'ETIME', 71: 'EPROTO', 74: 'EBADMSG', 75: 'EOVERFLOW', 84: 'EILSEQ',
  95: 'EOPNOTSUPP', 98: 'EADDRINUSE', 105: 'ENOBUFS', 110: 'ETIMEDOUT', 114: 'EALREADY', 115: 'EINPROGRESS',
  125: 'ECANCELED', 512: 'ERESTARTSYS', 513: 'ERESTARTNOINTR', 514: 'ERESTARTNOHAND', 515: 'ENOIOCTLCMD',
  516: 'ERESTART_RESTARTBLOCK', 517: 'EPROBE_DEFER', 518: 'EOPENSTALE', 519: 'ENOPARAM', 521: 'EBADHANDLE',
  522: 'ENOTSYNC', 523: 'EBADCOOKIE', 524: 'ENOTSUPP', 525: 'ETOOSMALL', 526: 'ESERVERFAULT', 527: 'EBADTYPE',
  528: 'EJUKEBOX', 529: 'EIOCBQUEUED', 530: 'ERECALLCONFLICT', 531: 'ENOGRACE',
};

const isErrPtr = (p: number) => (p >>> 0) >= 0xffff_f001;

/** A 32-bit value in 8 lowercase hex digits (or as `spec` asks): Linux's pointer_string. */
function pointerString(ptr: number, spec: FormatSpec): string {
  const s = { ...spec, base: 16 as const, flags: spec.flags | SMALL };
  if (s.width === -1) { s.width = 8; s.flags |= ZEROPAD; }
  return formatNumber(BigInt(ptr >>> 0), s);
}

/** Linux hashes %p with a key chosen at boot; we hash with a fixed one (a
 * murmur3 finaliser), so a pointer prints the same in every run and two
 * different pointers look different, but the address itself is not shown.
 * NULL and error pointers print as they are, as Linux does. */
export function hashPointer(ptr: number): number {
  let h = (ptr ^ 0x5bd1e995) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function defaultPointer(ptr: number, spec: FormatSpec): string {
  if ((ptr >>> 0) === 0 || isErrPtr(ptr)) return pointerString(ptr, spec);
  return pointerString(hashPointer(ptr), spec);
}

/** "0x" and 8 hex digits: how %pa prints a phys_addr_t or dma_addr_t. */
function specialHex(value: number): string {
  return formatNumber(BigInt(value >>> 0), { flags: SPECIAL | SMALL | ZEROPAD, width: 10, precision: -1, base: 16 });
}

/** %pS "name+0x1c/0x60 [mod]", %ps "name [mod]", %pB: as %pS for a return address. */
function symbolString(k: KernelContext, ptr: number, ext: string, spec: FormatSpec): string {
  const backtrace = ext[0] === 'B';
  let sym = k.symbolize(backtrace ? ptr - 1 : ptr);
  const m = /^(.*?)\+0x([0-9a-f]+)\/0x([0-9a-f]+)(.*)$/.exec(sym);
  if (m && ext[0] === 's') sym = m[1] + m[4];
  else if (m && backtrace) sym = `${m[1]}+0x${(parseInt(m[2], 16) + 1).toString(16)}/0x${m[3]}${m[4]}`;
  return formatString(sym, spec);
}

function errPointer(ptr: number, spec: FormatSpec): string {
  if (!isErrPtr(ptr)) return defaultPointer(ptr, spec);
  const name = ERRNO_NAMES[-(ptr | 0)];
  if (name) return formatString(`-${name}`, spec);
  return formatNumber(BigInt(ptr | 0), { ...spec, flags: spec.flags | SIGN, base: 10 });
}

/** %ph: up to 64 bytes as hex, separated by ' ' (%phC ':', %phD '-', %phN nothing). */
function hexString(k: KernelContext, ptr: number, ext: string, spec: FormatSpec): string {
  if (spec.width === 0) return '';
  const bad = badPointerText(ptr);
  if (bad) return formatString(bad, { ...spec, precision: 8 });
  const sep = ext[1] === 'C' ? ':' : ext[1] === 'D' ? '-' : ext[1] === 'N' ? '' : ' ';
  const len = spec.width < 0 ? 1 : Math.min(spec.width, 64);
  return [...k.ram.bytes(ptr, len)].map((b) => b.toString(16).padStart(2, '0')).join(sep);
}

const IORESOURCE = { IO: 0x100, MEM: 0x200, IRQ: 0x400, DMA: 0x800, BUS: 0x1000, PREFETCH: 0x2000, MEM_64: 0x100000, WINDOW: 0x200000, DISABLED: 0x10000000, UNSET: 0x20000000 };

/** %pR "[mem 0x10001000-0x10001fff]" with decoded flags; %pr with raw " flags 0x200". */
function resourceString(k: KernelContext, ptr: number, ext: string, spec: FormatSpec): string {
  const bad = badPointerText(ptr);
  if (bad) return formatString(bad, { ...spec, precision: 8 });
  const start = k.ram.u32(ptr + RESOURCE.start), end = k.ram.u32(ptr + RESOURCE.end), flags = k.ram.u32(ptr + RESOURCE.flags);
  let decode = ext[0] === 'R';
  const hex = (w: number, special = true): FormatSpec => ({ flags: (special ? SPECIAL : 0) | SMALL | ZEROPAD, width: w, precision: -1, base: 16 });
  const dec: FormatSpec = { flags: 0, width: -1, precision: -1, base: 10 };
  let kind: string, num: FormatSpec;
  if (flags & IORESOURCE.IO) { kind = 'io  '; num = hex(6); }
  else if (flags & IORESOURCE.MEM) { kind = 'mem '; num = hex(10); }
  else if (flags & IORESOURCE.IRQ) { kind = 'irq '; num = dec; }
  else if (flags & IORESOURCE.DMA) { kind = 'dma '; num = dec; }
  else if (flags & IORESOURCE.BUS) { kind = 'bus '; num = hex(2, false); }
  else { kind = '??? '; num = hex(10); decode = false; }
  let s = `[${kind}`;
  if (decode && flags & IORESOURCE.UNSET) s += `size ${formatNumber(BigInt((end - start + 1) >>> 0), num)}`;
  else s += formatNumber(BigInt(start), num) + (start !== end ? `-${formatNumber(BigInt(end), num)}` : '');
  if (decode) {
    if (flags & IORESOURCE.MEM_64) s += ' 64bit';
    if (flags & IORESOURCE.PREFETCH) s += ' pref';
    if (flags & IORESOURCE.WINDOW) s += ' window';
    if (flags & IORESOURCE.DISABLED) s += ' disabled';
  } else s += ` flags ${formatNumber(BigInt(flags), { flags: SPECIAL | SMALL, width: -1, precision: -1, base: 16 })}`;
  return formatString(`${s}]`, spec);
}

/** One %p conversion; `ext` is the run of letters and digits after the 'p' (Linux consumes all of it). */
export function formatPointer(k: KernelContext, ptr: number, ext: string, spec: FormatSpec): string {
  switch (ext[0]) {
    case 'S': case 's': case 'B': return symbolString(k, ptr, ext, spec);
    case 'x': return pointerString(ptr, spec);
    case 'e': return errPointer(ptr, spec);
    case 'h': return hexString(k, ptr, ext, spec);
    case 'R': case 'r': return resourceString(k, ptr, ext, spec);
    case 'a': {
      const bad = badPointerText(ptr);
      return bad ? formatString(bad, { ...spec, precision: 8 }) : formatString(specialHex(k.ram.u32(ptr)), spec);
    }
    case 'V': {
      const bad = badPointerText(ptr);
      if (bad) return formatString(bad, { ...spec, precision: 8 });
      return formatKernel(k, k.ram.cString(k.ram.u32(ptr), 64 * 1024), vaListArgs(k.ram, k.ram.u32(k.ram.u32(ptr + 4))));
    }
    default: return defaultPointer(ptr, spec);
  }
}
