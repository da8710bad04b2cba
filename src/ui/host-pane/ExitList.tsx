// The stopwatch's VM exits, newest last, each with the host callback that
// handled it and its price in virtual time. Clicking one selects it in every
// pane; the exit the selected event belongs to is marked. The list keeps the
// last few hundred, so it stays cheap however long the guest runs.

import { memo, useEffect, useRef, type Ref } from 'react';
import { usePlayground } from '../store/store.ts';
import { duration, seconds } from '../device-pane/device-format.ts';
import { useTraceEvents } from '../device-pane/trace-collector.ts';
import { exitText, isDeviceExit, selectedExitSeq, type ExitEvent } from './host-events.ts';
import { useFollowBottom } from './use-follow-bottom.ts';

export const EXITS_SHOWN = 300;

export function ExitList() {
  const exits = useTraceEvents(isDeviceExit, EXITS_SHOWN) as readonly ExitEvent[];
  const selected = usePlayground((s) => s.selectedTrace);
  const select = usePlayground((s) => s.selectTraceEvent);
  const selectedSeq = selectedExitSeq(exits, selected);
  const list = useFollowBottom<HTMLOListElement>(exits);
  const selectedRow = useRef<HTMLLIElement>(null);
  // Braces: in recent Chromium scrollIntoView returns a promise, and an effect may return only a clean-up function.
  useEffect(() => { selectedRow.current?.scrollIntoView({ block: 'nearest' }); }, [selectedSeq]);
  return (
    <div className="host-exits">
      <h3>VM exits (newest last)</h3>
      {exits.length === 0
        ? <p className="muted">No exit yet: each read or write of a stopwatch register will appear here with the callback that handled it.</p>
        : (
          <ol className="host-list" ref={list} aria-label="VM exits">
            {exits.map((e) => {
              const isSel = e.seq === selectedSeq;
              return <ExitRow key={e.seq} exit={e} selected={isSel} rowRef={isSel ? selectedRow : undefined} onSelect={select} />;
            })}
          </ol>
        )}
    </div>
  );
}

/** One exit; memoized, so a storm of new exits renders only the new rows. */
const ExitRow = memo(function ExitRow({ exit: e, selected, rowRef, onSelect }: {
  exit: ExitEvent; selected: boolean; rowRef: Ref<HTMLLIElement> | undefined; onSelect: (e: ExitEvent) => void;
}) {
  return (
    <li ref={rowRef} className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined}>
      <button type="button" className="host-row" onClick={() => onSelect(e)}>
        <span className="sel-mark" aria-hidden="true">{selected ? '▶' : ''}</span>
        <span className="host-time">{seconds(e.timeNs, 6)}</span>
        <span className="host-what">{exitText(e)}</span>
        <span className="host-cost">{duration(e.costNs)}</span>
      </button>
    </li>
  );
});
