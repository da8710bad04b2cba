// UART0's output on its way to the terminal. Bytes bypass React and the store
// (DESIGN.md: never React state per byte): the terminal subscribes here and
// writes each slice's bytes straight into xterm.

export interface UartListener {
  data(bytes: Uint8Array): void;
  /** The machine powered on again (new program, reset): start a fresh screen. */
  clear(): void;
}

export class UartChannel {
  private readonly listeners = new Set<UartListener>();

  subscribe(listener: UartListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(bytes: Uint8Array): void {
    for (const l of this.listeners) l.data(bytes);
  }

  clear(): void {
    for (const l of this.listeners) l.clear();
  }
}
