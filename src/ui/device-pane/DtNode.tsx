// The device-tree node the driver was probed from, as DTS, and each `reg`
// range linked to what the driver's ioremap returned for it.

import type { DeviceRangeView } from '../../protocol/device-view.ts';
import { hex8 } from './device-format.ts';

export function DtNode({ path, dts, ranges, selectedRange }: {
  path: string; dts: string; ranges: DeviceRangeView[];
  /** The range the selected event touched ("mem" or "regs"). */
  selectedRange: string | null;
}) {
  return (
    <div className="dev-dt">
      <h3>Device tree: <code>{path}</code></h3>
      <ul className="dt-ranges" aria-label="reg ranges and their ioremap">
        {ranges.map((r, i) => {
          const selected = r.name === selectedRange;
          return (
            <li key={r.name} className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined} data-testid={`dt-range-${r.name}`}>
              <code>reg[{i}]</code> {r.name} ({r.kind === 'trap' ? 'trapping' : 'pass-through'}){' '}
              <code>{hex8(r.phys)}–{hex8(r.phys + r.size - 1)}</code>{' '}
              {r.ioremap === null
                ? <span className="muted">→ not ioremapped (no driver has probed it)</span>
                : <span>→ ioremap <code>{hex8(r.ioremap)}</code></span>}
            </li>
          );
        })}
      </ul>
      <details>
        <summary>DTS of the node</summary>
        <pre className="dt-source">{dts}</pre>
      </details>
    </div>
  );
}
