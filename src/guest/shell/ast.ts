// The syntax tree of a POSIX sh command (XCU 2.9 "Shell Commands"). Words
// keep their source text, quotes included: expansion happens when the
// command runs (expand.ts), as the standard orders it.

export type Word = string;

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-';

export interface Redir {
  op: RedirOp;
  /** The file descriptor redirected (the n of `n>file`). */
  fd: number;
  target: Word;
  /** A here-document's body, and whether its delimiter was quoted (no expansion). */
  heredoc?: { body: string; quoted: boolean };
}

export type Command =
  | { type: 'simple'; line: number; assigns: Word[]; words: Word[]; redirs: Redir[] }
  | { type: 'pipeline'; bang: boolean; cmds: Command[] }
  | { type: 'andor'; op: '&&' | '||'; left: Command; right: Command }
  | { type: 'list'; items: { cmd: Command; async: boolean }[] }
  | { type: 'subshell'; body: Command; redirs: Redir[] }
  | { type: 'group'; body: Command; redirs: Redir[] }
  | { type: 'if'; clauses: { cond: Command; body: Command }[]; orElse: Command | null; redirs: Redir[] }
  | { type: 'loop'; until: boolean; cond: Command; body: Command; redirs: Redir[] }
  | { type: 'for'; name: string; words: Word[] | null; body: Command; redirs: Redir[] }
  | { type: 'case'; word: Word; items: { patterns: Word[]; body: Command | null }[]; redirs: Redir[] }
  | { type: 'function'; name: string; body: Command };
