// The Device pane: the stopwatch as the guest sees it — its trapping register
// bank, its pass-through memory, its IRQ line, the PLIC's view of it and the
// device-tree node the driver found it by. The worker sends a snapshot
// (protocol/device-view.ts) when any of it changes; the IRQ waveform reads
// the trace. What the selected trace event touched is marked here too.

import { usePlayground } from '../store/store.ts';
import { deviceTarget } from './device-selection.ts';
import { DtNode } from './DtNode.tsx';
import { IrqWaveform } from './IrqWaveform.tsx';
import { MemoryDump } from './MemoryDump.tsx';
import { PlicRow } from './PlicRow.tsx';
import { RegisterTable } from './RegisterTable.tsx';
import { DeviceWatchpoints } from '../event-step/DeviceWatchpoints.tsx';
import '../event-step/event-step.css';
import './device-pane.css';

export function DevicePane() {
  const view = usePlayground((s) => s.deviceView);
  const changed = usePlayground((s) => s.deviceMemoryChanged);
  const selectedEvent = usePlayground((s) => s.selectedTrace);
  const target = deviceTarget(selectedEvent, view?.device);
  // Rows scroll into view when the selection moves to other bytes or another register, not on every
  // new event of the same one (Follow mode selects a new event each frame).
  const selectionKey = !target ? '' : target.kind === 'register' ? target.name : `${target.from}-${target.to}`;
  return (
    <section className="pane device-pane" aria-label="Device">
      <header className="pane-header">
        <h2>Device</h2>
        {view && <span className="pane-sub">{view.device} · PLIC source {view.irq.source}</span>}
      </header>
      {!view
        ? <p className="muted">The stopwatch&apos;s registers, shared memory and interrupt line appear here once the guest boots (or a bare-metal program is loaded).</p>
        : (
          <div className="device-body">
            <RegisterTable registers={view.registers} selected={target?.kind === 'register' ? target.name : null} />
            <DeviceWatchpoints />
            <MemoryDump memory={view.memory} base={view.memoryBase} changed={changed}
              selected={target?.kind === 'bytes' ? target : null} selectionKey={selectionKey} />
            <section className="dev-section" aria-label="IRQ line">
              <h3>IRQ line <code>{view.irq.line}</code></h3>
              <IrqWaveform source={view.irq.source} level={view.irq.level} viewTimeNs={view.timeNs} />
            </section>
            {view.plic && <PlicRow plic={view.plic} />}
            <DtNode path={view.dtNode.path} dts={view.dtNode.dts} ranges={view.dtNode.ranges}
              selectedRange={target ? (target.kind === 'register' ? 'regs' : 'mem') : null} />
          </div>
        )}
    </section>
  );
}
