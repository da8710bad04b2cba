// What a command is given when it runs (its arguments, its three standard
// streams, the file system and the kernel), and small helpers for the
// usual chores: writing text, reading all input, reporting an error.
import { binaryToBytes, bytesToBinary } from '../../fs/bytes.ts';
import { FsError, strerror } from '../../fs/errno.ts';
import { normalizePath, type Vfs } from '../../fs/vfs.ts';
import type { InterruptController } from '../interrupt.ts';
import type { Kernel } from '../kernel.ts';
import type { ShellState } from '../state.ts';
import { fileReader, type Reader, type Writer } from '../streams.ts';
import type { IoTable } from '../io-table.ts';

/** What the interpreter offers the builtins that act on the shell itself. */
export interface ShellHooks {
  /** Runs shell source in the current shell (eval, `.`). */
  evalSource(src: string, ctx: CommandContext, name?: string): Promise<number>;
  /** Runs a script file in a new shell (`sh FILE`). */
  runScript(path: string, args: string[], ctx: CommandContext, opts?: { source?: string; flags?: string }): Promise<number>;
  /** The builtin names, for `help`. */
  commandNames(): string[];
  /** Makes redirections permanent for the shell (`exec >file`). */
  setShellIo(io: IoTable): void;
}

export interface CommandContext {
  name: string;
  args: string[];
  stdin: Reader;
  stdout: Writer;
  stderr: Writer;
  io: IoTable;
  signal: InterruptController;
  vfs: Vfs;
  kernel: Kernel;
  state: ShellState;
  /** Exported variables plus the command's own `NAME=value` prefixes. */
  env: Map<string, string>;
  hooks: ShellHooks;
}

export type CommandFn = (ctx: CommandContext) => Promise<number>;

export async function out(ctx: CommandContext, text: string): Promise<void> {
  if (text) await ctx.stdout.write(binaryToBytes(text), ctx.signal);
}

/** Writes "name: message" on stderr (write errors on stderr are ignored, as in Linux). */
export async function fail(ctx: CommandContext, message: string, status = 1): Promise<number> {
  try {
    await ctx.stderr.write(binaryToBytes(`${ctx.name}: ${message}\n`), ctx.signal);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
  }
  return status;
}

export function errText(e: unknown): string {
  if (e instanceof FsError) return strerror(e.errno);
  throw e;
}

export function resolve(ctx: CommandContext, path: string): string {
  return normalizePath(path, ctx.state.cwd);
}

/** All of a reader's bytes, as a byte string. */
export async function readAll(reader: Reader, signal: InterruptController): Promise<string> {
  let text = '';
  for (let chunk = await reader.read(signal); chunk; chunk = await reader.read(signal)) {
    text += bytesToBinary(chunk);
  }
  return text;
}

/** Each line of a reader as it arrives (the last one may lack its newline). */
export async function* lines(reader: Reader, signal: InterruptController): AsyncGenerator<string> {
  let pending = '';
  for (let chunk = await reader.read(signal); chunk; chunk = await reader.read(signal)) {
    pending += bytesToBinary(chunk);
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield pending.slice(0, nl + 1);
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  if (pending) yield pending;
}

/** Opens each operand (or stdin for none or `-`) and hands its reader to `each`. */
export async function forEachInput(
  ctx: CommandContext, files: string[],
  each: (reader: Reader, name: string) => Promise<void>,
): Promise<number> {
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    if (f === '-') { await each(ctx.stdin, '-'); continue; }
    let file;
    try {
      file = await ctx.vfs.open(resolve(ctx, f), { read: true });
    } catch (e) {
      status = await fail(ctx, `can't open '${f}': ${errText(e)}`);
      continue;
    }
    try {
      await each(fileReader(file), f);
    } catch (e) {
      if (!(e instanceof FsError) || e.path !== file.path) throw e;
      status = await fail(ctx, `read error: ${strerror(e.errno)}`);
    } finally {
      await file.close();
    }
  }
  return status;
}

/** Splits leading `-abc` options from operands; stops at `--` or the first operand. */
export function parseFlags(args: string[], known: string, withValue = ''): { flags: Map<string, string>; rest: string[]; bad?: string } {
  const flags = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a) && !known.includes('0')) break;
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (withValue.includes(c)) {
        const v = a.slice(k + 1) || args[++i];
        if (v === undefined) return { flags, rest: [], bad: `option requires an argument -- '${c}'` };
        flags.set(c, v);
        break;
      }
      if (!known.includes(c)) return { flags, rest: [], bad: `invalid option -- '${c}'` };
      flags.set(c, '');
    }
  }
  return { flags, rest: args.slice(i) };
}
