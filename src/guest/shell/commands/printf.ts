// printf (XCU printf): the format is reused until the arguments run out;
// %d %i %u %o %x %X %c %s %b %%, with flags, width and precision (also `*`),
// and backslash escapes in the format.
import { fail, out, type CommandContext } from './context.ts';

/** Backslash escapes of printf's format and of %b ("\c" stops all output). */
export function unescape(s: string, forB: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) { text += s[i]; continue; }
    const c = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' };
    if (c in simple) text += simple[c];
    else if (c === 'c' && forB) return { text, stop: true };
    else if (/[0-7]/.test(c)) {
      const m = /^[0-7]{0,3}/.exec(s.slice(forB && c === '0' ? i + 1 : i))![0];
      const digits = forB && c === '0' ? m : m;
      text += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += (forB && c === '0' ? 1 : 0) + digits.length - 1;
    } else if (c === '"' || c === "'") text += c;
    else text += `\\${c}`;
  }
  return { text, stop: false };
}

function numberArg(ctx: CommandContext, arg: string | undefined, errors: string[]): bigint {
  if (arg === undefined || arg === '') return 0n;
  if (/^['"]/.test(arg)) return BigInt(arg.charCodeAt(1) || 0);
  const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|\d+)/.exec(arg);
  if (!m) { errors.push(`invalid number '${arg}'`); return 0n; }
  if (m[0].length !== arg.length) errors.push(`invalid number '${arg}'`);
  const v = m[2].startsWith('0x') || m[2].startsWith('0X') ? BigInt(m[2]) : m[2].length > 1 && m[2][0] === '0' ? BigInt(`0o${m[2].slice(1)}`) : BigInt(m[2]);
  return m[1] === '-' ? -v : v;
}

function pad(s: string, flags: string, width: number, zeroOk: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s + ' '.repeat(width - s.length);
  if (flags.includes('0') && zeroOk) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function formatInt(conv: string, v: bigint, flags: string, prec: number | null): string {
  let n = v;
  if (conv === 'u' || conv === 'o' || conv === 'x' || conv === 'X') n = BigInt.asUintN(64, v);
  let digits = (n < 0n ? -n : n).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10);
  if (conv === 'X') digits = digits.toUpperCase();
  if (prec !== null) digits = prec === 0 && n === 0n ? '' : digits.padStart(prec, '0');
  if (flags.includes('#') && n !== 0n) digits = conv === 'o' ? `0${digits}` : conv === 'x' ? `0x${digits}` : conv === 'X' ? `0X${digits}` : digits;
  const sign = n < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  return sign + digits;
}

export async function printf(ctx: CommandContext): Promise<number> {
  const [format, ...args] = ctx.args;
  if (format === undefined) return fail(ctx, 'usage: printf FORMAT [ARGUMENT...]', 2);
  const errors: string[] = [];
  let text = '';
  let k = 0;
  const next = () => args[k++];
  do {
    const start = k;
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcsb%])|%|[^%]+/g;
    for (let m = re.exec(format); m; m = re.exec(format)) {
      if (!m[4]) { text += m[0] === '%' ? '%' : unescape(m[0], false).text; continue; }
      const [, flags, w, p, conv] = m;
      if (conv === '%') { text += '%'; continue; }
      const width = w === '*' ? Number(numberArg(ctx, next(), errors)) : Number(w ?? 0);
      const prec = p === undefined ? null : p === '*' ? Number(numberArg(ctx, next(), errors)) : Number(p || 0);
      const arg = next();
      if (conv === 's' || conv === 'b' || conv === 'c') {
        let s = arg ?? '';
        if (conv === 'b') { const u = unescape(s, true); s = u.text; if (u.stop) { text += pad(s, flags, width, false); await out(ctx, text); return errors.length ? 1 : 0; } }
        if (conv === 'c') s = s.slice(0, 1);
        if (prec !== null && conv !== 'c') s = s.slice(0, prec);
        text += pad(s, flags, Math.abs(width), false);
      } else {
        text += pad(formatInt(conv, numberArg(ctx, arg, errors), flags, prec), width < 0 ? `${flags}-` : flags, Math.abs(width), prec === null);
      }
    }
    if (k === start) break;
  } while (k < args.length);
  await out(ctx, text);
  for (const e of errors) await fail(ctx, e);
  return errors.length ? 1 : 0;
}
