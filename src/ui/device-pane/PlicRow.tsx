// The PLIC's view of the stopwatch's source: priority, pending, claimed, the
// line as the PLIC sees it, and per context whether it is enabled and the
// threshold (context 0 is the hart's M-mode, 1 its S-mode, where the kernel runs).

import type { PlicSourceView } from '../../protocol/device-view.ts';

const CONTEXT_NAMES = ['M-mode', 'S-mode'];
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function PlicRow({ plic }: { plic: PlicSourceView }) {
  return (
    <div className="dev-plic">
      <h3>PLIC source {plic.source}</h3>
      <dl className="dev-facts" data-testid="plic-row">
        <dt>priority</dt><dd>{plic.priority}</dd>
        <dt>pending</dt><dd className={plic.pending ? 'on' : undefined}>{yesNo(plic.pending)}</dd>
        <dt>claimed</dt><dd className={plic.claimed ? 'on' : undefined}>{plic.claimed ? 'yes, in service' : 'no'}</dd>
        <dt>input</dt><dd>{plic.level ? 'high' : 'low'}</dd>
        {plic.contexts.map((c) => (
          <FragmentRow key={c.context} label={`context ${c.context} (${CONTEXT_NAMES[c.context] ?? '?'})`}
            value={`${c.enabled ? 'enabled' : 'disabled'}, threshold ${c.threshold}`} />
        ))}
      </dl>
    </div>
  );
}

function FragmentRow({ label, value }: { label: string; value: string }) {
  return (<><dt>{label}</dt><dd>{value}</dd></>);
}
