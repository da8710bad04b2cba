// What the selected trace event points at in the Device pane: a register of
// the trapping bank, or a byte range of the shared memory.

import type { TraceEvent } from '../../protocol/trace-events.ts';

export type DeviceTarget =
  | { kind: 'register'; name: string }
  | { kind: 'bytes'; from: number; to: number } // [from, to) offsets in the shared memory
  | null;

/** The stopwatch's register or bytes an event touched (null: the event is not about them). */
export function deviceTarget(e: TraceEvent | null, device = 'stopwatch'): DeviceTarget {
  if (!e) return null;
  if (e.kind === 'vm-exit' && e.device === device && e.reg) return { kind: 'register', name: e.reg };
  if (e.kind !== 'mmio' || e.device !== device) return null;
  if (e.access === 'passthrough') return { kind: 'bytes', from: e.offset, to: e.offset + e.size };
  return e.reg ? { kind: 'register', name: e.reg } : null;
}
