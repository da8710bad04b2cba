// The machine's trace stream: one event type feeds every view, the CLI's
// --trace file and the exports. Every event carries virtual time (ns), a
// sequence number, and the guest pc where one applies.

export type TraceEvent = TraceHeader & TraceBody;

export interface TraceHeader {
  /** Position in the stream; gaps mean events were dropped by the ring. */
  seq: number;
  /** Virtual time in nanoseconds. */
  timeNs: number;
  /** Guest pc of the instruction that caused the event, if any. */
  pc?: number;
}

export type TraceBody =
  | { kind: 'insn'; insn: number; text?: string }
  | {
      kind: 'mmio';
      /** 'trap': an io region, a VM exit into the device model.
       *  'passthrough': a ram-device region, plain shared memory. */
      access: 'trap' | 'passthrough';
      op: 'read' | 'write';
      addr: number;
      size: 1 | 2 | 4;
      value: number;
      region: string;
      device: string;
      offset: number;
      /** Decoded register name ("command") and value name ("START"). */
      reg?: string;
      valueName?: string;
      /** The hart's return address (ra) at the access: where a small accessor such as
       * __raw_writel was called from, so a view can show the driver's line. */
      ra?: number;
    }
  | {
      kind: 'vm-exit'; device: string; region: string; reg?: string; op: 'read' | 'write'; costNs: number;
      /** The host callback that handles the exit, named as the device's C source names it ("stopwatch_io_write"). */
      callback?: string;
    }
  | { kind: 'vm-entry'; device: string }
  | { kind: 'device-log'; device: string; message: string }
  | { kind: 'irq-line'; line: string; level: 0 | 1; source?: number }
  | { kind: 'plic'; action: 'pending' | 'claim' | 'complete'; source: number; context?: number }
  | {
      kind: 'trap'; interrupt: boolean; cause: number; causeName: string; epc: number; tval: number;
      /** The mode whose handler takes it: S when medeleg/mideleg delegated it, else M. */
      mode: 'M' | 'S';
    }
  /** mret or sret (`via`) back to `pc`, now running in `mode`. */
  | { kind: 'trap-return'; pc: number; mode: 'M' | 'S' | 'U'; via: 'mret' | 'sret' }
  /** A driver called a kernel service (`name`; `ret` once it returned), or, with `into`, the
   * kernel called the driver's `name` (an interrupt handler, probe, a file's read); pc is then its address. */
  | { kind: 'kcall'; name: string; args: number[]; ret?: number; into?: 'irq-handler' | 'driver' }
  | { kind: 'printk'; text: string }
  | { kind: 'timer'; action: 'arm' | 'fire' | 'cancel'; owner: string; deadlineNs: number }
  | { kind: 'device-error'; device: string; message: string; reg?: string; value?: number }
  | { kind: 'uart'; dir: 'tx' | 'rx'; byte: number };

export type TraceKind = TraceBody['kind'];

export const TRACE_KINDS: readonly TraceKind[] = [
  'insn', 'mmio', 'vm-exit', 'vm-entry', 'device-log', 'irq-line', 'plic', 'trap',
  'trap-return', 'kcall', 'printk', 'timer', 'device-error', 'uart',
];
