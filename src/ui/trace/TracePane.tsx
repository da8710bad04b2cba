// The Trace pane: every event the machine reports, on a timeline and as a list.

import './trace-pane.css';

export function TracePane() {
  return (
    <section className="pane trace-pane" aria-label="Trace">
      <header className="pane-header"><h2>Trace</h2></header>
      <div role="log" aria-label="Trace events" />
    </section>
  );
}
