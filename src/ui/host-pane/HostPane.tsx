// The Host pane: the hypervisor's side — the stopwatch's device model in the
// host, the VM exits it handled (each with its callback), what they cost
// against the pass-through accesses that cost nothing, and its log.

import { usePlayground } from '../store/store.ts';
import { ExitCounters } from './ExitCounters.tsx';
import { ExitList } from './ExitList.tsx';
import { HostLog } from './HostLog.tsx';
import { HostModel } from './HostModel.tsx';
import '../device-pane/device-pane.css';
import './host-pane.css';

export function HostPane() {
  const view = usePlayground((s) => s.deviceView);
  const history = usePlayground((s) => s.deviceHistory);
  const nowNs = usePlayground((s) => Math.max(s.registers?.timeNs ?? 0, s.deviceView?.timeNs ?? 0));
  return (
    <section className="pane host-pane" aria-label="Host">
      <header className="pane-header"><h2>Host</h2>{view && <span className="pane-sub">device model {view.device}</span>}</header>
      {!view
        ? <p className="muted">The device model&apos;s state, its VM exits and its log appear here once the guest boots (or a bare-metal program is loaded).</p>
        : (
          <div className="host-body">
            <HostModel host={view.host} nowNs={nowNs} />
            <ExitCounters exits={view.exits} history={history} />
            <ExitList />
            <HostLog />
          </div>
        )}
    </section>
  );
}
