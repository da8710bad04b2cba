// The device model's log, as QEMU's trace points print it
// ("stopwatch_io_write: COMMAND value: 0x1 (START)"), newest last, bounded.
// The line the selected event is, or was written for, is marked.

import { memo } from 'react';
import { usePlayground } from '../store/store.ts';
import { seconds } from '../device-pane/device-format.ts';
import { useTraceEvents } from '../device-pane/trace-collector.ts';
import { isDeviceLog, type LogEvent } from './host-events.ts';
import { useFollowBottom } from './use-follow-bottom.ts';

export const LOG_LINES_SHOWN = 300;

export function HostLog() {
  const lines = useTraceEvents(isDeviceLog, LOG_LINES_SHOWN) as readonly LogEvent[];
  const selected = usePlayground((s) => s.selectedTrace);
  const list = useFollowBottom<HTMLOListElement>(lines);
  return (
    <div className="host-log">
      <h3>Host log</h3>
      {lines.length === 0
        ? <p className="muted">The device model logs each callback here.</p>
        : (
          <ol className="host-list host-log-lines" ref={list} aria-label="Host log">
            {lines.map((e) => <LogLine key={e.seq} line={e} selected={selected?.seq === e.seq} />)}
          </ol>
        )}
    </div>
  );
}

/** One line; memoized, so new lines do not re-render the old ones. */
const LogLine = memo(function LogLine({ line: e, selected }: { line: LogEvent; selected: boolean }) {
  return (
    <li className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined}>
      <span className="host-time">{seconds(e.timeNs, 6)}</span> {e.message}
    </li>
  );
});
