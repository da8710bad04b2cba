// The builtins that act on the shell itself (XCU 2.14 special builtins,
// plus cd, pwd, read, local and sh): they change its variables, options,
// directory or control flow, so they run inside the shell, never as programs.
import { FsError, strerror } from '../../fs/errno.ts';
import { ExitControl, LoopControl, ReturnControl } from '../state.ts';
import { fileReader } from '../streams.ts';
import { fail, readAll, resolve, type CommandContext, type CommandFn } from './context.ts';
import { readLine } from './read-line.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function count(ctx: CommandContext, fallback: number): number | null {
  if (ctx.args.length === 0) return fallback;
  return /^\d+$/.test(ctx.args[0]) ? Number(ctx.args[0]) : null;
}

const loopControl = (kind: 'break' | 'continue'): CommandFn => async (ctx) => {
  const n = count(ctx, 1);
  if (n === null || n < 1) return fail(ctx, `Illegal number: ${ctx.args[0]}`, 2);
  if (ctx.state.loopDepth === 0) return 0;
  throw new LoopControl(kind, Math.min(n, ctx.state.loopDepth));
};

async function setCommand(ctx: CommandContext): Promise<number> {
  if (ctx.args.length === 0) {
    const lines = [...ctx.state.vars.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}='${v.value.replace(/'/g, "'\\''")}'\n`);
    await ctx.stdout.write(Uint8Array.from(lines.join(''), (c) => c.charCodeAt(0) & 0xff), ctx.signal);
    return 0;
  }
  const o = ctx.state.options;
  const letters: Record<string, keyof typeof o> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob' };
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const a = ctx.args[i];
    if (a === '--') { i++; ctx.state.positional = ctx.args.slice(i); return 0; }
    if (a === '-o' || a === '+o') {
      const name = ctx.args[++i] as keyof typeof o;
      if (!(name in o)) return fail(ctx, `Illegal option -o ${name ?? ''}`, 2);
      o[name] = a === '-o';
      continue;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (!letters[c]) return fail(ctx, `Illegal option ${a[0]}${c}`, 2);
      o[letters[c]] = a[0] === '-';
    }
  }
  if (i < ctx.args.length) ctx.state.positional = ctx.args.slice(i);
  return 0;
}

async function exportLike(ctx: CommandContext, readonly: boolean): Promise<number> {
  for (const a of ctx.args) {
    if (a === '-p') continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) return fail(ctx, `${name}: bad variable name`, 2);
    const v = ctx.state.vars.get(name);
    const value = eq < 0 ? v?.value : a.slice(eq + 1);
    if (v?.readonly && eq >= 0) return fail(ctx, `${name}: is read only`, 2);
    if (value === undefined) { if (v) v[readonly ? 'readonly' : 'exported'] = true; continue; }
    ctx.state.vars.set(name, { value: value ?? '', exported: (v?.exported ?? false) || !readonly, readonly: readonly || (v?.readonly ?? false) });
  }
  return 0;
}

async function cd(ctx: CommandContext): Promise<number> {
  const target = ctx.args[0] === '-' ? ctx.state.get('OLDPWD') ?? '/' : ctx.args[0] ?? ctx.state.get('HOME') ?? '/';
  const path = resolve(ctx, target);
  try {
    if (ctx.vfs.stat(path).kind !== 'dir') return fail(ctx, `can't cd to ${target}: Not a directory`, 2);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return fail(ctx, `can't cd to ${target}: ${strerror(e.errno)}`, 2);
  }
  ctx.state.set('OLDPWD', ctx.state.cwd);
  ctx.state.cwd = path;
  ctx.state.set('PWD', path);
  if (ctx.args[0] === '-') await ctx.stdout.write(Uint8Array.from(`${path}\n`, (c) => c.charCodeAt(0)), ctx.signal);
  return 0;
}

async function read(ctx: CommandContext): Promise<number> {
  let raw = false;
  let args = ctx.args;
  if (args[0] === '-r') { raw = true; args = args.slice(1); }
  const got = await readLine(ctx.stdin, ctx.signal);
  if (got === null) { for (const n of args) ctx.state.set(n, ''); return 1; }
  let line = got.replace(/\n$/, '');
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = ctx.state.get('IFS') ?? ' \t\n';
  const names = args.length ? args : ['REPLY'];
  const isWs = (c: string) => ifs.includes(c) && /\s/.test(c);
  const fields: string[] = [];
  let k = 0;
  const skipWs = () => { while (k < line.length && isWs(line[k])) k++; };
  skipWs();
  while (fields.length < names.length - 1 && k < line.length) {
    const start = k;
    while (k < line.length && !ifs.includes(line[k])) k++;
    fields.push(line.slice(start, k));
    skipWs();
    if (k < line.length && ifs.includes(line[k]) && !isWs(line[k])) { k++; skipWs(); }
  }
  let rest = line.slice(k);
  while (rest && isWs(rest[rest.length - 1])) rest = rest.slice(0, -1);
  fields.push(rest);
  names.forEach((n, k) => ctx.state.set(n, fields[k] ?? ''));
  return got.endsWith('\n') ? 0 : 1;
}

async function dot(ctx: CommandContext): Promise<number> {
  const [file, ...args] = ctx.args;
  if (!file) return fail(ctx, 'filename argument required', 2);
  let src: string;
  try {
    const f = await ctx.vfs.open(resolve(ctx, file), { read: true });
    src = await readAll(fileReader(f), ctx.signal);
    await f.close();
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return fail(ctx, `can't open '${file}': ${strerror(e.errno)}`, 2);
  }
  const saved = ctx.state.positional;
  if (args.length) ctx.state.positional = args;
  try {
    return await ctx.hooks.evalSource(src, ctx);
  } catch (e) {
    if (e instanceof ReturnControl) return e.status;
    throw e;
  } finally {
    if (args.length) ctx.state.positional = saved;
  }
}

/** `sh [-ex] FILE ARGS`, `sh -c 'commands' [NAME ARGS]`, `sh` reading its standard input. */
async function sh(ctx: CommandContext): Promise<number> {
  let flags = '';
  let i = 0;
  for (; i < ctx.args.length && /^-[a-z]+$/.test(ctx.args[i]); i++) flags += ctx.args[i].slice(1);
  const rest = ctx.args.slice(i);
  if (flags.includes('c')) {
    if (!rest.length) return fail(ctx, '-c requires an argument', 2);
    return ctx.hooks.runScript(rest[1] ?? 'sh', rest.slice(2), ctx, { source: rest[0], flags });
  }
  if (!rest.length) return ctx.hooks.runScript('sh', [], ctx, { source: await readAll(ctx.stdin, ctx.signal), flags });
  return ctx.hooks.runScript(rest[0], rest.slice(1), ctx, { flags });
}

export const specialBuiltins: Record<string, CommandFn> = {
  ':': async () => 0,
  '.': dot,
  break: loopControl('break'),
  continue: loopControl('continue'),
  eval: async (ctx) => (ctx.args.length ? ctx.hooks.evalSource(ctx.args.join(' '), ctx) : 0),
  exec: async (ctx) => {
    if (ctx.args.length === 0) { ctx.hooks.setShellIo(ctx.io); return 0; }
    return fail(ctx, 'running a program in place of the shell is not supported; run it without exec', 2);
  },
  exit: async (ctx) => {
    const n = count(ctx, ctx.state.lastStatus);
    if (n === null) return fail(ctx, `Illegal number: ${ctx.args[0]}`, 2);
    throw new ExitControl(n & 255);
  },
  export: (ctx) => exportLike(ctx, false),
  readonly: (ctx) => exportLike(ctx, true),
  return: async (ctx) => {
    const n = count(ctx, ctx.state.lastStatus);
    if (n === null) return fail(ctx, `Illegal number: ${ctx.args[0]}`, 2);
    throw new ReturnControl(n & 255);
  },
  set: setCommand,
  shift: async (ctx) => {
    const n = count(ctx, 1);
    if (n === null || n > ctx.state.positional.length) return fail(ctx, `can't shift that many`, 2);
    ctx.state.positional = ctx.state.positional.slice(n);
    return 0;
  },
  trap: async () => 0,
  unset: async (ctx) => {
    for (const a of ctx.args) {
      if (a === '-v') continue;
      if (a === '-f') continue;
      if (ctx.state.vars.get(a)?.readonly) return fail(ctx, `${a}: is read only`, 2);
      if (ctx.args[0] === '-f') ctx.state.functions.delete(a);
      else ctx.state.vars.delete(a);
    }
    return 0;
  },
};

export const shellCommands: Record<string, CommandFn> = {
  cd,
  pwd: async (ctx) => { await ctx.stdout.write(Uint8Array.from(`${ctx.state.cwd}\n`, (c) => c.charCodeAt(0) & 0xff), ctx.signal); return 0; },
  read,
  local: async (ctx) => {
    for (const a of ctx.args) {
      const eq = a.indexOf('=');
      if (eq >= 0) ctx.state.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },
  sh,
  true: async () => 0,
  false: async () => 1,
};
