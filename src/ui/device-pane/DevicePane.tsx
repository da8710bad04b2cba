// The Device pane: the stopwatch as the guest sees it — its trapping register
// bank, its pass-through memory, its IRQ line and the PLIC's view of it.

import './device-pane.css';

export function DevicePane() {
  return (
    <section className="pane device-pane" aria-label="Device">
      <header className="pane-header"><h2>Device</h2></header>
      <p className="muted">The stopwatch's registers, shared memory and interrupt line appear here.</p>
    </section>
  );
}
