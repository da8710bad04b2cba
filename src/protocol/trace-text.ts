// Every trace event as one line of text a student can read: the kind, the
// register or field, and the decoded value ("exit · write command = START (1)").
// The event list, the timeline's tooltips, the text alternative and the
// exports all say it in these words. Pure; runs anywhere.

import type { TraceEvent } from './trace-events.ts';
import { LANE_NAMES, LANE_SHORT_NAMES, TRACE_LANES, type TraceLane } from './trace-lanes.ts';

// The lanes (which part of the system an event belongs to) are trace-lanes.ts's: one
// mapping for the timeline, the list and the machine's "next in lane".
export { laneOf, type TraceLane } from './trace-lanes.ts';

/** The lanes top to bottom, with the names the timeline and the list show. */
export const LANE_LABELS: readonly { lane: TraceLane; name: string; short: string }[] =
  TRACE_LANES.map((lane) => ({ lane, name: LANE_NAMES[lane], short: LANE_SHORT_NAMES[lane] }));

export function laneName(lane: TraceLane): string {
  return LANE_NAMES[lane];
}

/** The lane's one-word name, for the list's narrow column. */
export function laneShortName(lane: TraceLane): string {
  return LANE_SHORT_NAMES[lane];
}

export const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;

/** A value as a register holds it: small ones in decimal, the rest in hex. */
export function valueText(v: number): string {
  return (v >>> 0) < 10 ? String(v >>> 0) : hex(v);
}

/** A trapped access's register and value: "command = START (1)", "claim[1] = 0x40". */
function registerText(e: Extract<TraceEvent, { kind: 'mmio' }>): string {
  const where = e.reg ?? `${e.region}+${hex(e.offset)}`;
  const value = e.valueName ? `${e.valueName} (${e.value >>> 0})` : valueText(e.value);
  return `${where} = ${value}`;
}

/** A byte as it would print, in a quoted string: control characters escaped as C does. */
export function byteText(b: number): string {
  if (b === 0x0a) return '\\n';
  if (b === 0x0d) return '\\r';
  if (b === 0x09) return '\\t';
  if (b === 0x22) return '\\"';
  if (b === 0x5c) return '\\\\';
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  return `\\x${b.toString(16).padStart(2, '0')}`;
}

/** Bytes as a quoted C string; a terminating NUL is left out (the text is what a student looks for). */
export function quotedBytes(bytes: readonly number[]): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0 ? bytes.length - 1 : bytes.length;
  let s = '';
  for (let i = 0; i < end; i++) s += byteText(bytes[i]);
  return `"${s}"`;
}

/** The cause register as the trap's handler reads it: the interrupt bit and the code. */
export function causeRegister(e: Extract<TraceEvent, { kind: 'trap' }>): number {
  return ((e.interrupt ? 0x8000_0000 : 0) | e.cause) >>> 0;
}

/** Virtual nanoseconds as a person reads a duration: "5 µs", "1.000036 s". */
export function durationText(ns: number): string {
  if (!Number.isFinite(ns)) return 'never';
  if (ns < 1_000) return `${ns} ns`;
  if (ns < 1_000_000) return `${trim(ns / 1_000, 3)} µs`;
  if (ns < 1_000_000_000) return `${trim(ns / 1_000_000, 3)} ms`;
  return `${trim(ns / 1_000_000_000, 6)} s`;
}

function trim(v: number, digits: number): string {
  return v.toFixed(digits).replace(/\.?0+$/, '');
}

/** A virtual time as the list's first column: seconds with µs, as dmesg stamps lines. */
export function timeText(ns: number): string {
  return (ns / 1e9).toFixed(6);
}

/** One event as text. A group of events (an exit with its access, a copy) reads as the grouping in trace-group.ts says. */
export function describeTraceEvent(e: TraceEvent): string {
  switch (e.kind) {
    case 'insn':
      return `insn ${e.pc !== undefined ? `${hex(e.pc)} ` : ''}${e.text ?? hex(e.insn)}`;
    case 'mmio':
      if (e.access === 'trap') return `exit · ${e.op} ${registerText(e)}`;
      return `pass-through · ${e.op} ${e.reg ?? `${e.region}+${hex(e.offset)}`} = ${e.size === 1 ? `${valueText(e.value)} ${quotedBytes([e.value])}` : valueText(e.value)}`;
    case 'vm-exit':
      return `vm exit → ${e.device} ${e.op} ${e.reg ?? e.region} (${durationText(e.costNs)})`;
    case 'vm-entry':
      return `vm entry ← ${e.device}: back to the guest`;
    case 'device-log':
      return `host · ${e.message}`;
    case 'device-error':
      return `device error · ${e.device}: ${e.message}`;
    case 'irq-line':
      return `irq ${e.source ?? e.line} ${e.level ? '↑' : '↓'}${e.source !== undefined ? ` (${e.line})` : ''}`;
    case 'plic':
      if (e.action === 'complete') return `complete ${e.source}`;
      return `plic ${e.action} ${e.source}`;
    case 'trap':
      return `trap ${e.mode === 'S' ? 's' : 'm'}cause=${hex(causeRegister(e))} (${e.causeName})`;
    case 'trap-return':
      return `${e.via} → ${hex(e.pc)} (${e.mode}-mode)`;
    case 'kcall': {
      const args = `(${e.args.map(valueText).join(', ')})`;
      if (e.into === 'irq-handler') return `irq handler ${e.name}${args}`;
      if (e.into === 'driver') return `call ${e.name}${args}`;
      return `kcall ${e.name}${args}${e.ret !== undefined ? ` = ${valueText(e.ret)}` : ''}`;
    }
    case 'printk':
      return `printk ${e.text}`;
    case 'timer':
      if (e.action === 'arm') return `timer arm ${e.owner}: fires at ${durationText(e.deadlineNs)}`;
      return `timer ${e.action} ${e.owner}`;
    case 'uart':
      return `uart ${e.dir} ${quotedBytes([e.byte])}`;
  }
}

/** A trap whose handler the kernel dispatched to: "trap scause=0x80000009 → stopwatch_timeout_irq". */
export function describeTrapWithHandler(e: Extract<TraceEvent, { kind: 'trap' }>, handler: string): string {
  return `trap ${e.mode === 'S' ? 's' : 'm'}cause=${hex(causeRegister(e))} → ${handler}`;
}
