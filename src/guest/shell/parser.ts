// A recursive-descent parser for the POSIX sh grammar (XCU 2.10), one
// complete command at a time as dash reads a script: the commands before a
// syntax error still run.
import type { Command, Redir, RedirOp, Word } from './ast.ts';
import { Lexer, type Token } from './lexer.ts';
import { ShellSyntaxError } from './syntax-error.ts';

/** Reserved words that end a compound command's list: never the start of a command. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class Parser {
  private readonly lexer: Lexer;
  private readonly ahead: Token[] = [];

  constructor(src: string) {
    this.lexer = new Lexer(src);
  }

  /** The next complete command (a list ended by a newline), or null at the end. */
  nextCommand(): Command | null {
    this.skipNewlines();
    if (this.peek().kind === 'eof') return null;
    const cmd = this.list(new Set());
    const t = this.peek();
    if (t.kind === 'newline') this.take();
    else if (t.kind !== 'eof') this.unexpected(t);
    return cmd;
  }

  /** Whether the input ended inside a here-document (a terminal then asks for more). */
  get heredocUnterminated(): boolean {
    return this.lexer.heredocUnterminated;
  }

  private peek(k = 0): Token {
    while (this.ahead.length <= k) this.ahead.push(this.lexer.next());
    return this.ahead[k];
  }

  private take(): Token {
    const t = this.peek();
    this.ahead.shift();
    return t;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text === text;
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }

  private unexpected(t: Token): never {
    if (t.kind === 'eof') throw new ShellSyntaxError('syntax error: unexpected end of file', t.line, true);
    const text = t.kind === 'newline' ? 'newline' : t.kind === 'io' ? String(t.fd) : t.text;
    throw new ShellSyntaxError(`syntax error: unexpected "${text}"`, t.line);
  }

  private expectWord(text: string): void {
    if (this.isWord(text)) { this.take(); return; }
    const t = this.peek();
    if (t.kind === 'eof') throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting "${text}")`, t.line, true);
    const got = t.kind === 'newline' ? 'newline' : t.kind === 'io' ? String(t.fd) : t.text;
    throw new ShellSyntaxError(`syntax error: unexpected "${got}" (expecting "${text}")`, t.line);
  }

  /** and_or lists separated by `;`, `&` or (inside compounds) newlines, up to a stop word. */
  private list(stops: Set<string>, multiline = false): Command {
    const items: { cmd: Command; async: boolean }[] = [];
    for (;;) {
      if (multiline) this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof' || (t.kind === 'op' && (t.text === ')' || t.text === ';;'))) break;
      if (t.kind === 'word' && (stops.has(t.text) || (stops.size > 0 && CLOSERS.has(t.text)))) break;
      if (t.kind === 'newline') break;
      const cmd = this.andOr();
      let async = false;
      if (this.isOp('&')) { this.take(); async = true; }
      else if (this.isOp(';')) this.take();
      else { items.push({ cmd, async }); if (!multiline || this.peek().kind !== 'newline') break; continue; }
      items.push({ cmd, async });
    }
    if (items.length === 0) this.unexpected(this.peek());
    return items.length === 1 && !items[0].async ? items[0].cmd : { type: 'list', items };
  }

  private andOr(): Command {
    let left = this.pipeline();
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.take() as { text: '&&' | '||' }).text;
      this.skipNewlines();
      left = { type: 'andor', op, left, right: this.pipeline() };
    }
    return left;
  }

  private pipeline(): Command {
    let bang = false;
    if (this.isWord('!')) { this.take(); bang = true; }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.take();
      this.skipNewlines();
      cmds.push(this.command());
    }
    return cmds.length === 1 && !bang ? cmds[0] : { type: 'pipeline', bang, cmds };
  }

  private command(): Command {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '(') {
      this.take();
      const body = this.list(new Set(), true);
      if (!this.isOp(')')) this.unexpected(this.peek());
      this.take();
      return { type: 'subshell', body, redirs: this.redirs() };
    }
    if (t.kind === 'word') {
      switch (t.text) {
        case '{': return this.group();
        case 'if': return this.ifClause();
        case 'while': case 'until': return this.loop();
        case 'for': return this.forClause();
        case 'case': return this.caseClause();
        default:
          if (RESERVED.has(t.text) && t.text !== '!') this.unexpected(t);
      }
    }
    return this.simple();
  }

  private compoundBody(stops: string[]): Command {
    return this.list(new Set(stops), true);
  }

  private group(): Command {
    this.take();
    const body = this.compoundBody(['}']);
    this.expectWord('}');
    return { type: 'group', body, redirs: this.redirs() };
  }

  private ifClause(): Command {
    this.take();
    const clauses: { cond: Command; body: Command }[] = [];
    let orElse: Command | null = null;
    for (;;) {
      const cond = this.compoundBody(['then']);
      this.expectWord('then');
      clauses.push({ cond, body: this.compoundBody(['elif', 'else', 'fi']) });
      if (this.isWord('elif')) { this.take(); continue; }
      if (this.isWord('else')) { this.take(); orElse = this.compoundBody(['fi']); }
      this.expectWord('fi');
      return { type: 'if', clauses, orElse, redirs: this.redirs() };
    }
  }

  private loop(): Command {
    const until = (this.take() as { text: string }).text === 'until';
    const cond = this.compoundBody(['do']);
    const body = this.doGroup();
    return { type: 'loop', until, cond, body, redirs: this.redirs() };
  }

  private doGroup(): Command {
    this.expectWord('do');
    const body = this.compoundBody(['done']);
    this.expectWord('done');
    return body;
  }

  private forClause(): Command {
    this.take();
    const nameTok = this.take();
    if (nameTok.kind !== 'word' || !NAME.test(nameTok.text)) this.unexpected(nameTok);
    let words: Word[] | null = null;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.take();
      words = [];
      while (this.peek().kind === 'word') words.push((this.take() as { text: string }).text);
      if (this.isOp(';')) this.take();
      else if (this.peek().kind !== 'newline') this.unexpected(this.peek());
    } else if (this.isOp(';')) this.take();
    this.skipNewlines();
    return { type: 'for', name: nameTok.text, words, body: this.doGroup(), redirs: this.redirs() };
  }

  private caseClause(): Command {
    this.take();
    const wordTok = this.take();
    if (wordTok.kind !== 'word') this.unexpected(wordTok);
    this.skipNewlines();
    this.expectWord('in');
    const items: { patterns: Word[]; body: Command | null }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.take();
      const patterns = [this.patternWord()];
      while (this.isOp('|')) { this.take(); patterns.push(this.patternWord()); }
      if (!this.isOp(')')) this.unexpected(this.peek());
      this.take();
      this.skipNewlines();
      const empty = this.isOp(';;') || this.isWord('esac');
      items.push({ patterns, body: empty ? null : this.compoundBody(['esac']) });
      this.skipNewlines();
      if (this.isOp(';;')) { this.take(); continue; }
      if (!this.isWord('esac')) this.unexpected(this.peek());
    }
    this.take();
    return { type: 'case', word: wordTok.text, items, redirs: this.redirs() };
  }

  private patternWord(): Word {
    const t = this.take();
    if (t.kind !== 'word') this.unexpected(t);
    return t.text;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (let r = this.redir(); r; r = this.redir()) out.push(r);
    return out;
  }

  private redir(): Redir | null {
    let t = this.peek();
    let fd: number | null = null;
    if (t.kind === 'io') { fd = t.fd; this.take(); t = this.peek(); }
    if (t.kind !== 'op' || !REDIR_OPS.has(t.text)) {
      if (fd !== null) this.unexpected(t);
      return null;
    }
    this.take();
    const op = t.text as RedirOp;
    const target = this.take();
    if (target.kind !== 'word') this.unexpected(target);
    const redir: Redir = { op, fd: fd ?? (op[0] === '<' && op !== '<>' ? 0 : op === '<>' ? 0 : 1), target: target.text };
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.text);
      const delimiter = target.text.replace(/\\(.)|'([^']*)'|"([^"]*)"/g, (_m, a, b, c) => a ?? b ?? c ?? '');
      redir.heredoc = { body: '', quoted };
      this.lexer.queueHeredoc({ delimiter, stripTabs: op === '<<-', fill: (body) => { redir.heredoc!.body = body; } });
    }
    return redir;
  }

  private simple(): Command {
    const line = this.peek().line;
    const assigns: Word[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.redir();
      if (r) { redirs.push(r); continue; }
      const t = this.peek();
      if (t.kind !== 'word') break;
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text)) { assigns.push(t.text); this.take(); continue; }
      if (words.length === 0 && assigns.length === 0 && this.isFunctionStart(t.text)) return this.functionDef(t.text);
      words.push(t.text);
      this.take();
    }
    if (!words.length && !assigns.length && !redirs.length) this.unexpected(this.peek());
    return { type: 'simple', line, assigns, words, redirs };
  }

  private isFunctionStart(name: string): boolean {
    if (!NAME.test(name) || RESERVED.has(name)) return false;
    const next = this.peek(1);
    return next.kind === 'op' && next.text === '(';
  }

  private functionDef(name: string): Command {
    this.take();
    this.take();
    if (!this.isOp(')')) this.unexpected(this.peek());
    this.take();
    this.skipNewlines();
    return { type: 'function', name, body: this.command() };
  }
}
