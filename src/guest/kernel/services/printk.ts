// printk and its family (kernel/printk/printk.c, drivers/base/core.c's
// dev_printk, lib/vsprintf.c's snprintf family, kernel/panic.c's WARN), as
// Linux 6.1 behaves: a KERN_SOH level prefix picks the log level (4 when there
// is none), KERN_CONT continues the line before it, and dev_err() & co. start
// with "<driver> <device>: ".

import type { CallArgs, KernelContext, LogLevel, ServiceModule, VarArgs } from '../api.ts';
import { DEVICE, KOBJECT } from './layouts.ts';
import { formatPointer } from './vsprintf-pointer.ts';
import { formatKernel, vaListArgs } from './vsprintf.ts';
import { scanKernel } from './sscanf.ts';
import { devmAlloc, slabAlloc } from './slab.ts';

export { formatKernel } from './vsprintf.ts';

const MAX_FORMAT = 64 * 1024;
const DEFAULT_LEVEL: LogLevel = 4;
const EPROBE_DEFER = 517;
/** A line left without its '\n' waits this long (virtual time) for a KERN_CONT before it is logged. */
const CONT_WAIT_NS = 10_000_000n;

export function readFormat(k: KernelContext, ptr: number): string {
  return k.ram.cString(ptr, MAX_FORMAT);
}

interface PendingLine { level: LogLevel; text: string; cancel: () => void }
interface PrintkState { pending?: PendingLine }

function flushPending(k: KernelContext, st: PrintkState): void {
  const p = st.pending;
  if (!p) return;
  st.pending = undefined;
  p.cancel();
  k.printk(p.level, p.text);
}

/** Splits off KERN_SOH level markers: the level (undefined: none given) and whether it is KERN_CONT. */
export function parseLevel(text: string): { level?: LogLevel; cont: boolean; body: string } {
  let level: LogLevel | undefined;
  let cont = false;
  let i = 0;
  while (text[i] === '\x01' && i + 1 < text.length) {
    const c = text[i + 1];
    if (c >= '0' && c <= '7') level = Number(c) as LogLevel;
    else if (c === 'c') cont = true;
    else if (c !== 'd') break;
    i += 2;
  }
  return { level, cont, body: text.slice(i) };
}

/** Logs a formatted message as printk does: level prefix, KERN_CONT, one log line per '\n'. */
export function printkText(k: KernelContext, text: string, fallback: LogLevel = DEFAULT_LEVEL): number {
  const st = k.state<PrintkState>('printk', () => ({}));
  const { level, cont, body } = parseLevel(text);
  if (st.pending && cont) {
    const buffered = st.pending.text;
    st.pending.cancel();
    const lvl = st.pending.level;
    st.pending = undefined;
    return logLines(k, st, level ?? lvl, buffered + body) - buffered.length;
  }
  flushPending(k, st);
  return logLines(k, st, level ?? fallback, body);
}

/** Linux keeps about 1 KiB of one message (LOG_LINE_MAX) and drops the rest. */
const RECORD_MAX = 1024;

function logLines(k: KernelContext, st: PrintkState, level: LogLevel, text: string): number {
  if (text.length > RECORD_MAX) text = text.slice(0, RECORD_MAX);
  const lines = text.split('\n');
  const last = lines.pop()!;
  for (const line of lines) k.printk(level, line);
  if (last) {
    const pending: PendingLine = { level, text: last, cancel: () => {} };
    pending.cancel = k.at(k.nowNs() + CONT_WAIT_NS, () => { if (st.pending === pending) { pending.cancel = () => {}; flushPending(k, st); } });
    st.pending = pending;
  }
  return text.length;
}

/** dev_name(): init_name until the device is registered, then its kobject's name. */
export function deviceName(k: KernelContext, dev: number): string {
  const init = k.ram.u32(dev + DEVICE.init_name);
  const name = init || k.ram.u32(dev + DEVICE.kobj + KOBJECT.name);
  return name ? k.ram.cString(name) : '(null)';
}

/** dev_driver_string(): the bound driver's name, else its bus's, else its class's (each starts with its name). */
export function deviceDriverName(k: KernelContext, dev: number): string {
  for (const off of [DEVICE.driver, DEVICE.bus, DEVICE.class]) {
    const p = k.ram.u32(dev + off);
    if (p) { const name = k.ram.u32(p); return name ? k.ram.cString(name) : ''; }
  }
  return '';
}

/** The "<driver> <device>: " prefix of dev_printk, or "(NULL device *): ". */
export function devicePrefix(k: KernelContext, dev: number): string {
  if (!dev) return '(NULL device *): ';
  return `${deviceDriverName(k, dev)} ${deviceName(k, dev)}: `;
}

function devPrint(k: KernelContext, level: LogLevel, dev: number, fmtPtr: number, va: VarArgs): number {
  const { body } = parseLevel(formatKernel(k, readFormat(k, fmtPtr), va));
  return printkText(k, devicePrefix(k, dev) + body, level);
}

const devLevel = (level: LogLevel) => (k: KernelContext, a: CallArgs) => { devPrint(k, level, a.u32(0), a.u32(1), a.varargs(2)); };

/** Prints Linux's WARNING block: cut here, the message, "WARNING: CPU: 0 PID: n at FILE:LINE caller", end trace. */
export function printWarning(k: KernelContext, where: string, message: string): void {
  const caller = k.callerAddress?.() ?? 0;
  const at = [where, caller ? k.symbolize(caller) : ''].filter(Boolean).join(' ');
  // Linux prints WARN()'s message between "cut here" and the WARNING line.
  printkText(k, '------------[ cut here ]------------\n', 4);
  if (message) printkText(k, message.endsWith('\n') ? message : `${message}\n`, 4);
  printkText(k, `WARNING: CPU: 0 PID: ${k.current.pid} at ${at}\n`, 4);
  printkText(k, `CPU: 0 PID: ${k.current.pid} Comm: ${k.current.comm}\n`, 4);
  printkText(k, '---[ end trace 0000000000000000 ]---\n', 4);
}

/** Writes `text` and a NUL into a buffer of `size` bytes (truncating), as vsnprintf does. */
function storeFormatted(k: KernelContext, buf: number, size: number, text: string): void {
  if (size === 0) return;
  const n = Math.min(text.length, size - 1);
  const bytes = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  k.ram.setBytes(buf, bytes);
}

/** snprintf/vsnprintf: the length it would have written; scnprintf: what it did write. */
function snprintfLike(k: KernelContext, buf: number, size: number, fmt: number, va: VarArgs, counted: boolean): number {
  if (size > 0x7fff_ffff) return 0; // Linux refuses a size above INT_MAX (with a WARN)
  const text = formatKernel(k, readFormat(k, fmt), va);
  storeFormatted(k, buf, size, text);
  if (!counted) return text.length;
  return size === 0 ? 0 : Math.min(text.length, size - 1);
}

/** kasprintf: the formatted text in a fresh kmalloc block (NULL when out of memory). */
function allocFormatted(k: KernelContext, text: string, alloc: (size: number) => number): number {
  const p = alloc(text.length + 1);
  if (p) storeFormatted(k, p, text.length + 1, text);
  return p;
}

export const printkServices: ServiceModule = {
  services: {
    _printk: (k, a) => printkText(k, formatKernel(k, readFormat(k, a.u32(0)), a.varargs(1))),
    vprintk: (k, a) => printkText(k, formatKernel(k, readFormat(k, a.u32(0)), vaListArgs(k.ram, a.u32(1)))),
    _dev_emerg: devLevel(0), _dev_alert: devLevel(1), _dev_crit: devLevel(2), _dev_err: devLevel(3),
    _dev_warn: devLevel(4), _dev_notice: devLevel(5), _dev_info: devLevel(6),
    _dev_printk: (k, a) => {
      const { level } = parseLevel(k.ram.cString(a.u32(0), 8));
      devPrint(k, level ?? DEFAULT_LEVEL, a.u32(1), a.u32(2), a.varargs(3));
    },
    dev_err_probe: (k, a) => {
      const err = a.i32(1);
      // -EPROBE_DEFER is not an error: Linux only records the reason (dev_dbg).
      if (err !== -EPROBE_DEFER) {
        const name = formatPointer(k, err >>> 0, 'e', { flags: 0, width: -1, precision: -1, base: 10 });
        const msg = parseLevel(formatKernel(k, readFormat(k, a.u32(2)), a.varargs(3))).body;
        printkText(k, `${devicePrefix(k, a.u32(0))}error ${name}: ${msg}`, 3);
      }
      return err;
    },
    snprintf: (k, a) => snprintfLike(k, a.u32(0), a.u32(1), a.u32(2), a.varargs(3), false),
    scnprintf: (k, a) => snprintfLike(k, a.u32(0), a.u32(1), a.u32(2), a.varargs(3), true),
    vsnprintf: (k, a) => snprintfLike(k, a.u32(0), a.u32(1), a.u32(2), vaListArgs(k.ram, a.u32(3)), false),
    vscnprintf: (k, a) => snprintfLike(k, a.u32(0), a.u32(1), a.u32(2), vaListArgs(k.ram, a.u32(3)), true),
    sprintf: (k, a) => snprintfLike(k, a.u32(0), 0x7fff_ffff, a.u32(1), a.varargs(2), false),
    vsprintf: (k, a) => snprintfLike(k, a.u32(0), 0x7fff_ffff, a.u32(1), vaListArgs(k.ram, a.u32(2)), false),
    kasprintf: (k, a) => allocFormatted(k, formatKernel(k, readFormat(k, a.u32(1)), a.varargs(2)), (n) => slabAlloc(k, n, a.u32(0))),
    devm_kasprintf: (k, a) => allocFormatted(k, formatKernel(k, readFormat(k, a.u32(2)), a.varargs(3)), (n) => devmAlloc(k, a.u32(0), n, a.u32(1))),
    sscanf: (k, a) => scanKernel(k, k.ram.cString(a.u32(0), MAX_FORMAT), readFormat(k, a.u32(1)), a.varargs(2)),
    hex_to_bin: (_k, a) => {
      const c = a.u32(0) & 0xff;
      if (c >= 48 && c <= 57) return c - 48;
      const l = c | 0x20;
      return l >= 97 && l <= 102 ? l - 87 : -1;
    },
    warn_slowpath_fmt: (k, a) => {
      const file = a.u32(0) ? k.ram.cString(a.u32(0)) : '';
      const fmt = a.u32(3);
      const message = fmt ? formatKernel(k, readFormat(k, fmt), a.varargs(4)) : '';
      printWarning(k, file ? `${file}:${a.i32(1)}` : '', parseLevel(message).body);
    },
  },
  variables: {
    hex_asc: { size: 17, init: (k, addr) => k.ram.setCString(addr, '0123456789abcdef') },
  },
};
