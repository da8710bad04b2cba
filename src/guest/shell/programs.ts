// Programs on the file system: a command name with a `/` is a path, other
// names are looked up in $PATH. The guest runs shell scripts only (a `#!`
// line naming a shell, or no `#!` at all, as POSIX shells do on ENOEXEC).
import { bytesToBinary } from '../fs/bytes.ts';
import { Errno, FsError, strerror } from '../fs/errno.ts';
import { normalizePath, type Vfs } from '../fs/vfs.ts';
import type { Exec, Interpreter } from './interp.ts';
import { ExitControl, ReturnControl, ShellState } from './state.ts';

export interface Program {
  path: string;
  /** The script's text when it does not come from `path` (sh -c, sh reading stdin). */
  source?: string;
  /** Option letters given to sh (`sh -ex FILE`). */
  flags?: string;
}

const DEFAULT_PATH = '/sbin:/usr/sbin:/bin:/usr/bin';
const SHELLS = new Set(['sh', 'ash', 'dash', 'bash']);

function executable(vfs: Vfs, path: string): number {
  try {
    const st = vfs.stat(path);
    if (st.kind === 'dir') return Errno.EACCES;
    return st.mode & 0o111 ? 0 : Errno.EACCES;
  } catch (e) {
    if (e instanceof FsError) return e.errno;
    throw e;
  }
}

/** The program `name` stands for, or the errno of why there is none. */
export function findProgram(vfs: Vfs, state: ShellState, env: Map<string, string>, name: string): Program | number {
  if (name.includes('/')) {
    const path = normalizePath(name, state.cwd);
    const err = executable(vfs, path);
    return err ? err : { path };
  }
  for (const dir of (env.get('PATH') ?? state.get('PATH') ?? DEFAULT_PATH).split(':')) {
    const path = normalizePath(`${dir || '.'}/${name}`, state.cwd);
    if (executable(vfs, path) === 0) return { path };
  }
  return Errno.ENOENT;
}

async function readText(vfs: Vfs, path: string, x: Exec): Promise<string> {
  const file = await vfs.open(path, { read: true });
  let text = '';
  try {
    for (let c = await file.read(65536, x.signal); c.length; c = await file.read(65536, x.signal)) text += bytesToBinary(c);
  } finally {
    await file.close();
  }
  return text;
}

/** Runs a script in a new shell (exported variables only), as `sh FILE ARGS`. */
export async function runProgram(
  interp: Interpreter, prog: Program, name: string, args: string[], x: Exec, env: Map<string, string>,
): Promise<number> {
  let source = prog.source;
  if (source === undefined) {
    try {
      source = await readText(interp.vfs, normalizePath(prog.path, x.state.cwd), x);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await interp.say(x, `sh: can't open '${name}': ${strerror(e.errno)}`);
      return e.errno === Errno.ENOENT ? 127 : 126;
    }
    const interpreter = /^#!\s*(\S+)/.exec(source)?.[1];
    if (interpreter && !SHELLS.has(interpreter.slice(interpreter.lastIndexOf('/') + 1))) {
      await interp.say(x, `sh: ${name}: ${interpreter}: not found (the guest runs only shell scripts)`);
      return 127;
    }
    if (source.startsWith('\x7fELF')) {
      await interp.say(x, `sh: ${name}: ${strerror(Errno.ENOEXEC)} (the guest has no user-space programs; modules load with insmod)`);
      return 126;
    }
  }
  const state = new ShellState();
  for (const [k, v] of env) state.set(k, v, true);
  state.cwd = x.state.cwd;
  state.arg0 = name;
  state.scriptName = prog.source === undefined ? name : null;
  state.positional = args;
  state.options.errexit = !!prog.flags?.includes('e');
  state.options.xtrace = !!prog.flags?.includes('x');
  try {
    return await interp.runSource(source, { ...x, state, ignoreErrexit: false });
  } catch (e) {
    if (e instanceof ExitControl || e instanceof ReturnControl) return e.status;
    throw e;
  }
}
