// The shared memory as a hex + ASCII dump, 16 bytes a row, the way `xxd` or
// a debugger's memory view shows it. Rows of zeros are left out unless asked
// for, so the text the host wrote is what the eye lands on.

export const DUMP_ROW_BYTES = 16;

export interface DumpRow {
  /** Offset of the row's first byte. */
  offset: number;
  /** The row's bytes (the last row may be short). */
  bytes: number[];
}

/** The rows to show: all of them, or only those holding a non-zero byte or touching `keep` ([from, to) offsets). */
export function dumpRows(memory: Uint8Array, all: boolean, keep: { from: number; to: number } | null = null): DumpRow[] {
  const rows: DumpRow[] = [];
  for (let offset = 0; offset < memory.length; offset += DUMP_ROW_BYTES) {
    const bytes = Array.from(memory.subarray(offset, offset + DUMP_ROW_BYTES));
    const kept = keep !== null && keep.from < offset + DUMP_ROW_BYTES && offset < keep.to;
    if (all || kept || bytes.some((b) => b !== 0)) rows.push({ offset, bytes });
  }
  return rows;
}

/** A byte as the ASCII column shows it: printable characters as themselves, anything else as a dot. */
export function asciiOf(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}
