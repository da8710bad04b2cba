// When the next run slice happens. A zero wait goes through a MessageChannel,
// not setTimeout(0), which browsers clamp to 4 ms once nested; either way the
// worker's message loop runs in between, so commands are never starved.
// Node drains up to 1000 port messages in one go before its timers run, so
// there (tests) setImmediate takes the channel's place.

type Immediate = (run: () => void) => void;

const nodeSetImmediate = (globalThis as { setImmediate?: Immediate }).setImmediate;

export class SliceScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private readonly channel: MessageChannel | null = null;
  private readonly immediate: Immediate;

  constructor(private readonly run: () => void) {
    if (nodeSetImmediate) {
      this.immediate = nodeSetImmediate;
    } else {
      const channel = new MessageChannel();
      const queued: (() => void)[] = [];
      channel.port1.onmessage = () => queued.shift()?.();
      this.channel = channel;
      this.immediate = (fn) => {
        queued.push(fn);
        channel.port2.postMessage(null);
      };
    }
  }

  /** Runs the slice after `ms` (0: as soon as pending messages are handled;
   * Infinity: not until asked again). Replaces any earlier request. */
  after(ms: number): void {
    this.cancel();
    if (ms === Infinity) return;
    const generation = this.generation;
    if (ms <= 0) {
      this.immediate(() => {
        if (generation === this.generation) this.run();
      });
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, ms);
  }

  cancel(): void {
    this.generation++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops for good and closes the channel (worker shutdown, tests). */
  close(): void {
    this.cancel();
    this.channel?.port1.close();
  }
}
