// A watchpoint on a device register by name ("stopwatch command") becomes a
// watchpoint on the addresses the board mapped that register at. The device
// model names its registers by offset (an io region's `describe`); a device
// never knows where it is mapped, so the bus's mappings say where.

import type { MemoryRegion } from '../memory-region.ts';
import type { DeviceRegisterWatch, Watchpoint } from '../../protocol/watchpoints.ts';

/** What resolving needs of the bus: its mappings. */
export interface RegisterMap {
  readonly regions: readonly { readonly base: number; readonly region: MemoryRegion }[];
}

/** The address range of `device`'s register `reg` (the offsets its regions name so, and the unnamed ones after them), if mapped. */
export function registerRange(bus: RegisterMap, device: string, reg: string): { addr: number; len: number } | undefined {
  for (const m of bus.regions) {
    const r = m.region;
    if (r.kind !== 'io' || r.owner !== device || !r.describe) continue;
    let first = -1, last = -1;
    for (let off = 0; off < r.size; off++) {
      if (r.describe(off) !== reg) continue;
      if (first < 0) first = off;
      last = off;
    }
    if (first < 0) continue;
    // A model names a register at its word offsets only: it reaches to the next named offset.
    let end = last + 1;
    while (end < r.size && r.describe(end) === undefined) end++;
    return { addr: (m.base + first) >>> 0, len: end - first };
  }
  return undefined;
}

/** The watchpoints for `watches`; a register the board does not have is left out. */
export function resolveRegisterWatches(bus: RegisterMap, watches: readonly DeviceRegisterWatch[]): Watchpoint[] {
  const out: Watchpoint[] = [];
  for (const w of watches) {
    const range = registerRange(bus, w.device, w.reg);
    if (!range) continue;
    out.push({ ...range, kind: w.kind, register: { device: w.device, reg: w.reg }, ...(w.value === undefined ? {} : { value: w.value }) });
  }
  return out;
}
