// Data watchpoints as the UI, the CLI and the machine name them: a range of
// guest addresses and the accesses that stop the hart there, and the access
// that did (gdb's watch, rwatch and awatch). On RAM and on pass-through
// device memory the hart stops right after the access. On a trapping device
// register (an io region, where every access is a VM exit) it stops at the
// instruction, before the exit: the device model's callback has not run, and
// Run or Step makes the access exactly once (docs/debugging-watchpoints.md).

import { registerValueName } from './device-registers.ts';

export type WatchKind = 'read' | 'write' | 'access';

export interface Watchpoint {
  addr: number;
  /** Bytes watched from addr (1–4096). */
  len: number;
  kind: WatchKind;
  /** Only an access of this value stops (the access size's low bits). A read of a
   * trapping register with a value stops after the read: only the device knows the value. */
  value?: number;
  /** The device register this watchpoint was set on by name, for the stop's words. */
  register?: { device: string; reg: string };
}

/** A watchpoint on a device register by name ("break when stopwatch command is written"):
 * the worker finds where the register is mapped on the board. */
export interface DeviceRegisterWatch {
  device: string;
  reg: string;
  kind: WatchKind;
  value?: number;
}

/** An access the hart stopped at: after it was made, or before (a trapping register's VM exit). */
export interface AccessHit {
  /** The instruction that made (or is about to make) the access. */
  pc: number;
  addr: number;
  size: number;
  access: 'read' | 'write';
  /** 'after': the access has been made and pc is at the next instruction. 'before': the
   * hart stands at the instruction; the VM exit and the device model's callback are still to come. */
  when: 'before' | 'after';
  /** The value read, or the value written (the access size's low bits, unsigned);
   * absent for a read stopped before it happened. */
  value?: number;
  /** For a write to RAM: what the bytes held before. */
  old?: number;
  /** The device and register of a trapping access, as the device model names them. */
  device?: string;
  reg?: string;
}

export interface WatchHit extends AccessHit {
  watchpoint: Watchpoint;
}

const hex = (v: number) => `0x${(v >>> 0).toString(16)}`;

/** "stopwatch command at 0x4000090", or the bare address. */
function where(hit: AccessHit): string {
  return hit.reg ? `${hit.device ?? 'device'} ${hit.reg} at ${hex(hit.addr)}` : hex(hit.addr);
}

/** "0x1 (START)" where the register names its values. */
function valueText(hit: AccessHit, value: number): string {
  const name = hit.device && hit.reg ? registerValueName(hit.device, hit.reg, value) : undefined;
  return name ? `${hex(value)} (${name})` : hex(value);
}

/**
 * After: "write of 0x2a (was 0x0) at 0x80001000 (4 bytes) by the instruction at 0x80000124".
 * Before: "the instruction at 0x80000124 is about to write 0x1 (START) to stopwatch command at
 * 0x4000090 (4 bytes); the device model has not run yet".
 */
export function describeWatchHit(hit: AccessHit): string {
  const bytes = `${hit.size} byte${hit.size === 1 ? '' : 's'}`;
  if (hit.when === 'before') {
    const what = hit.access === 'write' && hit.value !== undefined
      ? `write ${valueText(hit, hit.value)} to ${where(hit)}`
      : `read ${where(hit)}`;
    return `the instruction at ${hex(hit.pc)} is about to ${what} (${bytes}); the device model has not run yet`;
  }
  const value = hit.value ?? 0;
  const what = hit.access === 'write'
    ? `write of ${valueText(hit, value)}${hit.old === undefined ? '' : ` (was ${hex(hit.old)})`}`
    : `read of ${valueText(hit, value)}`;
  return `${what} at ${where(hit)} (${bytes}) by the instruction at ${hex(hit.pc)}`;
}

/** "the watchpoint on stopwatch command (writes of START)", or "the watchpoint at 0x80100000". */
export function describeWatchpoint(w: Watchpoint): string {
  if (!w.register) return `the watchpoint at ${hex(w.addr)}`;
  const { device, reg } = w.register;
  const kind = w.kind === 'write' ? 'writes' : w.kind === 'read' ? 'reads' : 'accesses';
  const value = w.value === undefined ? '' : ` of ${registerValueName(device, reg, w.value) ?? hex(w.value)}`;
  return `the watchpoint on ${device} ${reg} (${kind}${value})`;
}
