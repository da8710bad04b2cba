// The Host pane's reading of the trace: which events are the stopwatch's VM
// exits and host log lines, how an exit reads ("write command →
// stopwatch_io_write"), and which exit a selected event belongs to (an exit
// itself, or the trapped access it caused, which the bus traces just after it).

import type { TraceEvent } from '../../protocol/trace-events.ts';

export type ExitEvent = Extract<TraceEvent, { kind: 'vm-exit' }>;
export type LogEvent = Extract<TraceEvent, { kind: 'device-log' }>;

export const DEVICE = 'stopwatch';

export const isDeviceExit = (e: TraceEvent): boolean => e.kind === 'vm-exit' && e.device === DEVICE;
export const isDeviceLog = (e: TraceEvent): boolean => e.kind === 'device-log' && e.device === DEVICE;

/** The host callback that handled an exit (older traces name none: QEMU's pattern). */
export function callbackOf(e: ExitEvent): string {
  return e.callback ?? `${e.device}_io_${e.op}`;
}

/** An exit in words: "write command → stopwatch_io_write". */
export function exitText(e: ExitEvent): string {
  return `${e.op} ${e.reg ?? e.region} → ${callbackOf(e)}`;
}

/** The seq of the exit among `exits` (oldest first) that the selected event is, or caused; null if none. */
export function selectedExitSeq(exits: readonly TraceEvent[], selected: TraceEvent | null): number | null {
  if (!selected) return null;
  if (selected.kind === 'vm-exit') return selected.device === DEVICE ? selected.seq : null;
  if (selected.kind === 'mmio' && selected.access === 'trap' && selected.device === DEVICE) {
    // The exit is traced first, then the access: the latest exit before it.
    for (let i = exits.length - 1; i >= 0; i--) if (exits[i].seq < selected.seq) return exits[i].seq;
  }
  if (selected.kind === 'device-log' && selected.device === DEVICE) {
    // A host log line is written by the callback of the exit just before it.
    for (let i = exits.length - 1; i >= 0; i--) if (exits[i].seq < selected.seq) return exits[i].seq;
  }
  return null;
}
