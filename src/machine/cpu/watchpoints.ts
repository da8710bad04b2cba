// Data watchpoints, as a debugger's hardware watchpoints work. On RAM and on
// pass-through device memory the hart stops right after a load or store (or
// atomic) touches a watched range, with the pc, the address and the value.
// On a trapping device register (an io region: every access is a VM exit) it
// stops before the access, at the instruction: the device model's callback
// has not run yet. Resuming then makes the access exactly once.
//
// Only a watchpoint that overlaps RAM costs anything: RAM's fast window for
// that kind shrinks to nothing and no translated block runs (RamWindows).
// Device memory is never in that window, so its accesses always take the
// checked slow path, where these tests live; watching them is free.

import type { AccessHit, WatchHit, Watchpoint } from '../../protocol/watchpoints.ts';

export type { AccessHit, WatchHit, Watchpoint };

export class Watchpoints {
  private list: Watchpoint[] = [];
  /** Bumped on every change, so RamWindows knows to recompute. */
  version = 0;
  /** Any watchpoint on loads / on stores: the slow path tests them. */
  watchReads = false;
  watchWrites = false;
  /** The access that stopped the hart, until the board reports it. */
  hit: WatchHit | null = null;
  /** Stop before the next trapping access of any kind (run to the next VM exit). */
  holdNextExit = false;
  /** The trapping access a run to the next exit stopped before, until the board reports it. */
  exitHit: AccessHit | null = null;
  /**
   * The access held before its VM exit: the instruction's pc and the instret it retires
   * at. When the hart comes back to exactly that instruction (Run, Step), it is let
   * through once; the same pc later (a loop) stops again.
   */
  private resumePc = -1;
  private resumeInstret = -1;

  get all(): readonly Watchpoint[] {
    return this.list;
  }

  /** Whether the slow path must look for a stop before a trapping access. */
  get mayHoldBefore(): boolean {
    return this.holdNextExit || this.list.length > 0;
  }

  set(watchpoints: readonly Watchpoint[]): void {
    this.list = watchpoints.map((w) => ({
      addr: w.addr >>> 0, len: Math.max(1, Math.min(4096, w.len | 0)), kind: w.kind,
      ...(w.value === undefined ? {} : { value: w.value >>> 0 }),
      ...(w.register ? { register: { ...w.register } } : {}),
    }));
    this.watchReads = this.list.some((w) => w.kind !== 'write');
    this.watchWrites = this.list.some((w) => w.kind !== 'read');
    this.hit = null;
    this.version++;
  }

  /** Whether a watchpoint of `access` overlaps [base, base + size): RAM's fast window must close. */
  overlaps(base: number, size: number, access: 'read' | 'write'): boolean {
    return this.list.some((w) => covers(w, access) && base < w.addr + w.len && w.addr < base + size);
  }

  /**
   * The watchpoint an access of `size` bytes at `addr` stops at, if any. `trapping`: the
   * address is a device register (an io region); `when`: which stop is asked about.
   * A trapping access stops before, except a read with a value (only the device knows
   * what it reads); everything else stops after. `value`: what is written or was read.
   */
  find(addr: number, size: number, access: 'read' | 'write', trapping: boolean, when: 'before' | 'after', value?: number): Watchpoint | undefined {
    const a = addr >>> 0;
    for (const w of this.list) {
      if (!covers(w, access) || !(a < w.addr + w.len && w.addr < a + size)) continue;
      const before = trapping && (access === 'write' || w.value === undefined);
      if (before !== (when === 'before')) continue;
      if (w.value !== undefined && (value === undefined || !sameValue(w.value, value, size))) continue;
      return w;
    }
    return undefined;
  }

  /** Remembers the instruction held before its access, to let it through once. */
  holdAt(pc: number, instret: number): void {
    this.resumePc = pc;
    this.resumeInstret = instret;
  }

  /** True (once) if this is the held instruction executing on resume. */
  resuming(pc: number, instret: number): boolean {
    if (pc !== this.resumePc || instret !== this.resumeInstret) return false;
    this.resumePc = this.resumeInstret = -1;
    return true;
  }

  /** Power-on: nothing is held (the watchpoints themselves stay, as breakpoints do). */
  reset(): void {
    this.resumePc = this.resumeInstret = -1;
    this.hit = null;
    this.exitHit = null;
  }
}

function covers(w: Watchpoint, access: 'read' | 'write'): boolean {
  return access === 'read' ? w.kind !== 'write' : w.kind !== 'read';
}

/** A watched value against an access of `size` bytes (its low bits, unsigned). */
function sameValue(watched: number, value: number, size: number): boolean {
  const mask = size >= 4 ? 0xffffffff : (1 << (size * 8)) - 1;
  return (watched >>> 0) === ((value & mask) >>> 0);
}
