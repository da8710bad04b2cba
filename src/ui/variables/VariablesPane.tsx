// The C function the hart is stopped in, as a debugger's "Variables" view shows
// it: its arguments, then its locals, each with its value and C type, read by
// the worker from the compiler's debug info. It is there only while the guest
// is paused in C code with that info. A value that differs from the previous
// stop in the same call is marked by weight, a ◆ and the words "changed" for a
// screen reader — never by colour alone, as the registers are.

import { changedSince, type FrameVariable, type FrameView } from '../../protocol/frame.ts';
import { usePlayground } from '../store/store.ts';
import './variables.css';

function VariableRow({ v, changed }: { v: FrameVariable; changed: boolean }) {
  return (
    <tr className={changed ? 'changed' : undefined} data-testid="variable">
      <td className="changed-mark" aria-hidden="true">{changed ? '◆' : ''}</td>
      <th scope="row" className="var-name">
        {v.name}
        {v.role === 'argument' && <span className="var-role" title="an argument of the function"> arg</span>}
      </th>
      <td className="var-value">
        {v.value}
        {changed && <span className="visually-hidden">, changed</span>}
      </td>
      <td className="var-type">{v.type}</td>
    </tr>
  );
}

export function VariablesPane() {
  const frame = usePlayground((s) => (s.runState === 'paused' ? s.frame : null));
  const previous = usePlayground((s) => s.previousFrame);
  if (!frame) return null;
  return (
    <section className="pane variables-pane" aria-label="Variables">
      <header className="pane-header"><h2>Variables</h2><span className="pane-sub">in {frame.function}()</span></header>
      <Variables frame={frame} previous={previous} />
    </section>
  );
}

function Variables({ frame, previous }: { frame: FrameView; previous: FrameView | null }) {
  if (frame.variables.length === 0) return <p className="empty">{frame.function}() has no arguments and no local variables.</p>;
  const changed = frame.variables.map((v) => changedSince(previous, frame, v));
  const unavailable = frame.variables.every((v) => v.value === 'unavailable');
  return (
    <>
      <table className="variables-table">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">Changed</span></th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          {frame.variables.map((v, i) => <VariableRow key={`${v.role} ${v.name} ${i}`} v={v} changed={changed[i]} />)}
        </tbody>
      </table>
      {unavailable && <p className="empty">The function has not set up its frame yet: press Step line once to see the values.</p>}
      {changed.some(Boolean) && <p className="changed-legend">◆ and bold: changed since the last stop</p>}
    </>
  );
}
