// The trap CSRs decoded, under the raw values: which status bits are set,
// why the last trap was taken, which interrupts are pending and enabled.
// A set bit is bold and reads "=1"; a clear one is plain and reads "=0", so
// nothing depends on telling colours apart.

import { hex32 } from '../../protocol/registers.ts';
import { causeName, decodeInterruptBits, decodeStatus, type CsrField } from './csr-decode.ts';

function Fields({ csr, fields }: { csr: string; fields: CsrField[] }) {
  return (
    <div className="trap-row" data-testid={`decoded-${csr}`}>
      <span className="trap-csr">{csr}</span>
      <span className="bits">
        {fields.map((f) => (
          <span key={f.name} className={`bit${f.on ? ' on' : ''}`} title={f.meaning}>{f.name}={f.value}</span>
        ))}
      </span>
    </div>
  );
}

function Cause({ csr, value, epc }: { csr: 'mcause' | 'scause'; value: number; epc: number | undefined }) {
  // Both read 0 until the first trap: cause 0 would otherwise read as a misaligned fetch that never happened.
  const untouched = value === 0 && (epc ?? 0) === 0;
  return (
    <div className="trap-row" data-testid={`decoded-${csr}`}>
      <span className="trap-csr">{csr}</span>
      <span className="cause">
        {untouched ? 'no trap taken yet' : <>{value >>> 31 ? 'interrupt' : 'exception'} {value & 0x7fffffff}: <strong>{causeName(value)}</strong></>}
        <span className="cause-raw"> (0x{hex32(value)})</span>
      </span>
    </div>
  );
}

export function TrapState({ csr, shown }: { csr: Record<string, number>; shown: string[] }) {
  const has = (name: string) => shown.includes(name) && csr[name] !== undefined;
  return (
    <section className="trap-state" aria-label="Trap CSRs decoded">
      <h3>Trap state, decoded</h3>
      {(['mstatus', 'sstatus'] as const).filter(has).map((name) => <Fields key={name} csr={name} fields={decodeStatus(name, csr[name])} />)}
      {(['mcause', 'scause'] as const).filter(has).map((name) => (
        <Cause key={name} csr={name} value={csr[name]} epc={csr[name === 'mcause' ? 'mepc' : 'sepc']} />
      ))}
      {(['mip', 'mie', 'sip', 'sie'] as const).filter(has).map((name) => <Fields key={name} csr={name} fields={decodeInterruptBits(name, csr[name])} />)}
    </section>
  );
}
