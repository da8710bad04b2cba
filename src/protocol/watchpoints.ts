// Data watchpoints as the UI, the CLI and the machine name them: a range of
// guest addresses and the accesses that stop the hart there, and the access
// that did (gdb's watch, rwatch and awatch).

export type WatchKind = 'read' | 'write' | 'access';

export interface Watchpoint {
  addr: number;
  /** Bytes watched from addr (1–4096). */
  len: number;
  kind: WatchKind;
}

/** The access that stopped the hart, reported once the instruction that made it has completed. */
export interface WatchHit {
  /** The instruction that made the access. */
  pc: number;
  addr: number;
  size: number;
  access: 'read' | 'write';
  /** The value read, or the value written (the access size's low bits, unsigned). */
  value: number;
  /** For a write to RAM: what the bytes held before. */
  old?: number;
  watchpoint: Watchpoint;
}

/** "write of 0x2a (was 0x0) at 0x80001000 by the instruction at 0x80000124". */
export function describeWatchHit(hit: WatchHit): string {
  const hex = (v: number) => `0x${(v >>> 0).toString(16)}`;
  const what = hit.access === 'write'
    ? `write of ${hex(hit.value)}${hit.old === undefined ? '' : ` (was ${hex(hit.old)})`}`
    : `read of ${hex(hit.value)}`;
  return `${what} at ${hex(hit.addr)} (${hit.size} byte${hit.size === 1 ? '' : 's'}) by the instruction at ${hex(hit.pc)}`;
}
