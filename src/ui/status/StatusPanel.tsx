// What the machine is doing, in words: running, idle in wfi, paused and why,
// powered off with which exit status, or stopped by a device error.

import { describeStop } from '../../protocol/stop-reason.ts';
import { usePlayground, type PlaygroundState } from '../store/store.ts';
import './status.css';

function stateLabel(s: Pick<PlaygroundState, 'runState' | 'idle' | 'workerReady'>): string {
  if (!s.workerReady) return 'Starting…';
  switch (s.runState) {
    case 'empty': return 'No program';
    case 'paused': return 'Paused';
    case 'running': return s.idle ? 'Running · idle (wfi)' : 'Running';
    case 'halted': return 'Stopped';
  }
}

export function StatusPanel() {
  const s = usePlayground();
  const stop = s.stop;
  const detail = stop
    ? describeStop(stop)
    : s.runState === 'running' && s.idle
      ? 'The CPU sleeps in wfi until an interrupt arrives (a timer, or a key you type).'
      : s.runState === 'paused' ? 'Ready: press Run, or Step one instruction at a time.' : '';
  return (
    <section className="pane status-pane" aria-label="Machine status">
      <header className="pane-header"><h2>Machine</h2></header>
      <div className={`state-badge state-${s.runState}${s.idle ? ' state-idle' : ''}`} data-testid="run-state">{stateLabel(s)}</div>
      {detail && <p className="stop-detail" data-testid="stop-reason">{detail}</p>}
      {stop?.reason === 'poweroff' && (
        <p className="exit-status" data-testid="exit-status">exit status <strong>{stop.exitCode}</strong></p>
      )}
      {s.entry !== null && <p className="entry">entry point <code>0x{(s.entry >>> 0).toString(16).padStart(8, '0')}</code></p>}
    </section>
  );
}
