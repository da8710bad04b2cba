// The example menu: each example opens its sources in the editor (a driver
// for the running guest, or a bare-metal program that is the whole machine).
// A native <select>, so keyboards and screen readers know it already. An example
// the student edited before opens with their edits (persistence keeps one copy each).

import { pagePersistence } from '../store/page-persistence.ts';
import { usePlayground } from '../store/store.ts';

export function ExamplesMenu() {
  const examples = usePlayground((s) => s.examples);
  const current = usePlayground((s) => s.project?.example ?? '');
  if (examples.length === 0) return null;
  const summary = examples.find((e) => e.id === current)?.summary;
  return (
    <label className="examples-menu" title={summary}>
      <span>Example</span>
      <select value={current} onChange={(e) => void pagePersistence().openExample(e.target.value)} aria-description={summary}>
        {current === '' && <option value="">Choose an example…</option>}
        <optgroup label="Drivers for the guest">
          {examples.filter((e) => e.kind === 'driver').map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
        </optgroup>
        <optgroup label="Bare-metal programs (no kernel)">
          {examples.filter((e) => e.kind === 'bare-metal').map((e) => <option key={e.id} value={e.id}>{e.title}</option>)}
        </optgroup>
      </select>
    </label>
  );
}
