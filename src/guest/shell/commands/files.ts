// File commands in busybox's style: ls, stat, mkdir, rm, touch, mknod and
// mount. Errors name the file and the errno's text.
import { FsError, strerror } from '../../fs/errno.ts';
import type { Stat } from '../../fs/vfs.ts';
import { errText, fail, out, parseFlags, resolve, type CommandContext, type CommandFn } from './context.ts';

function modeString(st: Stat): string {
  const type = st.kind === 'dir' ? 'd' : st.kind === 'chr' ? 'c' : '-';
  let s = type;
  for (const shift of [6, 3, 0]) {
    const bits = (st.mode >> shift) & 7;
    s += `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${bits & 1 ? 'x' : '-'}`;
  }
  return s;
}

function longLine(st: Stat, name: string): string {
  const size = st.kind === 'chr' ? `${st.major},${String(st.minor).padStart(4)}` : String(st.size);
  return `${modeString(st)} ${String(st.nlink).padStart(4)} root     root     ${size.padStart(9)} Jan  1 00:00 ${name}\n`;
}

async function ls(ctx: CommandContext): Promise<number> {
  const p = parseFlags(ctx.args, 'la1dAF');
  if (p.bad) return fail(ctx, p.bad, 2);
  const operands = p.rest.length ? p.rest : ['.'];
  let status = 0;
  const show = async (names: string[], dir: string | null) => {
    if (p.flags.has('l')) {
      for (const n of names) await out(ctx, longLine(ctx.vfs.stat(resolve(ctx, dir === null ? n : `${dir}/${n}`)), n));
    } else if (names.length) {
      await out(ctx, ctx.stdout.isTerminal && !p.flags.has('1') ? `${names.join('  ')}\n` : names.map((n) => `${n}\n`).join(''));
    }
  };
  const files: string[] = [];
  const dirs: string[] = [];
  for (const o of operands) {
    try {
      const st = ctx.vfs.stat(resolve(ctx, o));
      (st.kind === 'dir' && !p.flags.has('d') ? dirs : files).push(o);
    } catch (e) {
      status = await fail(ctx, `${o}: ${errText(e)}`, 2);
    }
  }
  await show(files, null);
  for (const d of dirs) {
    if (operands.length > 1) await out(ctx, `${files.length || d !== dirs[0] ? '\n' : ''}${d}:\n`);
    let names = ctx.vfs.readdir(resolve(ctx, d));
    if (!p.flags.has('a') && !p.flags.has('A')) names = names.filter((n) => !n.startsWith('.'));
    else if (p.flags.has('a')) names = ['.', '..', ...names];
    await show(names, d);
  }
  return status;
}

async function stat(ctx: CommandContext): Promise<number> {
  let status = 0;
  for (const f of ctx.args) {
    try {
      const st = ctx.vfs.stat(resolve(ctx, f));
      const kind = st.kind === 'dir' ? 'directory' : st.kind === 'chr' ? 'character special file' : st.size ? 'regular file' : 'regular empty file';
      const dev = st.kind === 'chr' ? `  Device type: ${st.major},${st.minor}` : '';
      await out(ctx, `  File: ${f}\n  Size: ${st.size}\tBlocks: ${Math.ceil(st.size / 512)}\tIO Block: 4096   ${kind}\n`
        + `Inode: ${st.ino}  Links: ${st.nlink}${dev}\n`
        + `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (    0/    root)   Gid: (    0/    root)\n`
        + `File system: ${ctx.vfs.fsTypeOf(resolve(ctx, f))}\n`);
    } catch (e) {
      status = await fail(ctx, `can't stat '${f}': ${errText(e)}`);
    }
  }
  return status;
}

/** Runs `op` on each operand, printing "name: can't VERB 'f': reason" for failures. */
async function each(ctx: CommandContext, operands: string[], verb: string, op: (path: string) => void): Promise<number> {
  let status = 0;
  for (const f of operands) {
    try { op(resolve(ctx, f)); } catch (e) { status = await fail(ctx, `can't ${verb} '${f}': ${errText(e)}`); }
  }
  return status;
}

async function mkdir(ctx: CommandContext): Promise<number> {
  const p = parseFlags(ctx.args, 'p');
  if (p.bad) return fail(ctx, p.bad);
  return each(ctx, p.rest, 'create directory', (path) => { if (p.flags.has('p')) ctx.vfs.mkdirp(path); else ctx.vfs.mkdir(path); });
}

async function rm(ctx: CommandContext): Promise<number> {
  const p = parseFlags(ctx.args, 'rfR');
  if (p.bad) return fail(ctx, p.bad);
  const recursive = p.flags.has('r') || p.flags.has('R');
  return each(ctx, p.rest, 'remove', (path) => {
    try {
      if (recursive && ctx.vfs.stat(path).kind === 'dir') ctx.vfs.removeTree(path);
      else ctx.vfs.unlink(path);
    } catch (e) {
      if (!(p.flags.has('f') && e instanceof FsError && e.errno === 2)) throw e;
    }
  });
}

async function touch(ctx: CommandContext): Promise<number> {
  let status = 0;
  for (const f of ctx.args) {
    try {
      await (await ctx.vfs.open(resolve(ctx, f), { write: true, create: true })).close();
    } catch (e) {
      status = await fail(ctx, `${f}: ${errText(e)}`);
    }
  }
  return status;
}

async function mknod(ctx: CommandContext): Promise<number> {
  const [name, type, major, minor] = ctx.args;
  if (!name || type !== 'c' || !/^\d+$/.test(major ?? '') || !/^\d+$/.test(minor ?? '')) {
    return fail(ctx, 'usage: mknod NAME c MAJOR MINOR (only character devices)');
  }
  return each(ctx, [name], 'create', (path) => ctx.vfs.mknod(path, Number(major), Number(minor)));
}

async function mount(ctx: CommandContext): Promise<number> {
  const p = parseFlags(ctx.args, 'rw', 'to');
  if (p.bad) return fail(ctx, p.bad);
  if (p.rest.length === 0) {
    await out(ctx, ctx.vfs.mounts.map((m) => `${m.source} on ${m.target} type ${m.type} (${m.options})\n`).join(''));
    return 0;
  }
  const [source, target] = p.rest;
  const type = p.flags.get('t');
  if (!type || !target) return fail(ctx, 'usage: mount [-t TYPE SOURCE DIR]');
  try {
    ctx.vfs.mount(source, resolve(ctx, target), type, p.flags.get('o') ?? 'rw,relatime');
    return 0;
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    return fail(ctx, `mounting ${source} on ${target} failed: ${strerror(e.errno)}`);
  }
}

/** chmod MODE FILE...: octal modes and the symbolic `[ugoa]*[+-=][rwx]*` forms. */
async function chmod(ctx: CommandContext): Promise<number> {
  const [mode, ...files] = ctx.args;
  const sym = /^([ugoa]*)([-+=])([rwx]*)$/.exec(mode ?? '');
  if (!mode || (!/^[0-7]{1,4}$/.test(mode) && !sym)) return fail(ctx, `invalid mode '${mode ?? ''}'`);
  return each(ctx, files, 'change mode of', (path) => {
    const node = ctx.vfs.lookup(path);
    if (!sym) { node.mode = parseInt(mode, 8); return; }
    const who = sym[1] === '' || sym[1].includes('a') ? 0o777 : (sym[1].includes('u') ? 0o700 : 0) | (sym[1].includes('g') ? 0o070 : 0) | (sym[1].includes('o') ? 0o007 : 0);
    const what = (sym[3].includes('r') ? 0o444 : 0) | (sym[3].includes('w') ? 0o222 : 0) | (sym[3].includes('x') ? 0o111 : 0);
    const bits = who & what;
    node.mode = sym[2] === '+' ? node.mode | bits : sym[2] === '-' ? node.mode & ~bits : (node.mode & ~who) | bits;
  });
}

export const fileCommands: Record<string, CommandFn> = { ls, stat, mkdir, rm, touch, mknod, mount, chmod };
