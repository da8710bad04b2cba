// What the machine is doing, in words: running, idle in wfi, paused and why,
// powered off with which exit status, or stopped by a device error.

import type { StopwatchOnError } from '../../protocol/messages.ts';
import { useShallow } from 'zustand/react/shallow';
import { describeStop } from '../../protocol/stop-reason.ts';
import { usePlayground, type PlaygroundState } from '../store/store.ts';
import { RunAnnouncer } from './RunAnnouncer.tsx';
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

const pickStatus = (s: PlaygroundState) => ({
  entry: s.entry, guestErrorCount: s.guestErrorCount, guestErrors: s.guestErrors, idle: s.idle, notices: s.notices,
  runState: s.runState, setStopwatchOnError: s.setStopwatchOnError, stop: s.stop, stopwatchOnError: s.stopwatchOnError, workerReady: s.workerReady,
});

export function StatusPanel() {
  // Only what the panel reads: register snapshots arrive many times a second while running.
  const s = usePlayground(useShallow(pickStatus));
  const stop = s.stop;
  const detail = stop
    ? describeStop(stop)
    : s.runState === 'running' && s.idle
      ? 'The CPU sleeps in wfi until an interrupt arrives (a timer, or a key you type).'
      : s.runState === 'paused' ? 'Ready: press Run (F5), or Step one instruction at a time (F7).' : '';
  return (
    <section className="pane status-pane" aria-label="Machine status">
      <header className="pane-header"><h2>Machine</h2></header>
      <RunAnnouncer />
      <div className={`state-badge state-${s.runState}${s.idle ? ' state-idle' : ''}`} data-testid="run-state">{stateLabel(s)}</div>
      {detail && <p className="stop-detail" data-testid="stop-reason">{detail}</p>}
      {s.notices.map((notice) => <p key={notice} className="machine-notice" data-testid="machine-notice">{notice}</p>)}
      {stop?.reason === 'poweroff' && (
        <p className="exit-status" data-testid="exit-status">exit status <strong>{stop.exitCode}</strong></p>
      )}
      {s.entry !== null && <p className="entry">entry point <code>0x{(s.entry >>> 0).toString(16).padStart(8, '0')}</code></p>}
      <label className="on-error" title="The stopwatch's on_error property. Changing it builds the board again and boots the program from the start.">
        <span>Stopwatch on a device error</span>
        <select value={s.stopwatchOnError} aria-label="Stopwatch on a device error"
          onChange={(e) => s.setStopwatchOnError(e.target.value as StopwatchOnError)}>
          <option value="stop">stop the machine (hw_error)</option>
          <option value="log">log and ignore (QEMU style)</option>
        </select>
      </label>
      <GuestErrors messages={s.guestErrors} count={s.guestErrorCount} />
    </section>
  );
}

/** The latest guest errors the stopwatch logged and ignored (on_error=log), newest first. */
function GuestErrors({ messages, count }: { messages: string[]; count: number }) {
  if (count === 0) return null;
  const older = count - messages.length;
  return (
    <div className="guest-errors" data-testid="guest-errors">
      <p className="guest-errors-title">
        Guest errors: <strong data-testid="guest-error-count">{count}</strong>
        {older > 0 && <span className="guest-errors-older"> (the latest {messages.length} shown)</span>}
      </p>
      <ul>
        {messages.map((message, i) => (
          <li key={`${count}-${i}`} data-testid="guest-error">
            The stopwatch logged a guest error and ignored the access (on_error=log): {message.replace(/^stopwatch: /, '')}
          </li>
        ))}
      </ul>
    </div>
  );
}
