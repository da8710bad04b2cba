// The device model's own state, in the host: what stopwatch.c keeps between
// exits (status, the time counted so far, when it was last started, and a
// pending timeout with its deadline), in virtual time.

import type { HostModelView } from '../../protocol/device-view.ts';
import { duration, seconds } from '../device-pane/device-format.ts';

const TIMEOUT_WORDS = {
  none: 'none pending',
  armed: 'pending (timer armed)',
  fired: 'fired: IRQ raised, waiting for TIMEOUT_ACK',
} as const;

export function HostModel({ host, nowNs }: { host: HostModelView; nowNs: number }) {
  const running = host.status === 'RUNNING';
  return (
    <div className="host-model">
      <h3>Device model (stopwatch.c in the host)</h3>
      <dl className="dev-facts" data-testid="host-model">
        <dt>status</dt><dd>{host.status}</dd>
        <dt>accumulated time</dt><dd>{seconds(host.accumulatedNs)}</dd>
        <dt>start mark</dt><dd>{running ? `at ${seconds(host.startMarkNs)}` : `${seconds(host.startMarkNs)} (not running)`}</dd>
        <dt>timeout</dt>
        <dd className={host.timeout !== 'none' ? 'on' : undefined}>
          {TIMEOUT_WORDS[host.timeout]}
          {host.deadlineNs !== null && ` · deadline ${seconds(host.deadlineNs)}${host.deadlineNs > nowNs ? ` (in ${duration(host.deadlineNs - nowNs)})` : ''}`}
        </dd>
      </dl>
    </div>
  );
}
