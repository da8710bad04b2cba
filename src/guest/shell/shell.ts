// The guest's userland shell, as the terminal and the CLI use it: one
// command line at a time (`execute`), scripts (`runScript`), a busybox-style
// prompt, and Ctrl-C for the foreground job (`interrupt`). Its output goes
// to the injected writers; its commands reach the kernel through `Kernel`.
import { binaryToBytes, toBinary } from '../fs/bytes.ts';
import type { Vfs } from '../fs/vfs.ts';
import type { CommandFn } from './commands/context.ts';
import { fileCommands } from './commands/files.ts';
import { shellCommands, specialBuiltins } from './commands/shell-builtins.ts';
import { systemCommands } from './commands/system.ts';
import { testCommands } from './commands/test.ts';
import { textCommands } from './commands/text.ts';
import { Interrupted, InterruptController } from './interrupt.ts';
import { Interpreter, type Exec } from './interp.ts';
import { IoTable } from './io-table.ts';
import type { Kernel } from './kernel.ts';
import { Parser } from './parser.ts';
import { runProgram } from './programs.ts';
import { BrokenPipe, ExitControl, LoopControl, ReturnControl, ShellState } from './state.ts';
import { emptyReader, type Reader, type Writer } from './streams.ts';
import { ShellSyntaxError } from './syntax-error.ts';

export interface ShellOptions {
  vfs: Vfs;
  kernel: Kernel;
  /** Where output goes: bytes (UTF-8 text for the terminal). */
  stdout: (bytes: Uint8Array) => void | Promise<void>;
  stderr: (bytes: Uint8Array) => void | Promise<void>;
  /** The terminal's input for commands that read it; none by default (end of file). */
  stdin?: Reader;
  /** Initial variables (exported), e.g. HOME, PATH. */
  env?: Record<string, string>;
  /** Whether the writers are a terminal (ls prints columns there). */
  terminal?: boolean;
}

function writer(fn: (b: Uint8Array) => void | Promise<void>, terminal: boolean): Writer {
  return { isTerminal: terminal, async write(data) { await fn(data); } };
}

export class Shell {
  readonly state = new ShellState();
  private readonly interp: Interpreter;
  /** The shell's own descriptors (the terminal, unless `exec` redirected them). */
  private io: IoTable;
  private foreground: InterruptController | null = null;
  /** Set by `exit`: the shell has ended with this status. */
  exitStatus: number | null = null;

  constructor(private readonly opts: ShellOptions) {
    const special = new Map<string, CommandFn>(Object.entries(specialBuiltins));
    const commands = new Map<string, CommandFn>(Object.entries({
      ...shellCommands, ...testCommands, ...textCommands, ...fileCommands, ...systemCommands,
    }));
    this.io = new IoTable(new Map([
      [0, { reader: opts.stdin ?? emptyReader }],
      [1, { writer: writer(opts.stdout, !!opts.terminal) }],
      [2, { writer: writer(opts.stderr, !!opts.terminal) }],
    ]));
    this.interp = new Interpreter(opts.vfs, opts.kernel, { special, commands });
    const env = { PATH: '/sbin:/usr/sbin:/bin:/usr/bin', HOME: '/root', PWD: '/', ...opts.env };
    for (const [k, v] of Object.entries(env)) this.state.set(k, v, true);
    this.state.set('IFS', ' \t\n');
    this.state.set('PS1', '\\w # ');
  }

  /** The prompt, busybox style: the working directory, then `# ` (we are root). */
  prompt(): string {
    const home = this.state.get('HOME');
    const cwd = this.state.cwd;
    return `${home && cwd === home ? '~' : cwd} # `;
  }

  /** Whether `text` ends inside a command (an open `if`, quote or here-document). */
  static needsMoreInput(text: string): boolean {
    try {
      const p = new Parser(text);
      while (p.nextCommand());
      return p.heredocUnterminated;
    } catch (e) {
      return e instanceof ShellSyntaxError && e.incomplete;
    }
  }

  /** Ctrl-C: interrupts the foreground command, if one is running. */
  interrupt(): void {
    this.foreground?.interrupt();
  }

  get busy(): boolean {
    return this.foreground !== null;
  }

  /** Runs one command line (or several lines) typed at the prompt; resolves to its exit status. */
  async execute(line: string): Promise<number> {
    return this.foregroundJob((x) => this.interp.runSource(toBinary(line), x));
  }

  /** Runs a script file as `sh PATH ARGS` would. */
  async runScript(path: string, args: string[] = []): Promise<number> {
    return this.foregroundJob((x) => runProgram(this.interp, { path }, path, args, x, x.state.environment()));
  }

  private async foregroundJob(fn: (x: Exec) => Promise<number>): Promise<number> {
    const signal = new InterruptController(() => this.opts.kernel.yield());
    this.foreground = signal;
    const x: Exec = { state: this.state, io: this.io, signal, ignoreErrexit: false };
    let status: number;
    try {
      status = await fn(x);
    } catch (e) {
      if (e instanceof Interrupted) {
        await this.opts.stdout(binaryToBytes('^C\n'));
        status = 130;
      } else if (e instanceof ExitControl) {
        status = e.status;
        this.exitStatus = status;
      } else if (e instanceof ReturnControl || e instanceof BrokenPipe) status = e.status;
      else if (e instanceof LoopControl) status = 0;
      else throw e;
    } finally {
      this.foreground = null;
      if (this.state.io) { this.io = this.state.io; this.state.io = null; }
    }
    this.state.lastStatus = status;
    return status;
  }
}
