// Ctrl-C for the foreground job: a flag the interpreter checks at every
// command, loop iteration, pipe read/write and sleep, and a wake-up for the
// operations that wait (a pipe, a sleep, a blocking driver read).
import type { InterruptSignal } from '../fs/provider.ts';

/** Thrown through the interpreter when the job is interrupted; exit status 130. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** How often a busy job lets the rest of the system run (the machine's
 * slices, a Ctrl-C from the terminal): every this many checkpoints. */
const CHECKPOINTS_PER_YIELD = 64;

export class InterruptController implements InterruptSignal {
  interrupted = false;
  private listeners = new Set<() => void>();
  private checkpoints = 0;

  /** `yieldNow` gives the event loop a turn (the kernel's, or a timer's in tests). */
  constructor(private readonly yieldNow: () => Promise<void> = () => Promise.resolve()) {}

  /** A point where the job may be stopped: checks the flag, and yields now and then. */
  async checkpoint(): Promise<void> {
    this.check();
    if (++this.checkpoints % CHECKPOINTS_PER_YIELD === 0) {
      await this.yieldNow();
      this.check();
    }
  }

  interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    for (const l of [...this.listeners]) l();
    this.listeners.clear();
  }

  onInterrupt(listener: () => void): () => void {
    if (this.interrupted) { listener(); return () => {}; }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  check(): void {
    if (this.interrupted) throw new Interrupted();
  }

  /** `promise`, or Interrupted as soon as the job is interrupted. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.interrupted) return Promise.reject(new Interrupted());
    return new Promise<T>((resolve, reject) => {
      const off = this.onInterrupt(() => reject(new Interrupted()));
      promise.then((v) => { off(); resolve(v); }, (e) => { off(); reject(e); });
    });
  }
}
