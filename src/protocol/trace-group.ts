// Trace events into the rows a person reads. Most events are a row of their
// own; three things are put together:
// - consecutive pass-through accesses (bytes, or memcpy_fromio's words) of one buffer field by one piece of
//   code (memcpy_fromio reading the text UPDATE wrote) become one row,
//   `pass-through · read data[0..13] "1.00 seconds"`;
// - consecutive UART bytes one way become a string, up to a newline;
// - a trap gets the name of the driver handler the kernel dispatched it to
//   (`trap scause=0x80000009 → stopwatch_timeout_irq`) when that call follows.
// Rows are built one event at a time, so a view can feed the events as they
// arrive and never group the whole trace again.

import type { TraceEvent } from './trace-events.ts';
import { byteText, describeTraceEvent, describeTrapWithHandler, laneOf, quotedBytes, type TraceLane } from './trace-text.ts';

export interface TraceRow {
  /** The event the row stands for (what selecting the row selects): the first of a group. */
  event: TraceEvent;
  firstSeq: number;
  lastSeq: number;
  startNs: number;
  endNs: number;
  lane: TraceLane;
  text: string;
}

/** A field of a buffer indexed by byte: "data[3]" → data, 3. */
const INDEXED = /^(.+)\[(\d+)\]$/;

/** What a row still being built needs to take the next event. */
interface OpenGroup {
  row: TraceRow;
  kind: 'bytes' | 'uart';
  bytes: number[];
  /** bytes: the field's name and the index the next byte must have. */
  field?: string;
  from?: number;
  nextIndex?: number;
}

/** An access's value as the bytes it moved, lowest address first (RISC-V is little-endian). */
function bytesOf(value: number, size: number): number[] {
  return Array.from({ length: size }, (_, i) => (value >>> (8 * i)) & 0xff);
}

export class TraceGrouper {
  /** The rows so far, oldest first. The owner may drop rows from the front (see `dropBefore`). */
  rows: TraceRow[] = [];
  private open: OpenGroup | null = null;
  /** Interrupt traps not yet returned from, innermost last, waiting for the handler's name. */
  private traps: TraceRow[] = [];

  add(e: TraceEvent): void {
    if (this.extend(e)) return;
    this.open = null;
    const row: TraceRow = { event: e, firstSeq: e.seq, lastSeq: e.seq, startNs: e.timeNs, endNs: e.timeNs, lane: laneOf(e), text: describeTraceEvent(e) };
    this.rows.push(row);
    if (e.kind === 'mmio' && e.access === 'passthrough') {
      const m = e.reg ? INDEXED.exec(e.reg) : null;
      if (m) {
        const from = Number(m[2]);
        this.open = { row, kind: 'bytes', bytes: bytesOf(e.value, e.size), field: m[1], from, nextIndex: from + e.size };
        row.text = this.bytesText(this.open, e.op);
      }
    } else if (e.kind === 'uart' && e.byte !== 0x0a) {
      this.open = { row, kind: 'uart', bytes: [e.byte] };
    } else if (e.kind === 'trap') {
      if (e.interrupt) this.traps.push(row);
    } else if (e.kind === 'trap-return') {
      this.traps.pop();
    } else if (e.kind === 'kcall' && e.into === 'irq-handler') {
      const trap = this.traps[this.traps.length - 1];
      if (trap?.event.kind === 'trap' && !trap.text.includes('→')) trap.text = describeTrapWithHandler(trap.event, e.name);
    }
  }

  /** Forgets rows that start before `seq` (the ring dropped their events). */
  dropBefore(seq: number): void {
    let n = 0;
    while (n < this.rows.length && this.rows[n].firstSeq < seq) n++;
    if (n === 0) return;
    this.rows = this.rows.slice(n);
    this.traps = this.traps.filter((t) => t.firstSeq >= seq);
    if (this.open && this.open.row.firstSeq < seq) this.open = null;
  }

  clear(): void {
    this.rows = [];
    this.open = null;
    this.traps = [];
  }

  /** Adds `e` to the group being built, if it belongs there. */
  private extend(e: TraceEvent): boolean {
    const g = this.open;
    if (!g || e.seq !== g.row.lastSeq + 1) return false;
    const first = g.row.event;
    if (g.kind === 'bytes') {
      if (e.kind !== 'mmio' || first.kind !== 'mmio' || e.access !== 'passthrough' || e.op !== first.op
        || e.region !== first.region || e.pc !== first.pc || !e.reg) return false;
      const m = INDEXED.exec(e.reg);
      if (!m || m[1] !== g.field || Number(m[2]) !== g.nextIndex) return false;
      g.nextIndex! += e.size;
      g.bytes.push(...bytesOf(e.value, e.size));
      this.grow(g.row, e);
      g.row.text = this.bytesText(g, e.op);
      return true;
    }
    if (e.kind !== 'uart' || first.kind !== 'uart' || e.dir !== first.dir) return false;
    g.bytes.push(e.byte);
    this.grow(g.row, e);
    g.row.text = `uart ${e.dir} ${quotedBytes(g.bytes)}`;
    if (e.byte === 0x0a) this.open = null; // a line ends the string
    return true;
  }

  private grow(row: TraceRow, e: TraceEvent): void {
    row.lastSeq = e.seq;
    row.endNs = e.timeNs;
  }

  private bytesText(g: OpenGroup, op: 'read' | 'write'): string {
    if (g.bytes.length === 1) return `pass-through · ${op} ${g.field}[${g.from}] = ${g.bytes[0]} "${byteText(g.bytes[0])}"`;
    return `pass-through · ${op} ${g.field}[${g.from}..${g.nextIndex}] ${quotedBytes(g.bytes)}`;
  }
}

/** Every row of a list of events (tests, exports). */
export function groupTrace(events: Iterable<TraceEvent>): TraceRow[] {
  const g = new TraceGrouper();
  for (const e of events) g.add(e);
  return g.rows;
}
