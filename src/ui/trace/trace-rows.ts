// The rows of the Trace pane, kept in step with the page's TraceBuffer: each
// frame the new events are grouped onto the end (trace-group.ts), rows whose
// events the ring has dropped are forgotten, and a machine that started over
// (a cleared buffer) starts the rows over. Outside React: the views read it
// in their once-per-frame subscription.

import { TraceGrouper, type TraceRow } from '../../protocol/trace-group.ts';
import type { TraceLane } from '../../protocol/trace-text.ts';
import type { TraceBuffer } from './trace-buffer.ts';

export class TraceRows {
  private readonly grouper = new TraceGrouper();
  /** The sequence number of the last event grouped (-1: none). */
  private lastSeq = -1;
  /** The buffer's version when last read. */
  private seenVersion = -1;
  /** Goes up each time the rows change: every view compares it with the one it drew. */
  version = 0;

  constructor(private readonly buffer: TraceBuffer) {}

  get rows(): readonly TraceRow[] {
    return this.grouper.rows;
  }

  /** Takes in what the buffer got since the last call; true if the rows changed. */
  sync(): boolean {
    const b = this.buffer;
    if (b.version === this.seenVersion) return false;
    this.seenVersion = b.version;
    if (b.size === 0) {
      const had = this.grouper.rows.length > 0;
      this.grouper.clear();
      this.lastSeq = -1;
      if (had) this.version++;
      return had;
    }
    const from = this.lastSeq < 0 ? 0 : b.indexOfSeq(this.lastSeq) + 1;
    if (from === 0 && this.lastSeq >= 0 && b.at(0).seq <= this.lastSeq) {
      // The buffer was cleared and filled again: a new machine, whose seq started over.
      // (Otherwise the ring outran us, and we take what it still holds.)
      this.grouper.clear();
    }
    for (let i = from; i < b.size; i++) this.grouper.add(b.at(i));
    this.lastSeq = b.latest()!.seq;
    this.grouper.dropBefore(b.at(0).seq);
    this.version++;
    return true;
  }

  /** The row holding the event with this seq, or -1 (binary search: rows are in seq order). */
  indexOfSeq(seq: number): number {
    const rows = this.grouper.rows;
    let lo = 0, hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid];
      if (seq < r.firstSeq) hi = mid - 1;
      else if (seq > r.lastSeq) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

/** Which rows a view shows: by lane, and by text (case-insensitive). */
export interface RowFilter {
  lanes: ReadonlySet<TraceLane>;
  text: string;
}

export function rowMatches(row: TraceRow, filter: RowFilter): boolean {
  if (!filter.lanes.has(row.lane)) return false;
  return filter.text === '' || row.text.toLowerCase().includes(filter.text.toLowerCase());
}
