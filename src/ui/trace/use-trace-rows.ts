// The page's one TraceRows over the machine client's trace buffer, and a hook
// that re-renders a view when the rows changed, at most ten times a second
// (throttle.ts; the events never enter React).

import { useEffect, useState } from 'react';
import { machineClient } from '../store/store.ts';
import { throttle, TRACE_VIEW_INTERVAL_MS } from './throttle.ts';
import { TraceRows } from './trace-rows.ts';

let shared: TraceRows | null = null;

export function traceRows(): TraceRows {
  shared ??= new TraceRows(machineClient().trace);
  return shared;
}

/** The rows' version: a view that shows rows re-renders when it changes (at most every TRACE_VIEW_INTERVAL_MS). */
export function useTraceRowsVersion(): number {
  const [version, setVersion] = useState(() => { traceRows().sync(); return traceRows().version; });
  useEffect(() => {
    const rows = traceRows();
    const update = () => {
      rows.sync();
      setVersion(rows.version);
    };
    update();
    const later = throttle(update, TRACE_VIEW_INTERVAL_MS);
    const unsubscribe = machineClient().trace.subscribe(later.call);
    return () => { unsubscribe(); later.cancel(); };
  }, []);
  return version;
}
