// UART0's output on its way to the terminal. Bytes bypass React and the store
// (a React render per byte would stall the page): the terminal subscribes here and
// writes each slice's bytes straight into xterm.

export interface UartListener {
  /** Shows the bytes; calls `done` once they are taken in (flow control). */
  data(bytes: Uint8Array, done: () => void): void;
  /** The machine powered on again (new program, reset): start a fresh screen. */
  clear(): void;
}

export class UartChannel {
  private readonly listeners = new Set<UartListener>();

  subscribe(listener: UartListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands the bytes to every listener; `done` runs once all have taken them in. */
  write(bytes: Uint8Array, done: () => void): void {
    let waiting = this.listeners.size;
    if (waiting === 0) return done();
    const one = () => {
      if (--waiting === 0) done();
    };
    for (const l of this.listeners) l.data(bytes, one);
  }

  clear(): void {
    for (const l of this.listeners) l.clear();
  }
}
