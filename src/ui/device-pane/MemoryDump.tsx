// The pass-through memory as a hex + ASCII dump, 16 bytes a row. Bytes the
// last view changed are bold and underlined (see the legend); the selected
// event's bytes are boxed. Rows of zeros are hidden until asked for.

import { useState } from 'react';
import { asciiOf, dumpRows, DUMP_ROW_BYTES } from './hex-dump.ts';
import { hex8 } from './device-format.ts';
import { useScrollIntoView } from './use-scroll-into-view.ts';

export function MemoryDump({ memory, base, changed, selected, selectionKey }: {
  memory: Uint8Array;
  /** Physical address of byte 0. */
  base: number;
  changed: Uint8Array;
  /** The selected event's bytes ([from, to) offsets), if any. */
  selected: { from: number; to: number } | null;
  selectionKey: string;
}) {
  const [all, setAll] = useState(false);
  const rows = dumpRows(memory, all, selected);
  const total = Math.ceil(memory.length / DUMP_ROW_BYTES);
  return (
    <div className="dev-dump">
      <div className="dev-subhead">
        <h3>Shared memory (pass-through: no exit)</h3>
        <button type="button" className="btn btn-small" onClick={() => setAll(!all)} aria-pressed={all}>
          {all ? 'Only rows in use' : `Show all ${total} rows`}
        </button>
      </div>
      {rows.length === 0
        ? <p className="muted">All {memory.length} bytes are zero.</p>
        : (
          <div className="dump-rows" role="table" aria-label="Shared memory, hex and ASCII">
            {rows.map((row) => (
              <DumpLine key={row.offset} offset={row.offset} bytes={row.bytes} base={base} changed={changed} selected={selected} selectionKey={selectionKey} />
            ))}
          </div>
        )}
      <p className="legend">
        <span className="byte changed">00</span> bold, underlined: changed by the last update ·{' '}
        <span className="byte selected">00</span> boxed: the selected event&apos;s bytes
      </p>
    </div>
  );
}

function DumpLine({ offset, bytes, base, changed, selected, selectionKey }: {
  offset: number; bytes: number[]; base: number; changed: Uint8Array;
  selected: { from: number; to: number } | null; selectionKey: string;
}) {
  const inSel = (i: number) => selected !== null && offset + i >= selected.from && offset + i < selected.to;
  const rowSelected = bytes.some((_, i) => inSel(i));
  const ref = useScrollIntoView<HTMLDivElement>(rowSelected, selectionKey);
  const cls = (i: number) => ['byte', changed[offset + i] ? 'changed' : '', inSel(i) ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <div className="dump-row" role="row" ref={ref}>
      <span className="dump-addr" role="rowheader" title={`offset 0x${offset.toString(16)}`}>
        <span className="addr-full">{hex8(base + offset)}</span>
        <span className="addr-short">+{offset.toString(16).padStart(2, '0')}</span>
      </span>
      <span className="dump-hex" role="cell" aria-label={spoken(bytes, changed, offset)}>
        {bytes.map((b, i) => <span key={i} className={cls(i)}>{b.toString(16).padStart(2, '0')}</span>)}
      </span>
      <span className="dump-ascii" role="cell" aria-label={`text: ${bytes.map(asciiOf).join('')}`}>
        {bytes.map((b, i) => <span key={i} className={cls(i)}>{asciiOf(b)}</span>)}
      </span>
    </div>
  );
}

/** The hex cell in words for a screen reader: the bytes apart, each changed one said to be. */
function spoken(bytes: number[], changed: Uint8Array, offset: number): string {
  return bytes.map((b, i) => `${b.toString(16).padStart(2, '0')}${changed[offset + i] ? ' (changed)' : ''}`).join(' ');
}
