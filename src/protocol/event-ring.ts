// A bounded ring of events, oldest first: when full, a new event pushes the
// oldest out, and the ring counts what it lost. The machine's tracer records
// into one (so a trace never grows without bound) and the page keeps its copy
// of the trace in another (so a ten-minute storm costs a fixed amount of
// memory).

export class EventRing<T> {
  private slots: (T | undefined)[];
  private head = 0;
  private count = 0;
  /** Events pushed out to make room, since the last clear. */
  dropped = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array(capacity);
  }

  push(item: T): void {
    let slot = this.head + this.count;
    if (slot >= this.capacity) slot -= this.capacity;
    this.slots[slot] = item;
    if (this.count < this.capacity) this.count++;
    else {
      this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
      this.dropped++;
    }
  }

  /** How many events the ring holds. */
  get size(): number {
    return this.count;
  }

  /** The i-th event held, oldest first (0 ≤ i < size). */
  at(i: number): T {
    let slot = this.head + i;
    if (slot >= this.capacity) slot -= this.capacity;
    return this.slots[slot]!;
  }

  /** Removes and returns every event held, oldest first (the drop count stays). The
   * slots are reused as they are (a tracer drains after every slice), so an event
   * stays referenced until it is overwritten. */
  drain(): T[] {
    const out: T[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i);
    this.head = 0;
    this.count = 0;
    return out;
  }

  /** Empty, and nothing dropped. */
  clear(): void {
    this.slots = new Array(this.capacity);
    this.head = 0;
    this.count = 0;
    this.dropped = 0;
  }
}
