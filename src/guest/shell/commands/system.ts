// Commands that ask the kernel (kernel.ts): sleep on the virtual clock,
// dmesg, insmod/rmmod/lsmod/modinfo, uname, ps, kill, poweroff, reboot and
// help, with busybox's output formats and messages.
import { binaryToBytes } from '../../fs/bytes.ts';
import { strerror } from '../../fs/errno.ts';
import { fileReader } from '../streams.ts';
import { errText, fail, out, readAll, resolve, type CommandContext, type CommandFn } from './context.ts';

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, CONT: 18, STOP: 19 };

async function sleep(ctx: CommandContext): Promise<number> {
  if (!ctx.args.length) return fail(ctx, 'usage: sleep SECONDS');
  let ns = 0n;
  for (const a of ctx.args) {
    const m = /^(\d*)(?:\.(\d{0,9})\d*)?([smhd]?)$/.exec(a);
    if (!m || (m[1] === '' && !m[2])) return fail(ctx, `invalid number '${a}'`);
    const unit = { '': 1n, s: 1n, m: 60n, h: 3600n, d: 86400n }[m[3]]!;
    ns += (BigInt(m[1] || '0') * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'))) * unit;
  }
  await ctx.signal.race(ctx.kernel.sleep(ns, ctx.signal));
  ctx.signal.check();
  return 0;
}

async function readImage(ctx: CommandContext, path: string): Promise<Uint8Array | string> {
  try {
    const f = await ctx.vfs.open(resolve(ctx, path), { read: true });
    try { return binaryToBytes(await readAll(fileReader(f), ctx.signal)); } finally { await f.close(); }
  } catch (e) {
    return errText(e);
  }
}

async function insmod(ctx: CommandContext): Promise<number> {
  const [path, ...params] = ctx.args;
  if (!path) return fail(ctx, 'usage: insmod FILE [NAME=VALUE]...');
  const image = await readImage(ctx, path);
  if (typeof image === 'string') return fail(ctx, `can't read '${path}': ${image}`);
  const r = await ctx.signal.race(ctx.kernel.insmod(resolve(ctx, path), image, params));
  return r < 0 ? fail(ctx, `can't insert '${path}': ${strerror(-r)}`) : 0;
}

async function rmmod(ctx: CommandContext): Promise<number> {
  let status = 0;
  for (const a of ctx.args.filter((x) => !x.startsWith('-'))) {
    const name = a.replace(/^.*\//, '').replace(/\.ko$/, '').replace(/-/g, '_');
    const r = await ctx.signal.race(ctx.kernel.rmmod(name));
    if (r < 0) status = await fail(ctx, `can't unload module '${name}': ${strerror(-r)}`);
  }
  return status;
}

async function lsmod(ctx: CommandContext): Promise<number> {
  let text = 'Module                  Size  Used by\n';
  for (const m of ctx.kernel.lsmod()) {
    text += `${m.name.padEnd(19)} ${String(m.size).padStart(8)}  ${m.refcount}${m.usedBy.length ? ` ${m.usedBy.join(',')}` : ''}\n`;
  }
  await out(ctx, text);
  return 0;
}

async function modinfo(ctx: CommandContext): Promise<number> {
  let status = 0;
  for (const path of ctx.args) {
    const image = await readImage(ctx, path);
    if (typeof image === 'string') { status = await fail(ctx, `can't open '${path}': ${image}`); continue; }
    const info = ctx.kernel.modinfo(image);
    if (typeof info === 'number') { status = await fail(ctx, `'${path}': ${strerror(-info)}`); continue; }
    let text = `${'filename:'.padEnd(16)}${resolve(ctx, path)}\n`;
    for (const [k, v] of info) text += `${`${k}:`.padEnd(16)}${v}\n`;
    await out(ctx, text);
  }
  return status;
}

async function uname(ctx: CommandContext): Promise<number> {
  const u = ctx.kernel.uname();
  const letters = ctx.args.join('').replace(/-/g, '') || 's';
  const all = letters.includes('a');
  const parts: string[] = [];
  if (all || letters.includes('s')) parts.push(u.sysname);
  if (all || letters.includes('n')) parts.push(u.nodename);
  if (all || letters.includes('r')) parts.push(u.release);
  if (all || letters.includes('v')) parts.push(u.version);
  if (all || letters.includes('m')) parts.push(u.machine);
  if (all) parts.push('GNU/Linux');
  await out(ctx, `${parts.join(' ')}\n`);
  return 0;
}

async function ps(ctx: CommandContext): Promise<number> {
  let text = 'PID   USER     TIME  COMMAND\n';
  for (const p of ctx.kernel.ps()) text += `${String(p.pid).padStart(5)} ${p.user.padEnd(8)}  0:00 ${p.command}\n`;
  await out(ctx, text);
  return 0;
}

async function kill(ctx: CommandContext): Promise<number> {
  let args = ctx.args;
  let sig = 15;
  if (args[0] === '-l') { await out(ctx, `${Object.keys(SIGNALS).join(' ')}\n`); return 0; }
  if (args[0]?.startsWith('-')) {
    const s = args[0].slice(1).replace(/^SIG/, '');
    const n = /^\d+$/.test(s) ? Number(s) : SIGNALS[s.toUpperCase()];
    if (n === undefined) return fail(ctx, `bad signal name '${s}'`);
    sig = n;
    args = args.slice(1);
  }
  if (!args.length) return fail(ctx, 'usage: kill [-SIGNAL] PID...');
  let status = 0;
  for (const a of args) {
    const r = /^\d+$/.test(a) ? ctx.kernel.kill(Number(a), sig) : -3;
    if (r < 0) status = await fail(ctx, `can't kill pid ${a}: ${strerror(-r)}`);
  }
  return status;
}

async function dmesg(ctx: CommandContext): Promise<number> {
  await out(ctx, ctx.kernel.dmesg());
  if (ctx.args.includes('-c') || ctx.args.includes('-C')) ctx.kernel.clearLog();
  return 0;
}

async function help(ctx: CommandContext): Promise<number> {
  const names = ctx.hooks.commandNames();
  let text = 'Built-in commands:\n------------------\n';
  for (let i = 0; i < names.length; i += 8) text += `\t${names.slice(i, i + 8).join(' ')}\n`;
  text += '\nScripts run as `sh FILE` or by their path; Ctrl-C stops the running command.\n';
  await out(ctx, text);
  return 0;
}

export const systemCommands: Record<string, CommandFn> = {
  sleep, insmod, rmmod, lsmod, modinfo, uname, ps, kill, dmesg, help,
  poweroff: async (ctx) => { ctx.kernel.poweroff(); return 0; },
  reboot: async (ctx) => { ctx.kernel.reboot(); return 0; },
};
