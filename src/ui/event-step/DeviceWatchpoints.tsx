// Watchpoints on device registers by name: "stop when command is written
// (with START)", "stop when status reads RUNNING". On a trapping register the
// machine stops at the guest's store or load, before the VM exit, so the
// device model has not run yet; Run makes the access once. The form picks a
// register, the access and an optional value; the list below removes them.

import { useId, useState, type FormEvent } from 'react';
import { WATCHABLE_REGISTERS } from '../../protocol/device-registers.ts';
import type { WatchKind } from '../../protocol/watchpoints.ts';
import { describeDeviceWatch } from '../store/event-step-slice.ts';
import { usePlayground } from '../store/store.ts';
import { useShallow } from 'zustand/react/shallow';

const KIND_WORDS: Record<WatchKind, string> = { write: 'written', read: 'read', access: 'read or written' };

export function DeviceWatchpoints() {
  const s = usePlayground(useShallow((st) => ({ watches: st.deviceWatches, add: st.addDeviceWatch, remove: st.removeDeviceWatch })));
  const [regIndex, setRegIndex] = useState(0);
  const info = WATCHABLE_REGISTERS[regIndex];
  const [kind, setKind] = useState<WatchKind>(info.access);
  const [value, setValue] = useState('');
  const ids = { reg: useId(), kind: useId(), value: useId(), list: useId() };

  const pickRegister = (index: number) => {
    setRegIndex(index);
    setKind(WATCHABLE_REGISTERS[index].access); // a write-only register is watched for writes
    setValue('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    s.add({ device: info.device, reg: info.reg, kind, ...(value === '' ? {} : { value: Number(value) }) });
  };

  return (
    <div className="device-watchpoints">
      <form className="device-watch-form" aria-label="Add a device watchpoint" onSubmit={submit}>
        <span className="event-step-title" aria-hidden="true">Watch</span>
        <label htmlFor={ids.reg} className="visually-hidden">Register</label>
        <select id={ids.reg} value={regIndex} onChange={(e) => pickRegister(Number(e.target.value))} title={info.help}>
          {WATCHABLE_REGISTERS.map((r, i) => <option key={`${r.device}.${r.reg}`} value={i}>{r.device} {r.reg}</option>)}
        </select>
        <label htmlFor={ids.kind} className="visually-hidden">Access</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as WatchKind)}>
          {(['write', 'read', 'access'] as const).map((k) => <option key={k} value={k}>{KIND_WORDS[k]}</option>)}
        </select>
        <label htmlFor={ids.value} className="visually-hidden">Value</label>
        <select id={ids.value} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">any value</option>
          {Object.entries(info.values).map(([name, v]) => <option key={name} value={v}>as {name} ({v})</option>)}
        </select>
        <button type="submit" className="btn btn-small">Add watchpoint</button>
      </form>
      {s.watches.length > 0 && (
        <ul className="device-watch-list" aria-label="Device watchpoints" id={ids.list}>
          {s.watches.map((w, i) => {
            const text = describeDeviceWatch(w);
            return (
              <li key={`${text}-${i}`}>
                <span>{text}</span>
                <button type="button" className="btn btn-small" aria-label={`Remove the watchpoint on ${text}`} onClick={() => s.remove(i)}>×</button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
