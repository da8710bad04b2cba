// The interpreter: runs a syntax tree with POSIX sh semantics (XCU 2.9):
// exit statuses, `set -e` and `set -x`, loops with break/continue,
// functions, subshells on a copy of the state, and pipelines whose commands
// run as concurrent async tasks joined by pipes.
import { binaryToBytes, bytesToBinary } from '../fs/bytes.ts';
import { Errno, FsError, strerror } from '../fs/errno.ts';
import type { Vfs } from '../fs/vfs.ts';
import type { Command, Redir } from './ast.ts';
import type { CommandContext, CommandFn, ShellHooks } from './commands/context.ts';
import { ExpansionError, Expander, type ExpandHost } from './expand.ts';
import { globPaths } from './glob.ts';
import type { InterruptController } from './interrupt.ts';
import type { IoTable } from './io-table.ts';
import type { Kernel } from './kernel.ts';
import { matchPattern } from './pattern.ts';
import { Parser } from './parser.ts';
import { BrokenPipe, ExitControl, LoopControl, ReturnControl, type ShellState } from './state.ts';
import { BufferWriter, Pipe, bytesReader, fileReader, fileWriter } from './streams.ts';
import { ShellSyntaxError } from './syntax-error.ts';
import { findProgram, runProgram } from './programs.ts';

/** Where a command runs: the shell state, its fds, its job's Ctrl-C, and whether `set -e` is suspended. */
export interface Exec {
  state: ShellState;
  io: IoTable;
  signal: InterruptController;
  ignoreErrexit: boolean;
}

export interface Registry {
  /** Builtins that act on the shell itself and keep their assignments (XCU 2.14). */
  special: Map<string, CommandFn>;
  commands: Map<string, CommandFn>;
}

export class Interpreter {
  private substStatus: number | null = null;

  constructor(readonly vfs: Vfs, readonly kernel: Kernel, readonly registry: Registry) {}

  /** The prefix of the shell's own messages: "sh" or "script: line N". */
  prefix(state: ShellState, line = state.line): string {
    return state.scriptName ? `${state.scriptName}: line ${line}` : 'sh';
  }

  async say(x: Exec, text: string): Promise<void> {
    const w = x.io.get(2)?.writer;
    try { await w?.write(binaryToBytes(`${text}\n`), x.signal); } catch (e) { if (!(e instanceof FsError)) throw e; }
  }

  /** Parses and runs `src` one complete command at a time; a syntax error ends it with status 2. */
  async runSource(src: string, x: Exec): Promise<number> {
    const parser = new Parser(src);
    let status = 0;
    for (;;) {
      let cmd: Command | null;
      try {
        cmd = parser.nextCommand();
      } catch (e) {
        if (!(e instanceof ShellSyntaxError)) throw e;
        await this.say(x, `${x.state.scriptName ?? 'sh'}: line ${e.line}: ${e.message}`);
        x.state.lastStatus = 2;
        if (x.state.scriptName) throw new ExitControl(2);
        return 2;
      }
      if (!cmd) return status;
      if (x.state.io) x = { ...x, io: x.state.io };
      status = await this.run(cmd, x);
    }
  }

  async run(cmd: Command, x: Exec): Promise<number> {
    const status = await this.dispatch(cmd, x);
    x.state.lastStatus = status;
    return status;
  }

  private async dispatch(cmd: Command, x: Exec): Promise<number> {
    switch (cmd.type) {
      case 'simple': return this.simple(cmd, x);
      case 'pipeline': return this.pipeline(cmd, x);
      case 'andor': {
        const left = await this.run(cmd.left, { ...x, ignoreErrexit: true });
        if ((cmd.op === '&&') !== (left === 0)) return left;
        return this.run(cmd.right, x);
      }
      case 'list': return this.list(cmd, x);
      case 'function': x.state.functions.set(cmd.name, cmd.body); return 0;
      default: return this.withRedirs(cmd.redirs, x, (inner) => this.compound(cmd, inner));
    }
  }

  private async list(cmd: Extract<Command, { type: 'list' }>, x: Exec): Promise<number> {
    let status = 0;
    for (const item of cmd.items) {
      if (item.async) { status = this.background(item.cmd, x); continue; }
      status = await this.run(item.cmd, x);
    }
    return status;
  }

  private nextPid = 1000;

  /** `cmd &`: runs on a copy of the state without being waited for. */
  private background(cmd: Command, x: Exec): number {
    const state = x.state.clone();
    x.state.lastBackgroundPid = ++this.nextPid;
    void this.run(cmd, { ...x, state, ignoreErrexit: false }).catch(() => undefined);
    return 0;
  }

  private async compound(cmd: Command, x: Exec): Promise<number> {
    switch (cmd.type) {
      case 'group': return this.run(cmd.body, x);
      case 'subshell': return this.subshell(x, (sub) => this.run(cmd.body, sub));
      case 'if':
        for (const clause of cmd.clauses) {
          if (await this.run(clause.cond, { ...x, ignoreErrexit: true }) === 0) return this.run(clause.body, x);
        }
        return cmd.orElse ? this.run(cmd.orElse, x) : 0;
      case 'loop': return this.loop(cmd, x);
      case 'for': return this.forLoop(cmd, x);
      case 'case': return this.caseCommand(cmd, x);
      default: throw new Error(`not a compound command: ${cmd.type}`);
    }
  }

  /** Runs `fn` on a copy of the state; `exit` ends only the copy. */
  async subshell(x: Exec, fn: (sub: Exec) => Promise<number>): Promise<number> {
    const sub: Exec = { ...x, state: x.state.clone() };
    sub.state.loopDepth = 0;
    try {
      return await fn(sub);
    } catch (e) {
      if (e instanceof ExitControl || e instanceof ReturnControl || e instanceof BrokenPipe) return e.status;
      if (e instanceof LoopControl) return 0;
      throw e;
    }
  }

  /** Runs one loop turn: 'break', 'continue', or nothing when it ran to its end. */
  private async turn(fn: () => Promise<void>): Promise<'break' | 'continue' | null> {
    try {
      await fn();
      return null;
    } catch (e) {
      if (!(e instanceof LoopControl)) throw e;
      if (e.levels > 1) { e.levels--; throw e; }
      return e.kind;
    }
  }

  private async loop(cmd: Extract<Command, { type: 'loop' }>, x: Exec): Promise<number> {
    let status = 0;
    x.state.loopDepth++;
    try {
      for (;;) {
        await x.signal.checkpoint();
        let stop = false;
        const r = await this.turn(async () => {
          const c = await this.run(cmd.cond, { ...x, ignoreErrexit: true });
          if ((c === 0) === cmd.until) { stop = true; return; }
          status = await this.run(cmd.body, x);
        });
        if (stop || r === 'break') break;
      }
    } finally {
      x.state.loopDepth--;
    }
    return status;
  }

  private async forLoop(cmd: Extract<Command, { type: 'for' }>, x: Exec): Promise<number> {
    const items = cmd.words ? await this.expander(x).words(cmd.words) : [...x.state.positional];
    let status = 0;
    x.state.loopDepth++;
    try {
      for (const item of items) {
        await x.signal.checkpoint();
        x.state.set(cmd.name, item);
        const r = await this.turn(async () => { status = await this.run(cmd.body, x); });
        if (r === 'break') break;
      }
    } finally {
      x.state.loopDepth--;
    }
    return status;
  }

  private async caseCommand(cmd: Extract<Command, { type: 'case' }>, x: Exec): Promise<number> {
    const exp = this.expander(x);
    const word = await exp.string(cmd.word);
    for (const item of cmd.items) {
      for (const p of item.patterns) {
        if (matchPattern(await exp.pattern(p), word)) return item.body ? this.run(item.body, x) : 0;
      }
    }
    return 0;
  }

  private async pipeline(cmd: Extract<Command, { type: 'pipeline' }>, x: Exec): Promise<number> {
    let status: number;
    if (cmd.cmds.length === 1) {
      status = await this.run(cmd.cmds[0], cmd.bang ? { ...x, ignoreErrexit: true } : x);
    } else {
      status = await this.runPipes(cmd.cmds, x);
    }
    if (cmd.bang) return status === 0 ? 1 : 0;
    this.errexit(status, x);
    return status;
  }

  private async runPipes(cmds: Command[], x: Exec): Promise<number> {
    const pipes = cmds.slice(1).map(() => new Pipe());
    const tasks = cmds.map(async (c, k) => {
      let io = x.io;
      if (k > 0) io = io.with(0, { reader: pipes[k - 1].reader });
      if (k < pipes.length) io = io.with(1, { writer: pipes[k].writer });
      try {
        return await this.subshell({ ...x, io }, (sub) => this.run(c, sub));
      } finally {
        if (k < pipes.length) pipes[k].writer.close?.();
        if (k > 0) pipes[k - 1].reader.close?.();
      }
    });
    const results = await Promise.allSettled(tasks);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
    return (results[results.length - 1] as PromiseFulfilledResult<number>).value;
  }

  private errexit(status: number, x: Exec): void {
    if (status !== 0 && x.state.options.errexit && !x.ignoreErrexit) throw new ExitControl(status);
  }

  expander(x: Exec): Expander {
    const s = x.state;
    const host: ExpandHost = {
      getVar: (n) => s.get(n),
      setVar: (n, v) => { s.set(n, v); },
      special: (n) => this.special(s, n),
      positional: () => s.positional,
      commandSubstitution: (src) => this.commandSubstitution(src, x),
      glob: (p) => (s.options.noglob ? [] : globPaths(this.vfs, s.cwd, p)),
      nounset: s.options.nounset,
    };
    return new Expander(host);
  }

  private special(s: ShellState, n: string): string | undefined {
    switch (n) {
      case '?': return String(s.lastStatus);
      case '#': return String(s.positional.length);
      case '$': return String(this.kernel.shellPid);
      case '!': return s.lastBackgroundPid ? String(s.lastBackgroundPid) : '';
      case '-': return s.flags();
      case '0': return s.arg0;
      default: return /^\d+$/.test(n) ? s.positional[Number(n) - 1] : undefined;
    }
  }

  private async commandSubstitution(src: string, x: Exec): Promise<string> {
    const buf = new BufferWriter();
    const status = await this.subshell({ ...x, io: x.io.with(1, { writer: buf }), ignoreErrexit: false }, (sub) => this.runSource(src, sub));
    this.substStatus = status;
    x.state.lastStatus = status;
    return bytesToBinary(buf.bytes()).replace(/\n+$/, '');
  }

  private async simple(cmd: Extract<Command, { type: 'simple' }>, x: Exec): Promise<number> {
    await x.signal.checkpoint();
    x.state.line = cmd.line;
    const exp = this.expander(x);
    this.substStatus = null;
    let argv: string[];
    const assigns: [string, string][] = [];
    try {
      argv = await exp.words(cmd.words);
      for (const a of cmd.assigns) {
        const eq = a.indexOf('=');
        assigns.push([a.slice(0, eq), await exp.string(a.slice(eq + 1))]);
        // With no command, each assignment happens before the next is expanded (a=1 b=$a).
        if (!argv.length && !x.state.set(a.slice(0, eq), assigns[assigns.length - 1][1])) {
          await this.say(x, `${this.prefix(x.state, cmd.line)}: ${a.slice(0, eq)}: is read only`);
          if (x.state.scriptName) throw new ExitControl(2);
          return 2;
        }
      }
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      await this.say(x, `${this.prefix(x.state, cmd.line)}: ${e.message}`);
      if (x.state.scriptName) throw new ExitControl(2);
      return 2;
    }
    if (x.state.options.xtrace) await this.say(x, `+ ${[...assigns.map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}`);
    if (argv.length === 0) {
      const status = await this.withRedirs(cmd.redirs, x, async () => this.substStatus ?? 0);
      this.errexit(status, x);
      return status;
    }
    const status = await this.withRedirs(cmd.redirs, x, (inner) => this.invoke(argv, assigns, inner, cmd.line));
    this.errexit(status, x);
    return status;
  }

  private async invoke(argv: string[], assigns: [string, string][], x: Exec, line: number): Promise<number> {
    const [name, ...args] = argv;
    const special = this.registry.special.get(name);
    if (special) {
      for (const [k, v] of assigns) x.state.set(k, v);
      return this.callBuiltin(special, name, args, x, new Map());
    }
    const fn = x.state.functions.get(name);
    if (fn) return this.callFunction(fn, args, assigns, x);
    const env = x.state.environment();
    for (const [k, v] of assigns) env.set(k, v);
    const builtin = this.registry.commands.get(name);
    if (builtin) return this.withTemporaryVars(x.state, assigns, () => this.callBuiltin(builtin, name, args, x, env));
    const found = findProgram(this.vfs, x.state, env, name);
    if (typeof found === 'number') {
      const why = found === Errno.ENOENT ? 'not found' : strerror(found);
      await this.say(x, `${this.prefix(x.state, line)}: ${name}: ${why}`);
      return found === Errno.ENOENT ? 127 : 126;
    }
    return runProgram(this, found, name, args, x, env);
  }

  /** `NAME=value cmd`: the variables hold for the command only (a function, a builtin such as read). */
  private async withTemporaryVars(s: ShellState, assigns: [string, string][], fn: () => Promise<number>): Promise<number> {
    const saved = assigns.map(([k]) => [k, s.vars.get(k)] as const);
    for (const [k, v] of assigns) s.set(k, v);
    try {
      return await fn();
    } finally {
      for (const [k, v] of saved) { if (v) s.vars.set(k, v); else s.vars.delete(k); }
    }
  }

  private async callFunction(body: Command, args: string[], assigns: [string, string][], x: Exec): Promise<number> {
    const s = x.state;
    const positional = s.positional;
    s.positional = args;
    s.functionDepth++;
    try {
      return await this.withTemporaryVars(s, assigns, () => this.run(body, x));
    } catch (e) {
      if (e instanceof ReturnControl) return e.status;
      throw e;
    } finally {
      s.functionDepth--;
      s.positional = positional;
    }
  }

  context(name: string, args: string[], x: Exec, env: Map<string, string>): CommandContext {
    const hooks: ShellHooks = {
      evalSource: (src) => this.runSource(src, x),
      runScript: (path, scriptArgs, ctx, opts) => runProgram(this, { path, source: opts?.source, flags: opts?.flags }, path, scriptArgs, x, ctx.env),
      commandNames: () => [...this.registry.special.keys(), ...this.registry.commands.keys()].sort(),
      setShellIo: (io) => { x.state.io = io; },
    };
    const fd = (n: number) => x.io.get(n);
    return {
      name, args, io: x.io, signal: x.signal, vfs: this.vfs, kernel: this.kernel, state: x.state, env, hooks,
      stdin: fd(0)?.reader ?? { read: async () => { throw new FsError(Errno.EBADF); } },
      stdout: fd(1)?.writer ?? { write: async () => { throw new FsError(Errno.EBADF); } },
      stderr: fd(2)?.writer ?? { write: async () => undefined },
    };
  }

  /** Runs a builtin; a failed write to its output is reported as Linux tools do. */
  async callBuiltin(fn: CommandFn, name: string, args: string[], x: Exec, env: Map<string, string>): Promise<number> {
    const ctx = this.context(name, args, x, env);
    try {
      return await fn(ctx);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      if (e.errno === Errno.EPIPE) throw new BrokenPipe();
      // busybox's echo and printf run inside the shell, so their messages start with "sh".
      const who = name === 'echo' || name === 'printf' ? 'sh' : name;
      await this.say(x, `${who}: write error: ${strerror(e.errno)}`);
      return 1;
    }
  }

  /** Applies redirections for the duration of `fn` (XCU 2.7); a failed open skips the command with status 2 (as dash). */
  async withRedirs(redirs: Redir[], x: Exec, fn: (inner: Exec) => Promise<number>): Promise<number> {
    if (!redirs.length) return fn(x);
    const opened: { close(): Promise<void> }[] = [];
    let io = x.io;
    try {
      for (const r of redirs) {
        const next = await this.redirect(r, io, x, opened);
        if (typeof next === 'number') return next;
        io = next;
      }
      return await fn({ ...x, io });
    } finally {
      for (const f of opened) await f.close();
    }
  }

  private async redirect(r: Redir, io: IoTable, x: Exec, opened: { close(): Promise<void> }[]): Promise<IoTable | number> {
    const exp = this.expander(x);
    if (r.heredoc) {
      const body = r.heredoc.quoted ? r.heredoc.body : await exp.heredoc(r.heredoc.body);
      return io.with(r.fd, { reader: bytesReader(binaryToBytes(body)) });
    }
    const target = await exp.string(r.target);
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') return io.with(r.fd, null);
      const from = /^\d+$/.test(target) ? io.get(Number(target)) : undefined;
      if (!from) { await this.say(x, `${this.prefix(x.state)}: ${target}: Bad file descriptor`); return 2; }
      return io.with(r.fd, from);
    }
    const path = this.vfsPath(target, x.state);
    const reading = r.op === '<' || r.op === '<>';
    const writing = r.op !== '<';
    try {
      const file = await this.vfs.open(path, {
        read: reading, write: writing, create: writing, truncate: r.op === '>' || r.op === '>|', append: r.op === '>>',
      });
      opened.push(file);
      return io.with(r.fd, { reader: reading ? fileReader(file) : undefined, writer: writing ? fileWriter(file) : undefined });
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await this.say(x, `${this.prefix(x.state)}: can't ${writing ? 'create' : 'open'} ${target}: ${strerror(e.errno)}`);
      return 2;
    }
  }

  vfsPath(p: string, s: ShellState): string {
    return p.startsWith('/') ? p : `${s.cwd}/${p}`;
  }
}

