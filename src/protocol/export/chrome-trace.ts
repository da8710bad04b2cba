// Exports trace events as Chrome trace-event JSON (the "JSON Object Format" of
// Google's Trace Event Format document), which chrome://tracing and the
// Perfetto UI load: one process, one lane (thread) per layer of the system,
// VM exits as duration slices, IRQ line levels as counter tracks.

import type { TraceEvent } from '../trace-events.ts';

export interface ChromeTraceEvent {
  name: string;
  ph: 'X' | 'i' | 'C' | 'M';
  pid: number;
  tid: number;
  /** Microseconds, as the format wants; virtual nanoseconds / 1000. */
  ts: number;
  dur?: number;
  s?: 't' | 'p' | 'g';
  cat?: string;
  args?: Record<string, unknown>;
}

const PID = 1;
/** The lanes, top to bottom. */
export const LANES = {
  guest: { tid: 1, name: 'guest (vCPU)' },
  bus: { tid: 2, name: 'bus (MMIO accesses)' },
  device: { tid: 3, name: 'device models' },
  host: { tid: 4, name: 'host (VM exits)' },
  irq: { tid: 5, name: 'IRQ (lines, PLIC)' },
} as const;
type Lane = keyof typeof LANES;

const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;
const us = (ns: number): number => ns / 1000;

function metadata(info: { dropped?: number }): ChromeTraceEvent[] {
  const out: ChromeTraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: 0, ts: 0, args: { name: 'paravirt virt board (virtual time)' } },
  ];
  for (const lane of Object.values(LANES)) {
    out.push({ name: 'thread_name', ph: 'M', pid: PID, tid: lane.tid, ts: 0, args: { name: lane.name } });
    out.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid: lane.tid, ts: 0, args: { sort_index: lane.tid } });
  }
  if (info.dropped) {
    out.push({ name: 'process_labels', ph: 'M', pid: PID, tid: 0, ts: 0, args: { labels: `${info.dropped} events dropped by the trace ring` } });
  }
  return out;
}

function instant(e: TraceEvent, lane: Lane, name: string, cat: string, args: Record<string, unknown>): ChromeTraceEvent {
  if (e.pc !== undefined) args.pc = hex(e.pc);
  args.seq = e.seq;
  return { name, ph: 'i', s: 't', pid: PID, tid: LANES[lane].tid, ts: us(e.timeNs), cat, args };
}

/** One trace event as zero or more Chrome events. */
function convert(e: TraceEvent): ChromeTraceEvent[] {
  switch (e.kind) {
    case 'insn':
      return [instant(e, 'guest', e.text ?? hex(e.insn), 'insn', { insn: hex(e.insn) })];
    case 'trap':
      return [instant(e, 'guest', `trap: ${e.causeName}`, 'trap', { cause: e.cause, interrupt: e.interrupt, epc: hex(e.epc), tval: hex(e.tval), mode: e.mode })];
    case 'trap-return':
      return [instant(e, 'guest', `${e.via} → ${e.mode}`, 'trap', { to: hex(e.pc) })];
    case 'kcall':
      return [instant(e, 'guest', e.name, 'kernel', { args: e.args.map(hex), ret: e.ret === undefined ? undefined : hex(e.ret) })];
    case 'printk':
      return [instant(e, 'guest', `printk: ${e.text.trimEnd()}`, 'kernel', { text: e.text })];
    case 'uart':
      return [instant(e, 'guest', `uart ${e.dir} ${JSON.stringify(String.fromCharCode(e.byte))}`, 'uart', { byte: hex(e.byte) })];
    case 'mmio':
      return [instant(e, 'bus', `${e.access === 'trap' ? 'exit' : 'pass-through'} ${e.op} ${e.device}.${e.reg ?? hex(e.offset)}`,
        e.access, { addr: hex(e.addr), size: e.size, value: hex(e.value), region: e.region, valueName: e.valueName })];
    case 'vm-exit':
      return [{
        name: `VM exit → ${e.device}.${e.reg ?? '?'} ${e.op}`, ph: 'X', pid: PID, tid: LANES.host.tid, ts: us(e.timeNs),
        dur: us(e.costNs), cat: 'exit', args: { region: e.region, costNs: e.costNs, pc: e.pc === undefined ? undefined : hex(e.pc), seq: e.seq },
      }];
    case 'vm-entry':
      return []; // the exit slice already has its duration
    case 'device-log':
      return [instant(e, 'device', e.message, e.device, {})];
    case 'device-error':
      return [instant(e, 'device', `DEVICE ERROR: ${e.message}`, 'error', { device: e.device, reg: e.reg, value: e.value === undefined ? undefined : hex(e.value) })];
    case 'timer':
      return [instant(e, 'device', `timer ${e.action} (${e.owner})`, 'timer', { deadlineNs: Number.isFinite(e.deadlineNs) ? e.deadlineNs : null })];
    case 'irq-line':
      return [
        instant(e, 'irq', `${e.line} ${e.level ? 'high' : 'low'}`, 'irq', { source: e.source }),
        { name: `IRQ ${e.line}`, ph: 'C', pid: PID, tid: LANES.irq.tid, ts: us(e.timeNs), args: { level: e.level } },
      ];
    case 'plic':
      return [instant(e, 'irq', `PLIC ${e.action} source ${e.source}`, 'plic', { context: e.context })];
  }
}

/** The whole trace as a Chrome/Perfetto trace-event JSON file. */
export function toChromeTraceJson(events: readonly TraceEvent[], info: { dropped?: number } = {}): string {
  const traceEvents = metadata(info);
  for (const e of events) traceEvents.push(...convert(e));
  return JSON.stringify({
    traceEvents,
    displayTimeUnit: 'ns',
    otherData: { source: 'paravirt-playground', clock: 'virtual', dropped: info.dropped ?? 0 },
  });
}
