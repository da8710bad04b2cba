// The terminal's line discipline between the page's xterm and the guest shell
// (what Linux's n_tty does in canonical mode, plus a little of a shell's line
// editor): typed bytes are echoed, Backspace/DEL erase, Ctrl-U kills the line,
// Enter hands the line to the shell (or asks for more with "> " while a quote or
// an `if` is open), Ctrl-C interrupts the foreground command or abandons the
// line, and up/down walk the history. Output gets "\r\n" line ends (ONLCR).
// Kernel console lines are interleaved the way a serial console does, and the
// prompt and the half-typed line are drawn again after one, so typing goes on.

/** What the discipline drives: the terminal's screen and the shell. */
export interface LineDisciplinePeer {
  /** Text for the terminal, line ends already "\r\n". */
  output(text: string): void;
  /** The shell's prompt ("/ # "). */
  prompt(): string;
  /** Whether `text` ends inside a command (an open quote, `if` or here-document). */
  needsMoreInput(text: string): boolean;
  /** Runs a complete command text (ending in "\n") in the shell; settles when it is done. */
  run(text: string): Promise<number>;
  /** Ctrl-C while a command runs. */
  interrupt(): void;
}

type Mode = 'starting' | 'prompt' | 'busy';

const CTRL_C = '\x03', CTRL_D = '\x04', CTRL_L = '\x0c', CTRL_U = '\x15', ESC = '\x1b';
/** Erase the whole screen line the cursor is on and go to its start. */
const ERASE_LINE = '\r\x1b[K';
const HISTORY_SIZE = 100;

export class LineDiscipline {
  private mode: Mode = 'starting';
  /** The line being typed (the cursor is always at its end). */
  private line = '';
  /** Lines already entered of a command that needs more ("if true; then\n"). */
  private pending = '';
  /** What was typed while a command ran (or before the first prompt), for after it. */
  private typeAhead = '';
  /** An escape sequence whose end has not arrived yet. */
  private escape = '';
  private readonly history: string[] = [];
  /** Where up/down is in the history (history.length: the new line). */
  private historyAt = 0;
  /** The line being typed before up was pressed, for down to come back to. */
  private draft = '';
  /** The screen's cursor is at the start of a line (for console messages). */
  private atLineStart = true;

  constructor(private readonly peer: LineDisciplinePeer) {}

  /** The shell is ready: the first prompt, then whatever was typed during boot. */
  start(): void {
    if (this.mode !== 'starting') return;
    this.showPrompt();
    this.replayTypeAhead();
  }

  get busy(): boolean {
    return this.mode !== 'prompt';
  }

  /** Characters typed in the terminal (decoded text; one key may be a whole escape sequence). */
  receive(text: string): void {
    for (const ch of text) {
      if (this.mode !== 'prompt') this.receiveWhileBusy(ch);
      else this.receiveAtPrompt(ch);
    }
  }

  /** Output of the shell and its commands ("\n" becomes "\r\n"). */
  write(text: string): void {
    if (text === '') return;
    this.emit(text.replace(/\r?\n/g, '\r\n'));
  }

  /** One kernel console line (printk), on a line of its own; the prompt and the typed line come back after it. */
  console(line: string): void {
    const text = line.replace(/\n$/, '').replace(/\r?\n/g, '\r\n');
    if (this.mode === 'prompt') {
      this.emit(`${ERASE_LINE}${text}\r\n`);
      this.redraw();
      return;
    }
    this.emit(`${this.atLineStart ? '' : '\r\n'}${text}\r\n`);
  }

  /**
   * Runs `command` as if the student had typed it at the prompt (Build & load's
   * rmmod and insmod): the half-typed line steps aside and comes back afterwards.
   * Null when a command is already running: nothing is typed then.
   */
  async typeCommand(command: string): Promise<number | null> {
    if (this.mode !== 'prompt') return null;
    const saved = { line: this.line, pending: this.pending };
    this.line = '';
    this.pending = '';
    this.emit(`${ERASE_LINE}${this.peer.prompt()}${command}\r\n`);
    const status = await this.runCommand(`${command}\n`, false);
    if (this.mode === 'prompt') {
      this.pending = saved.pending;
      this.line = saved.line;
      this.redraw();
      this.replayTypeAhead();
    }
    return status;
  }

  private receiveWhileBusy(ch: string): void {
    if (ch === CTRL_C && this.mode === 'busy') {
      // As the tty's ISIG: the foreground job gets SIGINT and pending input is flushed.
      this.typeAhead = '';
      this.peer.interrupt();
      return;
    }
    this.typeAhead += ch;
  }

  private receiveAtPrompt(ch: string): void {
    if (this.escape !== '' || ch === ESC) {
      this.escape += ch;
      // ESC [ A, ESC O A (application mode), ESC [ 3 ~: a letter or '~' ends it.
      const final = this.escape.length > 2 || (this.escape.length === 2 && ch !== '[' && ch !== 'O');
      if (final && /[A-Za-z~]/.test(ch) || this.escape.length > 8) {
        this.escapeSequence(this.escape);
        this.escape = '';
      }
      return;
    }
    switch (ch) {
      case '\r':
      case '\n':
        return this.enter();
      case '\x7f':
      case '\b':
        return this.backspace();
      case CTRL_U:
        this.line = '';
        return this.redraw();
      case CTRL_C:
        this.emit('^C\r\n');
        this.line = '';
        this.pending = '';
        this.historyAt = this.history.length;
        return this.showPrompt();
      case CTRL_L:
        this.emit('\x1b[H\x1b[2J');
        return this.redraw();
      case CTRL_D:
        return; // end of input is not wanted here: the shell stays (`exit` or `poweroff` end it)
      default:
        if (ch < ' ' || ch === '\t') return; // no other control keys, no completion
        this.line += ch;
        this.emit(ch);
    }
  }

  private escapeSequence(seq: string): void {
    const key = seq.slice(-1);
    if (key === 'A') this.historyMove(-1);
    else if (key === 'B') this.historyMove(1);
    // Left, right and the rest: the cursor stays at the end of the line.
  }

  private historyMove(by: number): void {
    const to = this.historyAt + by;
    if (to < 0 || to > this.history.length) return;
    if (this.historyAt === this.history.length) this.draft = this.line;
    this.historyAt = to;
    this.line = to === this.history.length ? this.draft : this.history[to];
    this.redraw();
  }

  private backspace(): void {
    if (this.line === '') return;
    const chars = [...this.line];
    chars.pop();
    this.line = chars.join('');
    this.emit('\b \b');
  }

  private enter(): void {
    this.emit('\r\n');
    const text = `${this.pending}${this.line}\n`;
    const entered = this.line;
    this.line = '';
    if (entered.trim() !== '' && this.history[this.history.length - 1] !== entered) {
      this.history.push(entered);
      if (this.history.length > HISTORY_SIZE) this.history.shift();
    }
    this.historyAt = this.history.length;
    this.draft = '';
    if (this.peer.needsMoreInput(text)) {
      this.pending = text;
      this.showPrompt();
      return;
    }
    this.pending = '';
    if (text.trim() === '') {
      this.showPrompt();
      return;
    }
    void this.runCommand(text, true);
  }

  private async runCommand(text: string, replay: boolean): Promise<number> {
    this.mode = 'busy';
    let status: number;
    try {
      status = await this.peer.run(text);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.write(`${this.atLineStart ? '' : '\n'}sh: the command stopped with an internal error: ${why}\n`);
      status = 1;
    }
    this.showPrompt();
    if (replay) this.replayTypeAhead();
    return status;
  }

  private replayTypeAhead(): void {
    const typed = this.typeAhead;
    this.typeAhead = '';
    if (typed !== '') this.receive(typed);
  }

  /** A fresh prompt, on a line of its own. */
  private showPrompt(): void {
    this.mode = 'prompt';
    this.emit(`${this.atLineStart ? '' : '\r\n'}${this.currentPrompt()}`);
  }

  /** The prompt and the line typed so far, drawn again over the current screen line. */
  private redraw(): void {
    this.emit(`${ERASE_LINE}${this.currentPrompt()}${this.line}`);
  }

  private currentPrompt(): string {
    return this.pending === '' ? this.peer.prompt() : '> ';
  }

  private emit(text: string): void {
    this.peer.output(text);
    this.atLineStart = text.endsWith('\n');
  }
}
