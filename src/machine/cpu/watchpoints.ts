// Data watchpoints, as a debugger's hardware watchpoints work: the hart stops
// right after a load or store (or atomic) touches a watched range, with the
// pc of the instruction that did it, the address and the value. While any
// watchpoint is set, every data access of that kind takes the checked slow
// path (RamWindows shrinks to nothing) and no translated block runs, so the
// interpreter sees each one; with none set, nothing is slower.

import type { WatchHit, Watchpoint } from '../../protocol/watchpoints.ts';

export type { WatchHit, Watchpoint };

export class Watchpoints {
  private list: Watchpoint[] = [];
  /** Bumped on every change, so RamWindows knows to recompute. */
  version = 0;
  /** Any watchpoint on loads / on stores. */
  watchReads = false;
  watchWrites = false;
  /** The access that stopped the hart, until the board reports it. */
  hit: WatchHit | null = null;

  get all(): readonly Watchpoint[] {
    return this.list;
  }

  set(watchpoints: readonly Watchpoint[]): void {
    this.list = watchpoints.map((w) => ({ addr: w.addr >>> 0, len: Math.max(1, Math.min(4096, w.len | 0)), kind: w.kind }));
    this.watchReads = this.list.some((w) => w.kind !== 'write');
    this.watchWrites = this.list.some((w) => w.kind !== 'read');
    this.hit = null;
    this.version++;
  }

  /** The watchpoint an access of `size` bytes at `addr` falls in, if any. */
  find(addr: number, size: number, access: 'read' | 'write'): Watchpoint | undefined {
    const a = addr >>> 0;
    for (const w of this.list) {
      if (access === 'read' ? w.kind === 'write' : w.kind === 'read') continue;
      if (a < w.addr + w.len && w.addr < a + size) return w;
    }
    return undefined;
  }
}
