// The byte streams commands read and write: pipes between the commands of a
// pipeline (a bounded async queue, so `cat /dev/zero | head -c 10` ends when
// head closes its end), open files, and the shell's own output writers.
import { Errno, FsError } from '../fs/errno.ts';
import type { OpenFile } from '../fs/vfs.ts';
import type { InterruptController } from './interrupt.ts';

export interface Reader {
  /** The next chunk, or null at end of file. */
  read(signal: InterruptController): Promise<Uint8Array | null>;
  close?(): void;
}

export interface Writer {
  write(data: Uint8Array, signal: InterruptController): Promise<void>;
  close?(): void;
  /** Set on the terminal's writer (ls prints columns there, one name a line elsewhere). */
  readonly isTerminal?: boolean;
}

export const emptyReader: Reader = { async read() { return null; } };

const PIPE_CAPACITY = 65536;

/** A pipe: the write end waits while the buffer is full; writing after the read end closed is EPIPE. */
export class Pipe {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private writerClosed = false;
  private readerClosed = false;
  private wake: (() => void) | null = null;

  readonly reader: Reader = {
    read: async (signal) => {
      await signal.checkpoint();
      while (this.chunks.length === 0 && !this.writerClosed) await this.wait(signal);
      const chunk = this.chunks.shift() ?? null;
      if (chunk) { this.buffered -= chunk.length; this.notify(); }
      return chunk;
    },
    close: () => { this.readerClosed = true; this.chunks = []; this.notify(); },
  };

  readonly writer: Writer = {
    write: async (data, signal) => {
      await signal.checkpoint();
      while (this.buffered >= PIPE_CAPACITY && !this.readerClosed) await this.wait(signal);
      if (this.readerClosed) throw new FsError(Errno.EPIPE);
      if (data.length === 0) return;
      this.chunks.push(data.slice());
      this.buffered += data.length;
      this.notify();
    },
    close: () => { this.writerClosed = true; this.notify(); },
  };

  /** Wakes whichever end is waiting; it re-checks its condition. */
  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Waits for the other end to act. Set up without an await first, so no notify is missed. */
  private wait(signal: InterruptController): Promise<void> {
    signal.check();
    const prev = this.wake;
    return signal.race(new Promise<void>((resolve) => { this.wake = () => { prev?.(); resolve(); }; }));
  }
}

/** A writer that keeps what it is given (command substitution, tests). */
export class BufferWriter implements Writer {
  private parts: Uint8Array[] = [];
  async write(data: Uint8Array): Promise<void> {
    this.parts.push(data.slice());
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) { out.set(p, at); at += p.length; }
    return out;
  }
}

export function fileReader(file: OpenFile): Reader {
  return {
    async read(signal) {
      await signal.checkpoint();
      const chunk = await signal.race(file.read(4096, signal));
      return chunk.length ? chunk : null;
    },
  };
}

export function fileWriter(file: OpenFile): Writer {
  return {
    async write(data, signal) {
      await signal.checkpoint();
      let done = 0;
      while (done < data.length) {
        const n = await signal.race(file.write(data.subarray(done), signal));
        if (n <= 0) throw new FsError(Errno.EIO, file.path);
        done += n;
      }
    },
  };
}

/** A reader over fixed bytes (a here-document). */
export function bytesReader(data: Uint8Array): Reader {
  let done = false;
  return { async read() { if (done || data.length === 0) return null; done = true; return data; } };
}
