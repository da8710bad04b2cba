// The hart's registers under their ABI names, as the last snapshot shows them
// (a few per second while running, exact whenever the machine stops).
// Values that changed since the previous snapshot are highlighted.

import { useRef } from 'react';
import { ABI_REGISTER_NAMES } from '../../protocol/cpu-state.ts';
import { hex32, type RegisterSnapshot } from '../../protocol/registers.ts';
import { usePlayground } from '../store/store.ts';
import { trapCsrNames } from './trap-csrs.ts';
import './registers.css';


function formatTime(ns: number): string {
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(3)} s`;
}

export function RegistersPane() {
  const regs = usePlayground((s) => s.registers);
  const mips = usePlayground((s) => s.mips);
  const previous = useRef<RegisterSnapshot | null>(null);
  const before = previous.current;
  previous.current = regs;
  return (
    <section className="pane registers-pane" aria-label="CPU registers">
      <header className="pane-header"><h2>CPU</h2><span className="pane-sub">hart 0 · RV32IMAC</span></header>
      {!regs ? <p className="empty">Registers appear once a program is loaded.</p> : (
        <>
          <dl className="cpu-summary">
            <dt>pc</dt><dd data-testid="pc">0x{hex32(regs.pc)}</dd>
            <dt>mode</dt><dd>{regs.priv === 'M' ? 'M (machine)' : regs.priv === 'S' ? 'S (supervisor)' : 'U (user)'}</dd>
            <dt>instret</dt><dd>{regs.instret.toLocaleString('en-US')}</dd>
            <dt>time</dt><dd title="virtual time since power-on">{formatTime(regs.timeNs)}</dd>
            {regs.task !== undefined && <><dt>task</dt><dd title="the guest task whose registers these are" data-testid="task">{regs.task}</dd></>}
            {mips !== null && <><dt>speed</dt><dd title="instructions emulated per second of wall time" data-testid="mips">{mips.toFixed(0)} MIPS</dd></>}
          </dl>
          <div className="reg-grid" data-testid="registers">
            {regs.x.map((value, i) => (
              <div key={i} className={`reg${before && before.x[i] !== value ? ' changed' : ''}`} title={`x${i}`}>
                <span className="reg-name">{ABI_REGISTER_NAMES[i]}</span>
                <span className="xnum">x{i}</span>
                <span className="val">{hex32(value)}</span>
              </div>
            ))}
          </div>
          <div className="reg-grid csr-grid" data-testid="csrs">
            {trapCsrNames(regs.priv, regs.csr).filter((name) => regs.csr[name] !== undefined).map((name) => (
              <div key={name} className={`reg${before && before.csr[name] !== regs.csr[name] ? ' changed' : ''}`}>
                <span className="reg-name">{name}</span>
                <span className="val">{hex32(regs.csr[name])}</span>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
