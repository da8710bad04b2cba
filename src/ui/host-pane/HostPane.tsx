// The Host pane: the hypervisor's side — the stopwatch's device model in the
// host, the VM exits it handled, what they cost, and its log.

import './host-pane.css';

export function HostPane() {
  return (
    <section className="pane host-pane" aria-label="Host">
      <header className="pane-header"><h2>Host</h2></header>
      <p className="muted">The device model's state, its VM exits and its log appear here.</p>
    </section>
  );
}
