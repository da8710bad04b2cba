// Text commands, with busybox's options and messages: echo, cat, head,
// tail, wc, grep, hexdump, basename, dirname. They stream, so `cat
// /dev/zero | head -c 10` ends as soon as head has its bytes.
import { binaryToBytes, bytesToBinary } from '../../fs/bytes.ts';
import { unescape, printf } from './printf.ts';
import { fail, forEachInput, out, parseFlags, readAll, type CommandContext, type CommandFn } from './context.ts';
import { grep } from './grep.ts';

async function echo(ctx: CommandContext): Promise<number> {
  let args = ctx.args;
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const c of args[0].slice(1)) { if (c === 'n') newline = false; else escapes = c === 'e'; }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const u = unescape(text, true);
    text = u.text;
    if (u.stop) newline = false;
  }
  await out(ctx, newline ? `${text}\n` : text);
  return 0;
}

async function cat(ctx: CommandContext): Promise<number> {
  const files = ctx.args.filter((a) => a !== '-u');
  return forEachInput(ctx, files, async (reader) => {
    for (let chunk = await reader.read(ctx.signal); chunk; chunk = await reader.read(ctx.signal)) {
      await ctx.stdout.write(chunk, ctx.signal);
    }
  });
}

/** head/tail's -n N, -c N and the old -N form. */
function countOption(ctx: CommandContext): { lines: boolean; n: number; fromStart: boolean; files: string[] } | string {
  const args = ctx.args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const p = parseFlags(args, 'qv', 'nc');
  if (p.bad) return p.bad;
  const raw = p.flags.get('c') ?? p.flags.get('n') ?? '10';
  if (!/^[-+]?\d+$/.test(raw)) return `invalid number '${raw}'`;
  return { lines: !p.flags.has('c'), n: Math.abs(Number(raw)), fromStart: raw.startsWith('+'), files: p.rest };
}

async function head(ctx: CommandContext): Promise<number> {
  const o = countOption(ctx);
  if (typeof o === 'string') return fail(ctx, o);
  const many = o.files.length > 1;
  let first = true;
  return forEachInput(ctx, o.files, async (reader, name) => {
    if (many) { await out(ctx, `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`); first = false; }
    let left = o.n;
    while (left > 0) {
      const chunk = await reader.read(ctx.signal);
      if (!chunk) break;
      let take = chunk.length;
      if (o.lines) {
        take = 0;
        while (take < chunk.length && left > 0) { if (chunk[take++] === 10) left--; }
      } else {
        take = Math.min(take, left);
        left -= take;
      }
      await ctx.stdout.write(chunk.subarray(0, take), ctx.signal);
    }
  });
}

async function tail(ctx: CommandContext): Promise<number> {
  const o = countOption(ctx);
  if (typeof o === 'string') return fail(ctx, o);
  return forEachInput(ctx, o.files, async (reader) => {
    const text = await readAll(reader, ctx.signal);
    if (!o.lines) { await out(ctx, o.fromStart ? text.slice(Math.max(o.n - 1, 0)) : text.slice(Math.max(text.length - o.n, 0))); return; }
    const all = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    await out(ctx, (o.fromStart ? all.slice(Math.max(o.n - 1, 0)) : o.n ? all.slice(-o.n) : []).join(''));
  });
}

async function wc(ctx: CommandContext): Promise<number> {
  const p = parseFlags(ctx.args, 'lwcm');
  if (p.bad) return fail(ctx, p.bad);
  const cols = ['l', 'w', 'c'].filter((c) => p.flags.has(c) || (c === 'c' && p.flags.has('m')));
  const show = cols.length ? cols : ['l', 'w', 'c'];
  const rows: [number[], string][] = [];
  let stdinUsed = false;
  const status = await forEachInput(ctx, p.rest, async (reader, name) => {
    if (name === '-') stdinUsed = true;
    const counts = { l: 0, w: 0, c: 0 };
    let inWord = false;
    for (let chunk = await reader.read(ctx.signal); chunk; chunk = await reader.read(ctx.signal)) {
      counts.c += chunk.length;
      for (const b of chunk) {
        if (b === 10) counts.l++;
        const space = b === 32 || (b >= 9 && b <= 13);
        if (!space && !inWord) counts.w++;
        inWord = !space;
      }
    }
    rows.push([show.map((c) => counts[c as 'l' | 'w' | 'c']), name === '-' && p.rest.length === 0 ? '' : name]);
  });
  if (rows.length > 1) rows.push([show.map((_, k) => rows.reduce((n, r) => n + r[0][k], 0)), 'total']);
  // GNU wc's widths: none for a single number, else wide enough for the byte total (7 with standard input).
  const total = rows.reduce((n, r) => Math.max(n, ...r[0]), 0);
  const width = show.length === 1 && rows.length === 1 ? 1 : Math.max(stdinUsed ? 7 : 1, String(total).length);
  for (const [nums, name] of rows) await out(ctx, `${nums.map((n) => String(n).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`);
  return status;
}

async function hexdump(ctx: CommandContext): Promise<number> {
  const p = parseFlags(ctx.args, 'Cvx');
  if (p.bad) return fail(ctx, p.bad);
  let data = '';
  const status = await forEachInput(ctx, p.rest, async (reader) => { data += await readAll(reader, ctx.signal); });
  const bytes = binaryToBytes(data);
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  let prev = '';
  let starred = false;
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16);
    const key = bytesToBinary(row);
    if (key === prev && row.length === 16 && !p.flags.has('v')) { if (!starred) await out(ctx, '*\n'); starred = true; continue; }
    prev = key;
    starred = false;
    if (p.flags.has('C')) {
      const cells = [...row].map((b) => hex(b, 2));
      const left = cells.slice(0, 8).join(' ');
      const right = cells.slice(8).join(' ');
      const ascii = [...row].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
      await out(ctx, `${hex(at, 8)}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|\n`);
    } else {
      const words: string[] = [];
      for (let k = 0; k < row.length; k += 2) words.push(hex(row[k] | ((row[k + 1] ?? 0) << 8), 4));
      await out(ctx, `${hex(at, 7)} ${words.join(' ')}\n`);
    }
  }
  if (bytes.length) await out(ctx, `${hex(bytes.length, p.flags.has('C') ? 8 : 7)}\n`);
  return status;
}

async function basename(ctx: CommandContext): Promise<number> {
  const [path, suffix] = ctx.args;
  if (path === undefined) return fail(ctx, 'usage: basename FILE [SUFFIX]');
  let base = path.replace(/\/+$/, '');
  base = base === '' ? (path ? '/' : '') : base.slice(base.lastIndexOf('/') + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  await out(ctx, `${base}\n`);
  return 0;
}

async function dirname(ctx: CommandContext): Promise<number> {
  const [path] = ctx.args;
  if (path === undefined) return fail(ctx, 'usage: dirname FILE');
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  const dir = i < 0 ? (path.startsWith('/') ? '/' : '.') : trimmed.slice(0, i).replace(/\/+$/, '') || '/';
  await out(ctx, `${dir}\n`);
  return 0;
}

export const textCommands: Record<string, CommandFn> = {
  echo, printf, cat, head, tail, wc, grep, hexdump, basename, dirname,
};

