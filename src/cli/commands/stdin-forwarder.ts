// Keyboard (or pipe) → UART0 for `paravirt run-elf`. A terminal goes to raw
// mode so each key reaches the guest at once, as with QEMU's -nographic; and
// as there, Ctrl-A x quits and Ctrl-A Ctrl-A sends a literal Ctrl-A.

import { fstatSync } from 'node:fs';

const CTRL_A = 0x01;

export interface UartSink {
  sendUartInput(bytes: Uint8Array): void;
}

/** QEMU's -nographic escapes: Ctrl-A x quits, Ctrl-A Ctrl-A is a literal
 * Ctrl-A, Ctrl-A followed by anything else is swallowed. */
export class EscapeFilter {
  quitRequested = false;
  private escape = false;

  filter(chunk: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (const b of chunk) {
      if (this.escape) {
        this.escape = false;
        if (b === 0x78 /* x */) this.quitRequested = true;
        else if (b === CTRL_A) out.push(CTRL_A);
      } else if (b === CTRL_A) {
        this.escape = true;
      } else if (!this.quitRequested) {
        out.push(b);
      }
    }
    return Uint8Array.from(out);
  }
}

export class StdinForwarder {
  private ended = false;
  private readonly escapes = new EscapeFilter();
  private waiter: (() => void) | undefined;
  private readonly tty: boolean;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onEnd = () => this.finish();

  /** Forwards stdin when it is a terminal or a pipe; /dev/null or a file is not input. */
  static open(sink: UartSink): StdinForwarder | undefined {
    return stdinIsTerminalOrPipe() ? new StdinForwarder(sink) : undefined;
  }

  private constructor(private readonly sink: UartSink) {
    const stdin = process.stdin;
    this.tty = stdin.isTTY === true;
    if (this.tty) stdin.setRawMode(true);
    stdin.on('data', this.onData);
    stdin.on('end', this.onEnd);
    stdin.on('error', this.onEnd);
    stdin.resume();
  }

  get quitRequested(): boolean {
    return this.escapes.quitRequested;
  }

  /** Lets pending stdin events run (between two slices of guest time). */
  poll(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Waits until input arrives (true) or stdin ends or the user quits (false). */
  waitForInput(): Promise<boolean> {
    if (this.ended || this.quitRequested) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.waiter = () => resolve(!this.ended && !this.quitRequested);
    });
  }

  close(): void {
    const stdin = process.stdin;
    stdin.off('data', this.onData);
    stdin.off('end', this.onEnd);
    stdin.off('error', this.onEnd);
    if (this.tty) stdin.setRawMode(false);
    stdin.pause();
  }

  private receive(chunk: Buffer): void {
    const bytes = this.tty ? this.escapes.filter(chunk) : chunk;
    if (bytes.length) this.sink.sendUartInput(bytes);
    this.wake();
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}

function stdinIsTerminalOrPipe(): boolean {
  try {
    const st = fstatSync(0);
    return process.stdin.isTTY === true || st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}
