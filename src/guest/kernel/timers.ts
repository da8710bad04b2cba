// The kernel's own timers on virtual time (k.at): a sorted list behind one
// timer of the board's clock, so the hart's slice ends exactly when the
// earliest is due. They fire between instructions, in TypeScript, then the
// slice stops so the promises they settle can run before the hart goes on.
// Also keeps `jiffies` (and jiffies_64) in guest RAM current.

import type { VirtBoard } from '../../machine/board.ts';
import type { Timer } from '../../machine/clock.ts';

interface Entry { atNs: number; seq: number; fn: () => void; live: boolean }

export class KernelTimers {
  private readonly list: Entry[] = [];
  private readonly timer: Timer;
  private seq = 0;

  constructor(private readonly board: VirtBoard, private readonly stopSlice: () => void) {
    this.timer = board.clock.createTimer('kernel', () => this.fire());
  }

  /** Calls `fn` at virtual time `atNs`; returns a cancel. */
  at(atNs: number, fn: () => void): () => void {
    const e: Entry = { atNs: Math.max(atNs, this.board.clock.nowNs()), seq: this.seq++, fn, live: true };
    let i = this.list.length;
    while (i > 0 && this.list[i - 1].atNs > e.atNs) i--;
    this.list.splice(i, 0, e);
    this.arm();
    return () => {
      e.live = false;
      const j = this.list.indexOf(e);
      if (j >= 0) this.list.splice(j, 1);
      this.arm();
    };
  }

  private arm(): void {
    const first = this.list[0];
    if (first) this.board.clock.arm(this.timer, first.atNs);
    else this.board.clock.disarm(this.timer);
  }

  private fire(): void {
    const now = this.board.clock.nowNs();
    while (this.list.length && this.list[0].atNs <= now) {
      const e = this.list.shift()!;
      if (e.live) e.fn();
    }
    this.arm();
    this.stopSlice();
  }

  /** Writes jiffies and jiffies_64 where the kernel variables live, if the kernel has them. */
  syncJiffies(k: { jiffies(): number; serviceWindow: { lookup(n: string): { address: number } | undefined }; ram: { setU32(a: number, v: number): void } }): void {
    const j = k.jiffies();
    const a = k.serviceWindow.lookup('jiffies')?.address;
    if (a) k.ram.setU32(a, j);
    const a64 = k.serviceWindow.lookup('jiffies_64')?.address;
    if (a64) { k.ram.setU32(a64, j); k.ram.setU32(a64 + 4, 0); }
  }
}
