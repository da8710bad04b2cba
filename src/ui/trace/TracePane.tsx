// The Trace pane: every event the machine reports, on a timeline and as a
// list, with one selection shared by every pane (the editor's C line, the Code
// pane's instruction). Filters (lanes, text) apply to both views; "Follow"
// keeps the newest event selected while the machine runs; the exports save the
// trace, the IRQ waveform, the device tree, the source and the picture.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TraceRow } from '../../protocol/trace-group.ts';
import { LANE_LABELS, type TraceLane } from '../../protocol/trace-text.ts';
import { machineClient, usePlayground } from '../store/store.ts';
import { EventList } from './EventList.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { LANE_COLORS } from './lane-colors.ts';
import { Timeline, type TimelineHandle } from './Timeline.tsx';
import { traceRows, useTraceRowsVersion } from './use-trace-rows.ts';
import { EventStepBar } from '../event-step/EventStepBar.tsx';
import '../event-step/event-step.css';
import './trace-pane.css';

const ALL_LANES: ReadonlySet<TraceLane> = new Set(LANE_LABELS.map((l) => l.lane));

export function TracePane() {
  const version = useTraceRowsVersion();
  const selected = usePlayground((s) => s.selectedTrace);
  const traced = usePlayground((s) => s.tracedSource);
  const follow = usePlayground((s) => s.followTrace);
  const running = usePlayground((s) => s.runState === 'running');
  const selectTraceEvent = usePlayground((s) => s.selectTraceEvent);
  const setFollowTrace = usePlayground((s) => s.setFollowTrace);
  const [lanes, setLanes] = useState<ReadonlySet<TraceLane>>(ALL_LANES);
  const [text, setText] = useState('');
  const filter = useMemo(() => ({ lanes, text: text.trim() }), [lanes, text]);
  const unfiltered = lanes.size === ALL_LANES.size && filter.text === '';
  const timeline = useRef<TimelineHandle>(null);

  // The worker answers where the event's pc is ('located'); the editor and the Code pane show it.
  const select = useCallback((row: TraceRow) => {
    if (usePlayground.getState().followTrace) setFollowTrace(false); // the student chose an event: stay on it
    selectTraceEvent(row.event, true);
  }, [selectTraceEvent, setFollowTrace]);

  // Follow: the newest event stays selected (without asking the worker where it is 60 times a second).
  useEffect(() => {
    if (!follow) return;
    const rows = traceRows().rows;
    const newest = rows[rows.length - 1];
    if (newest && newest.event !== usePlayground.getState().selectedTrace) selectTraceEvent(newest.event, false);
  }, [follow, version, selectTraceEvent]);

  const toggleLane = (lane: TraceLane) => {
    const next = new Set(lanes);
    if (next.has(lane)) next.delete(lane);
    else next.add(lane);
    setLanes(next);
  };

  const buffer = machineClient().trace;
  const dropped = buffer.dropped;
  const selectedSeq = selected?.seq ?? null;
  const selectedRow = selectedSeq === null ? null : traceRows().rows[traceRows().indexOfSeq(selectedSeq)] ?? null;
  const where = traced && selected?.pc === traced.pc && traced.location
    ? `${traced.location.file}:${traced.location.line} in ${traced.location.function}()` : null;

  return (
    <section className="pane trace-pane" aria-label="Trace">
      <header className="pane-header trace-header">
        <h2>Trace</h2>
        <span className="pane-sub">{traceRows().rows.length.toLocaleString('en-US')} events{dropped > 0 ? ` · ${dropped.toLocaleString('en-US')} older events dropped` : ''}</span>
        <label className="trace-follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollowTrace(e.target.checked)} /> Follow
        </label>
        <button type="button" className="btn btn-small" onClick={() => timeline.current?.fit()}>Fit</button>
        <button type="button" className="btn btn-small" onClick={() => usePlayground.getState().openReplay()}
          title="Replay the selected event's access or interrupt in slow motion (or the newest one)">Replay</button>
        <input
          type="search" className="trace-filter" placeholder="Filter events" aria-label="Filter events"
          value={text} onChange={(e) => setText(e.target.value)}
        />
        <ExportMenu timeline={() => timeline.current?.model() ?? null} />
        <fieldset className="trace-lanes">
        <legend className="visually-hidden">Lanes shown</legend>
        {LANE_LABELS.map((l) => (
          <label key={l.lane} className="trace-lane-toggle" title={`Show the ${l.name} lane`}>
            <input type="checkbox" checked={lanes.has(l.lane)} onChange={() => toggleLane(l.lane)} />
            <span className="trace-swatch" style={{ background: LANE_COLORS[l.lane] }} aria-hidden="true" />
            {l.short}
          </label>
        ))}
        </fieldset>
        <EventStepBar />
      </header>
      <div className="trace-body">
        <div className="trace-overview">
          <Timeline ref={timeline} version={version} lanes={lanes} selectedSeq={selectedSeq}
            onSelectRow={(i) => { const row = traceRows().rows[i]; if (row) select(row); }} />
          <p className="trace-selected" aria-label="Selected event">
            {selectedRow ? <><strong>{selectedRow.text}</strong>{where ? <> · <code>{where}</code></> : null}</> : 'Select an event in the timeline or the list to see it in the editor and the Code pane.'}
          </p>
        </div>
        <EventList version={version} filter={filter} unfiltered={unfiltered} selectedSeq={selectedSeq} follow={follow} onSelect={select} />
      </div>
      <p className="visually-hidden" role="status">
        {running ? 'The trace is recording; the event list is not read aloud while the machine runs. Move into it to read the events.' : `The machine is stopped; the trace holds ${traceRows().rows.length} events.`}
      </p>
    </section>
  );
}
