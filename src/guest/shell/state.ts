// A shell's state: variables (exported or not), functions, positional
// parameters, options and the working directory. A subshell, a pipeline's
// command and a command substitution each run on a copy.
import type { Command } from './ast.ts';
import type { IoTable } from './io-table.ts';

export interface Variable { value: string; exported: boolean; readonly: boolean }

export interface ShellOptions { errexit: boolean; xtrace: boolean; nounset: boolean; noglob: boolean }

export class ShellState {
  vars = new Map<string, Variable>();
  functions = new Map<string, Command>();
  positional: string[] = [];
  arg0 = 'sh';
  options: ShellOptions = { errexit: false, xtrace: false, nounset: false, noglob: false };
  cwd = '/';
  lastStatus = 0;
  lastBackgroundPid = 0;
  /** Set for a script: messages start with its name and line. */
  scriptName: string | null = null;
  /** How many loops enclose the running command, for break and continue. */
  loopDepth = 0;
  functionDepth = 0;
  /** File descriptors made permanent by `exec` (picked up at the next command). */
  io: IoTable | null = null;
  /** The line of the running command, for messages. */
  line = 0;

  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.functions = new Map(this.functions);
    s.positional = [...this.positional];
    s.arg0 = this.arg0;
    s.options = { ...this.options };
    s.cwd = this.cwd;
    s.lastStatus = this.lastStatus;
    s.lastBackgroundPid = this.lastBackgroundPid;
    s.scriptName = this.scriptName;
    s.loopDepth = this.loopDepth;
    s.functionDepth = this.functionDepth;
    s.line = this.line;
    return s;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Sets a variable; returns false when it is read-only. */
  set(name: string, value: string, exported?: boolean): boolean {
    const old = this.vars.get(name);
    if (old?.readonly) return false;
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? false, readonly: false });
    return true;
  }

  /** The environment a program started from here sees. */
  environment(): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported) env.set(k, v.value);
    return env;
  }

  /** $- : the single-letter options in effect. */
  flags(): string {
    const o = this.options;
    return `${o.errexit ? 'e' : ''}${o.noglob ? 'f' : ''}${o.nounset ? 'u' : ''}${o.xtrace ? 'x' : ''}`;
  }
}

/** `break n` / `continue n` unwinding to the n-th enclosing loop. */
export class LoopControl {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

/** `return n` from a function or a dot script. */
export class ReturnControl {
  constructor(readonly status: number) {}
}

/** `exit n`, or a fatal error (set -e, a special builtin's error). */
export class ExitControl {
  constructor(readonly status: number) {}
}

/** A write to a pipe nobody reads: like SIGPIPE, it ends the whole pipeline command (status 141). */
export class BrokenPipe {
  readonly status = 141;
}
