// Virtual time: the machine's only clock. Every retired instruction advances
// it by nsPerInsn (1 ns: a 1 GHz vCPU); an idle hart jumps to the next timer
// deadline; a trapped device access adds its exit price. Same inputs, same
// time line: the machine is deterministic.

/** Whatever counts retired instructions (the CPU). It keeps `instret`
 * current before calling any device, so devices read an exact "now". */
export interface InstructionCounter {
  readonly instret: number;
}

export interface Timer {
  readonly owner: string;
  deadlineNs: number;
  armed: boolean;
  readonly fire: () => void;
}

export class VirtualClock {
  nsPerInsn = 1;
  private extraNs = 0;
  private counter: InstructionCounter = { instret: 0 };
  private timers: Timer[] = [];

  attachCounter(counter: InstructionCounter): void {
    this.counter = counter;
  }

  /** Current virtual time in nanoseconds. */
  nowNs(): number {
    return this.counter.instret * this.nsPerInsn + this.extraNs;
  }

  /** Adds time that passes without retiring instructions (an idle hart, a VM exit). */
  addNs(ns: number): void {
    this.extraNs += ns;
  }

  /** Creates a timer; it does nothing until `arm`ed. */
  createTimer(owner: string, fire: () => void): Timer {
    const timer: Timer = { owner, deadlineNs: Infinity, armed: false, fire };
    this.timers.push(timer);
    return timer;
  }

  arm(timer: Timer, deadlineNs: number): void {
    timer.deadlineNs = deadlineNs;
    timer.armed = true;
  }

  disarm(timer: Timer): void {
    timer.armed = false;
    timer.deadlineNs = Infinity;
  }

  /** The earliest armed deadline, or Infinity. */
  nextDeadlineNs(): number {
    let next = Infinity;
    for (const t of this.timers) if (t.armed && t.deadlineNs < next) next = t.deadlineNs;
    return next;
  }

  /** Fires every armed timer whose deadline has passed, earliest first. */
  fireDue(): void {
    for (;;) {
      const now = this.nowNs();
      let due: Timer | undefined;
      for (const t of this.timers) {
        if (t.armed && t.deadlineNs <= now && (!due || t.deadlineNs < due.deadlineNs)) due = t;
      }
      if (!due) return;
      due.armed = false;
      due.fire();
    }
  }

  /** Back to time zero, with the CPU's counter (reset together): the timers
   * stay, disarmed. */
  reset(): void {
    this.extraNs = 0;
    for (const t of this.timers) this.disarm(t);
  }

  saveState(): { extraNs: number } {
    return { extraNs: this.extraNs };
  }
}
