// Exports trace events as a Value Change Dump (IEEE 1364-2005, section 18) for
// waveform viewers (GTKWave, Surfer): IRQ lines, PLIC pending/claim, device
// registers as the bus saw them, and a VM-exit strobe, on a 1 ns timescale.

import type { TraceEvent } from '../trace-events.ts';

interface Signal {
  id: string;
  scope: string;
  name: string;
  width: number;
  kind: 'wire' | 'reg';
}

/** Identifier characters: the printable ASCII VCD allows (! to ~), minus '$',
 * which some readers mistake for a keyword. */
const ID_CHARS = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => c !== '$').join('');

function vcdId(n: number): string {
  let id = '';
  do {
    id += ID_CHARS[n % ID_CHARS.length];
    n = Math.floor(n / ID_CHARS.length);
  } while (n > 0);
  return id;
}

const identifier = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_');

function value(sig: Signal, v: number): string {
  return sig.width === 1 ? `${v ? 1 : 0}${sig.id}` : `b${(v >>> 0).toString(2)} ${sig.id}`;
}

class SignalTable {
  readonly signals = new Map<string, Signal>();

  get(scope: string, name: string, width: number): Signal {
    const key = `${scope}.${name}`;
    let sig = this.signals.get(key);
    if (!sig) {
      sig = { id: vcdId(this.signals.size), scope: identifier(scope), name: identifier(name), width, kind: width === 1 ? 'wire' : 'reg' };
      this.signals.set(key, sig);
    }
    return sig;
  }
}

/** Lowest offset at which each device register was accessed: that is its low word. */
function lowOffsets(events: readonly TraceEvent[]): Map<string, number> {
  const low = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'mmio' || e.access !== 'trap') continue;
    const key = `${e.device}.${e.reg ?? ''}`;
    low.set(key, Math.min(low.get(key) ?? Infinity, e.offset));
  }
  return low;
}

/** The value changes one event causes, as [signal, value] pairs. */
function changes(e: TraceEvent, t: SignalTable, low: Map<string, number>): [Signal, number][] {
  switch (e.kind) {
    case 'irq-line':
      return [[t.get('irq', e.line, 1), e.level]];
    case 'plic':
      if (e.action === 'pending') return [[t.get('plic', `pending_${e.source}`, 1), 1]];
      if (e.action === 'claim') return [[t.get('plic', 'claim', 32), e.source], [t.get('plic', `pending_${e.source}`, 1), 0]];
      return [[t.get('plic', 'claim', 32), 0]];
    case 'mmio': {
      if (e.access !== 'trap') return [];
      const reg = e.reg ?? `off_${e.offset.toString(16)}`;
      const name = e.offset === low.get(`${e.device}.${e.reg ?? ''}`) ? reg : `${reg}_${e.offset.toString(16)}`;
      return [[t.get(e.device, name, 32), e.value]];
    }
    case 'vm-exit':
      return [[t.get('host', 'vm_exit', 1), 1]];
    case 'vm-entry':
      return [[t.get('host', 'vm_exit', 1), 0]];
    default:
      return [];
  }
}

function header(t: SignalTable): string[] {
  const out = ['$version paravirt-playground trace export $end', '$timescale 1ns $end', '$scope module board $end'];
  const scopes = new Map<string, Signal[]>();
  for (const s of t.signals.values()) scopes.set(s.scope, [...(scopes.get(s.scope) ?? []), s]);
  for (const [scope, sigs] of scopes) {
    out.push(`$scope module ${scope} $end`);
    for (const s of sigs) out.push(`$var ${s.kind} ${s.width} ${s.id} ${s.name}${s.width > 1 ? ` [${s.width - 1}:0]` : ''} $end`);
    out.push('$upscope $end');
  }
  out.push('$upscope $end', '$enddefinitions $end');
  return out;
}

/** The IRQ lines and device registers of a trace as a VCD file. */
export function toVcd(events: readonly TraceEvent[]): string {
  const table = new SignalTable();
  const low = lowOffsets(events);
  // Per timestamp, the last value of each signal (time never runs backwards).
  const steps: { time: number; values: Map<Signal, number> }[] = [];
  let time = 0;
  for (const e of events) {
    const cs = changes(e, table, low);
    if (!cs.length) continue;
    time = Math.max(time, e.timeNs);
    if (steps.at(-1)?.time !== time) steps.push({ time, values: new Map() });
    for (const [sig, v] of cs) steps.at(-1)!.values.set(sig, v);
  }
  const out = header(table);
  out.push('#0', '$dumpvars');
  for (const s of table.signals.values()) out.push(s.width === 1 ? `0${s.id}` : `bx ${s.id}`);
  out.push('$end');
  for (const step of steps) {
    if (step.time !== 0 || out.at(-1) !== '$end') out.push(`#${step.time}`);
    for (const [sig, v] of step.values) out.push(value(sig, v));
  }
  return `${out.join('\n')}\n`;
}
