// Minimal printk and friends so the engine runs a driver end to end before the
// text services land (a stand-in: services/printk.ts replaces this file).
// vsnprintf's common conversions; KERN_<level> prefixes; dev_* prefixes.

import type { GuestRam, KernelContext, LogLevel, ServiceModule, VarArgs } from '../api.ts';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** printf-style formatting of a guest format string with guest arguments. */
export function coreFormat(ram: GuestRam, fmt: string, va: VarArgs): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') { out += c; continue; }
    const m = /^([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|t|j)?([diouxXcspn%])/.exec(fmt.slice(i + 1));
    if (!m) { out += c; continue; }
    i += m[0].length;
    const [, flags, w, p, len, conv] = m;
    const width = w === '*' ? va.i32() : w ? Number(w) : 0;
    const prec = p === '*' ? va.i32() : p !== undefined ? Number(p) : -1;
    let s: string;
    const big = len === 'll' || len === 'j';
    switch (conv) {
      case '%': s = '%'; break;
      case 'c': s = String.fromCharCode(va.u32() & 0xff); break;
      case 's': { const a = va.u32(); s = a ? ram.cString(a, prec >= 0 ? prec : 4096) : '(null)'; break; }
      case 'p': s = pointer(fmt, i, va); if (/^[a-zA-Z]/.test(fmt.slice(i + 1))) { i++; while (/[a-zA-Z]/.test(fmt[i + 1] ?? '')) i++; } break;
      case 'd': case 'i': s = (big ? va.i64() : BigInt(narrow(va.i32(), len, true))).toString(); break;
      case 'u': s = (big ? va.u64() : BigInt(narrow(va.u32(), len, false) >>> 0)).toString(); break;
      case 'x': case 'X': case 'o': {
        const v = big ? va.u64() : BigInt(narrow(va.u32(), len, false) >>> 0);
        s = v.toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (flags.includes('#') && v !== 0n) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
        break;
      }
      default: s = '';
    }
    if (prec >= 0 && 'diouxX'.includes(conv)) s = s.startsWith('-') ? '-' + s.slice(1).padStart(prec, '0') : s.padStart(prec, '0');
    if (flags.includes('+') && 'di'.includes(conv) && !s.startsWith('-')) s = '+' + s;
    if (s.length < width) {
      if (flags.includes('-')) s = s.padEnd(width, ' ');
      else if (flags.includes('0') && 'diouxX'.includes(conv) && prec < 0) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
      else s = s.padStart(width, ' ');
    }
    out += s;
  }
  return out;
}

function narrow(v: number, len: string | undefined, signed: boolean): number {
  if (len === 'hh') return signed ? (v << 24) >> 24 : v & 0xff;
  if (len === 'h') return signed ? (v << 16) >> 16 : v & 0xffff;
  return v;
}

function pointer(_fmt: string, _i: number, va: VarArgs): string {
  return hex8(va.u32());
}

/** Splits KERN_SOH + level off the text. */
export function splitLevel(text: string, dflt: LogLevel = 4): { level: LogLevel; text: string } {
  if (text.charCodeAt(0) === 1 && /[0-7]/.test(text[1] ?? '')) return { level: Number(text[1]) as LogLevel, text: text.slice(2) };
  if (text.charCodeAt(0) === 1 && text[1] === 'c') return { level: dflt, text: text.slice(2) };
  return { level: dflt, text };
}

/** "stopwatch 4000000.stopwatch: " for a struct device (its driver's name, its kobject name). */
export function devPrefix(k: KernelContext, dev: number): string {
  if (!dev) return '(NULL device *): ';
  const name = k.ram.u32(dev) ? k.ram.cString(k.ram.u32(dev)) : '';
  const drv = k.ram.u32(dev + 56);
  const drvName = drv && k.ram.u32(drv) ? k.ram.cString(k.ram.u32(drv)) : '';
  return drvName ? `${drvName} ${name}: ` : `${name}: `;
}

function devLog(level: LogLevel) {
  return (k: KernelContext, a: { u32(i: number): number; varargs(i: number): VarArgs }): void => {
    const text = coreFormat(k.ram, k.ram.cString(a.u32(1)), a.varargs(2));
    k.printk(level, devPrefix(k, a.u32(0)) + text);
  };
}

export const corePrintk: ServiceModule = {
  services: {
    _printk: (k, a) => {
      const text = coreFormat(k.ram, k.ram.cString(a.u32(0)), a.varargs(1));
      const s = splitLevel(text);
      k.printk(s.level, s.text);
      return text.length;
    },
    _dev_info: devLog(6), _dev_err: devLog(3), _dev_warn: devLog(4), _dev_notice: devLog(5),
    dev_err_probe: (k, a) => {
      const err = a.i32(1);
      if (err !== -517) k.printk(3, devPrefix(k, a.u32(0)) + `error ${err}: ` + coreFormat(k.ram, k.ram.cString(a.u32(2)), a.varargs(3)));
      return err;
    },
    scnprintf: (k, a) => {
      const buf = a.u32(0), size = a.u32(1);
      if (size === 0) return 0;
      const text = coreFormat(k.ram, k.ram.cString(a.u32(2)), a.varargs(3)).slice(0, size - 1);
      k.ram.setCString(buf, text);
      return text.length;
    },
    snprintf: (k, a) => {
      const buf = a.u32(0), size = a.u32(1);
      const text = coreFormat(k.ram, k.ram.cString(a.u32(2)), a.varargs(3));
      if (size > 0) k.ram.setCString(buf, text.slice(0, size - 1));
      return text.length;
    },
    sprintf: (k, a) => {
      const text = coreFormat(k.ram, k.ram.cString(a.u32(1)), a.varargs(2));
      k.ram.setCString(a.u32(0), text);
      return text.length;
    },
  },
};
