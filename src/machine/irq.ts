// An interrupt line between two pieces of hardware (QEMU's qemu_irq): the
// device drives its level, the interrupt controller reacts. Lines here are
// level-triggered; setting the same level again does nothing.

export type IrqHandler = (level: boolean) => void;

export class IrqLine {
  private current = false;
  private handler: IrqHandler | undefined;

  constructor(readonly name: string) {}

  /** Wires the line to its sink (done once, by the board). */
  connect(handler: IrqHandler): void {
    this.handler = handler;
    handler(this.current);
  }

  get level(): boolean {
    return this.current;
  }

  set(level: boolean): void {
    if (level === this.current) return;
    this.current = level;
    this.handler?.(level);
  }

  raise(): void {
    this.set(true);
  }

  lower(): void {
    this.set(false);
  }
}
