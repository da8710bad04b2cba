// The Device and Host panes' picture of the stopwatch, taken by the worker
// without touching the device (a peek, never a guest read: reading `status`
// for the page must not cost an exit, log a line or change a trace). One
// snapshot holds both sides of the para-virtual split: what the guest sees
// (registers, shared memory, the IRQ line, the PLIC's view of its source, the
// device-tree node and where the driver mapped it) and what the host keeps
// (the device model's state and the exits it handled).

export type RegisterAccess = 'RO' | 'WO' | 'RW';

/** One register of the trapping bank, decoded. */
export interface DeviceRegisterView {
  name: string;
  /** Offset in the register region. */
  offset: number;
  /** Width in bytes (the stopwatch's registers are u64). */
  size: number;
  access: RegisterAccess;
  /** The value the register holds (for a write-only register: the last one written). */
  raw: number;
  /** The value's name ("START", "RUNNING"), if it has one. */
  valueName?: string;
}

/** One `reg` range of the device-tree node, in physical addresses. */
export interface DeviceRangeView {
  /** What the range is ("mem", pass-through; "regs", trapping). */
  name: string;
  kind: 'passthrough' | 'trap';
  phys: number;
  size: number;
  /** Where the driver's ioremap mapped this range (null: not mapped, e.g. before probe). */
  ioremap: number | null;
}

/** The PLIC's state for the device's source, per context (0: M-mode, 1: S-mode). */
export interface PlicSourceView {
  source: number;
  priority: number;
  pending: boolean;
  /** Claimed by a hart and not yet completed. */
  claimed: boolean;
  /** Input line level as the PLIC sees it. */
  level: boolean;
  contexts: { context: number; enabled: boolean; threshold: number }[];
}

/** The device model in the host (stopwatch.c's state). */
export interface HostModelView {
  /** STOPWATCH_STATE name ("RUNNING"). */
  status: string;
  /** Time counted before the last START, in virtual ns. */
  accumulatedNs: number;
  /** Virtual time of the last START (meaningful while RUNNING). */
  startMarkNs: number;
  /** 'none', 'armed' (counting down) or 'fired' (IRQ raised, waiting for TIMEOUT_ACK). */
  timeout: 'none' | 'armed' | 'fired';
  /** Virtual time the armed timeout fires at (null: none armed). */
  deadlineNs: number | null;
}

/** Exits into the device and pass-through accesses that needed none. */
export interface ExitView {
  exits: number;
  exitReads: number;
  exitWrites: number;
  /** Virtual time the exits cost. */
  exitTimeNs: number;
  passthroughReads: number;
  passthroughWrites: number;
  /** Per register ("command"): exits and their cost. */
  registers: { name: string; exits: number; reads: number; writes: number; timeNs: number }[];
  /** All devices together (the PLIC's claims are exits too). */
  allDevicesExits: number;
}

export interface DeviceView {
  device: string;
  /** Virtual time the snapshot was taken at. */
  timeNs: number;
  registers: DeviceRegisterView[];
  /** The pass-through region's bytes, as the guest reads them. */
  memory: Uint8Array;
  /** Physical address of the pass-through region's first byte. */
  memoryBase: number;
  irq: { line: string; level: boolean; source: number };
  plic: PlicSourceView | null;
  host: HostModelView;
  exits: ExitView;
  /** The device-tree node the device was probed from, as DTS text. */
  dtNode: { path: string; dts: string; ranges: DeviceRangeView[] };
}

/** A register shown as the article writes it: `command = START (1)`. */
export function registerText(r: DeviceRegisterView): string {
  const v = r.raw.toString();
  return r.valueName ? `${r.name} = ${r.valueName} (${v})` : `${r.name} = 0x${r.raw.toString(16)}`;
}
