// The hart as a debugger shows it: pc, privilege mode and the current task,
// the 32 integer registers under their ABI names, the trap CSRs of the mode
// whose handler would run, and those CSRs decoded (status bits, the cause by
// name, pending and enabled interrupts). Snapshots come a few times a second
// while running and exactly whenever the machine stops. What the last snapshot
// changed is marked by weight, a ◆ and the words "changed" for a screen
// reader — never by colour alone; the store works out what changed.

import { ABI_REGISTER_NAMES } from '../../protocol/cpu-state.ts';
import { hex32, type RegisterSnapshot } from '../../protocol/registers.ts';
import { usePlayground } from '../store/store.ts';
import type { RegisterChanges } from './register-changes.ts';
import { privilegeLabel } from './csr-decode.ts';
import { TrapState } from './TrapState.tsx';
import { trapCsrNames } from './trap-csrs.ts';
import './registers.css';

function formatTime(ns: number): string {
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(2)} ms`;
  return `${(ns / 1e9).toFixed(3)} s`;
}

/** The guest kernel names the task the hart runs; older workers do not send it. */
function currentTask(regs: RegisterSnapshot): string | undefined {
  return (regs as RegisterSnapshot & { task?: string }).task;
}

/** One register: name, value, and whether the last snapshot changed it. */
function Register({ name, alias, value, changed }: { name: string; alias?: string; value: number; changed: boolean }) {
  const label = `${name}${alias ? ` (${alias})` : ''} 0x${hex32(value)}${changed ? ', changed' : ''}`;
  return (
    <div className={`reg${changed ? ' changed' : ''}`} role="group" aria-label={label} title={alias}>
      <span className="changed-mark" aria-hidden="true">{changed ? '◆' : ''}</span>
      <span className="reg-name">{name}</span>
      {alias && <span className="xnum" aria-hidden="true">{alias}</span>}
      <span className="val">{hex32(value)}</span>
    </div>
  );
}

export function RegistersPane() {
  const regs = usePlayground((s) => s.registers);
  const changes = usePlayground((s) => s.registerChanges);
  const mips = usePlayground((s) => s.mips);
  return (
    <section className="pane registers-pane" aria-label="CPU registers">
      <header className="pane-header"><h2>CPU</h2><span className="pane-sub">hart 0 · RV32IMAC</span></header>
      {!regs ? <p className="empty">Registers appear once a program is loaded.</p> : <Registers regs={regs} changes={changes} mips={mips} />}
    </section>
  );
}

function Registers({ regs, changes, mips }: { regs: RegisterSnapshot; changes: RegisterChanges; mips: number | null }) {
  const task = currentTask(regs);
  const csrs = trapCsrNames(regs.priv, regs.csr).filter((name) => regs.csr[name] !== undefined);
  return (
    <>
      <dl className="cpu-summary">
        <dt>pc</dt>
        <dd className={changes.pc ? 'changed' : undefined}>
          <span data-testid="pc">0x{hex32(regs.pc)}</span>
          {changes.pc && <span className="changed-mark" aria-label="changed"> ◆</span>}
        </dd>
        <dt>mode</dt><dd data-testid="privilege">{privilegeLabel(regs.priv)}</dd>
        {task !== undefined && <><dt>task</dt><dd data-testid="task">{task}</dd></>}
        <dt>instret</dt><dd>{regs.instret.toLocaleString('en-US')}</dd>
        <dt>time</dt><dd title="virtual time since power-on">{formatTime(regs.timeNs)}</dd>
        {mips !== null && <><dt>speed</dt><dd title="instructions emulated per second of wall time" data-testid="mips">{mips.toFixed(0)} MIPS</dd></>}
      </dl>
      <p className="changed-legend">◆ and bold: changed by the last step or update</p>
      <div className="reg-grid" data-testid="registers">
        {regs.x.map((value, i) => (
          <Register key={i} name={ABI_REGISTER_NAMES[i]} alias={`x${i}`} value={value} changed={changes.x.includes(i)} />
        ))}
      </div>
      <div className="reg-grid csr-grid" data-testid="csrs">
        {csrs.map((name) => <Register key={name} name={name} value={regs.csr[name]} changed={changes.csr.includes(name)} />)}
      </div>
      <TrapState csr={regs.csr} shown={csrs} />
    </>
  );
}
