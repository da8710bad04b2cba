// The list of events under the timeline: every row as text (time, lane, what
// happened), virtualised so a storm of events costs only the rows on screen.
// Click or Enter selects a row; the arrow keys, Page Up/Down, Home and End move
// the selection. It is a `log` whose live announcements are off: a screen
// reader would otherwise read out thousands of events a second; a status line
// says how many there are when the machine stops.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { TraceRow } from '../../protocol/trace-group.ts';
import { laneName, laneShortName, timeText } from '../../protocol/trace-text.ts';
import { rowMatches, type RowFilter } from './trace-rows.ts';
import { traceRows } from './use-trace-rows.ts';

interface EventListProps {
  version: number;
  filter: RowFilter;
  /** Everything shown (no lane off, no text): the list is the rows themselves. */
  unfiltered: boolean;
  selectedSeq: number | null;
  follow: boolean;
  onSelect(row: TraceRow): void;
}

const ROW_HEIGHT = 22;

export const rowId = (row: TraceRow) => `trace-row-${row.firstSeq}`;

export function EventList({ version, filter, unfiltered, selectedSeq, follow, onSelect }: EventListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // Indices into the rows of the ones shown (null: all of them), once per change of rows or filter.
  const shown = useMemo(() => {
    if (unfiltered) return null;
    const rows = traceRows().rows;
    const out: number[] = [];
    for (let i = 0; i < rows.length; i++) if (rowMatches(rows[i], filter)) out.push(i);
    return out;
    // `version` stands for the rows, which live outside React.
  }, [version, filter, unfiltered]);
  const rows = traceRows().rows;
  const count = shown ? shown.length : rows.length;
  const rowOf = (i: number) => rows[shown ? shown[i] : i];

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const selectedIndex = useMemo(() => {
    if (selectedSeq === null) return -1;
    const at = traceRows().indexOfSeq(selectedSeq);
    if (at < 0 || !shown) return at;
    let lo = 0, hi = shown.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (shown[mid] === at) return mid;
      if (shown[mid] < at) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
    // `version` stands for the rows.
  }, [selectedSeq, shown, version]);

  // Follow: the newest row stays in view.
  useEffect(() => {
    if (follow && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [follow, count, version, virtualizer]);

  const move = (to: number) => {
    if (count === 0) return;
    const i = Math.min(count - 1, Math.max(0, to));
    onSelect(rowOf(i));
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 200) / ROW_HEIGHT) - 1);
    const from = selectedIndex < 0 ? (e.key === 'ArrowUp' ? count : -1) : selectedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(from + 1), ArrowUp: () => move(from - 1),
      PageDown: () => move(from + page), PageUp: () => move(from - page),
      Home: () => move(0), End: () => move(count - 1),
      Enter: () => { if (selectedIndex >= 0) onSelect(rowOf(selectedIndex)); },
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const selectedRow = selectedIndex >= 0 ? rowOf(selectedIndex) : null;
  return (
    <div
      className="trace-list"
      ref={scroller}
      role="log"
      aria-label="Trace events"
      aria-live="off"
      tabIndex={0}
      aria-activedescendant={selectedRow ? rowId(selectedRow) : undefined}
      onKeyDown={onKeyDown}
    >
      {count === 0 && <p className="trace-empty">{rows.length === 0 ? 'No events yet: run a command in the guest terminal (for example /guest_fs/stopwatch_ctrl.sh start).' : 'No event matches the filter.'}</p>}
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rowOf(item.index);
          const selected = item.index === selectedIndex;
          return (
            <div
              key={row.firstSeq}
              id={rowId(row)}
              className={`trace-row lane-${row.lane}${selected ? ' selected' : ''}`}
              aria-current={selected ? 'true' : undefined}
              style={{ transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` }}
              onClick={() => onSelect(row)}
            >
              <span className="trace-time">{timeText(row.startNs)}</span>
              <span className="trace-lane" title={laneName(row.lane)}>{laneShortName(row.lane)}</span>
              <span className="trace-text">{row.text}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
