// The trapping register bank, decoded: name, offset, access, the value by
// name (`status = RUNNING (0)`) and raw. The row of the selected event's
// register is marked (▶ and an outline, not colour alone) and scrolled to.

import { registerText, type DeviceRegisterView } from '../../protocol/device-view.ts';
import { hex } from './device-format.ts';
import { useScrollIntoView } from './use-scroll-into-view.ts';

const ACCESS_WORDS = { RO: 'read-only', WO: 'write-only', RW: 'read-write' } as const;

export function RegisterTable({ registers, selected }: {
  registers: DeviceRegisterView[];
  /** The register the selected trace event touched, if any. */
  selected: string | null;
}) {
  return (
    <table className="dev-table">
      <caption>Registers (trapping: every access is a VM exit)</caption>
      <thead>
        <tr><th scope="col">Register</th><th scope="col">Offset</th><th scope="col">Access</th><th scope="col">Value</th><th scope="col" className="col-raw">Raw</th></tr>
      </thead>
      <tbody>
        {registers.map((r) => (
          <RegisterRow key={r.name} register={r} selected={selected === r.name} />
        ))}
      </tbody>
    </table>
  );
}

function RegisterRow({ register: r, selected }: { register: DeviceRegisterView; selected: boolean }) {
  const ref = useScrollIntoView<HTMLTableRowElement>(selected, selected);
  return (
    <tr ref={ref} className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined} data-testid={`device-register-${r.name}`}>
      <th scope="row"><span className="sel-mark" aria-hidden="true">{selected ? '▶' : ''}</span>{r.name}</th>
      <td className="mono">{hex(r.offset)}</td>
      <td><abbr title={ACCESS_WORDS[r.access]}>{r.access}</abbr></td>
      <td className="mono value">{registerText(r)}</td>
      <td className="mono col-raw">{hex(r.raw)}</td>
    </tr>
  );
}
