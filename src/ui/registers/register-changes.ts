// Which registers a new snapshot changed, worked out once when the snapshot
// arrives (in the store), not while rendering: React may render a component
// twice for one snapshot, and a "previous" kept in the component would then
// equal the current one and nothing would ever look changed.

import type { RegisterSnapshot } from '../../protocol/registers.ts';

export interface RegisterChanges {
  pc: boolean;
  /** Indices 0..31 of the integer registers that changed. */
  x: number[];
  /** Names of the CSRs that changed. */
  csr: string[];
}

export const NO_CHANGES: RegisterChanges = { pc: false, x: [], csr: [] };

/** What changed from `before` to `after`. The worker sends the same snapshot again after
 * commands that run nothing (a breakpoint set while paused): the marks of the last real
 * change stay. A snapshot with fewer retired instructions is a new boot: nothing is marked. */
export function registerChanges(before: RegisterSnapshot | null, after: RegisterSnapshot, marked: RegisterChanges): RegisterChanges {
  if (!before || after.instret < before.instret) return NO_CHANGES;
  if (after.instret === before.instret && after.timeNs === before.timeNs && after.pc === before.pc) return marked;
  const x: number[] = [];
  after.x.forEach((value, i) => { if (before.x[i] !== value) x.push(i); });
  const csr = Object.keys(after.csr).filter((name) => before.csr[name] !== after.csr[name]);
  return { pc: before.pc !== after.pc, x, csr };
}
