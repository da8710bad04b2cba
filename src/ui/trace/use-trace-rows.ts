// The page's one TraceRows over the machine client's trace buffer, and a hook
// that re-renders a view at most once per frame when the rows changed (the
// buffer tells its listeners once per frame; the events never enter React).

import { useEffect, useState } from 'react';
import { machineClient } from '../store/store.ts';
import { TraceRows } from './trace-rows.ts';

let shared: TraceRows | null = null;

export function traceRows(): TraceRows {
  shared ??= new TraceRows(machineClient().trace);
  return shared;
}

/** The rows' version: a view that shows rows re-renders when it changes. */
export function useTraceRowsVersion(): number {
  const [version, setVersion] = useState(() => { traceRows().sync(); return traceRows().version; });
  useEffect(() => {
    const rows = traceRows();
    const update = () => {
      rows.sync();
      setVersion(rows.version);
    };
    update();
    return machineClient().trace.subscribe(update);
  }, []);
  return version;
}
