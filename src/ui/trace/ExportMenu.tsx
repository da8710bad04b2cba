// The Trace pane's exports: the trace for Perfetto (or chrome://tracing), the
// IRQ lines as a VCD for a waveform viewer (GTKWave, Surfer), the board's
// device tree as DTB and DTS, the driver's source files, and the timeline as
// an SVG picture. Each is a download with a name that says what it is.

import { useEffect, useRef, useState } from 'react';
import { toChromeTraceJson } from '../../protocol/export/chrome-trace.ts';
import { toVcd } from '../../protocol/export/vcd.ts';
import { machineClient, usePlayground } from '../store/store.ts';
import { collect, downloadFile } from './download.ts';
import { timelineSvg } from './timeline-svg.ts';
import type { TimelineModel } from './timeline-model.ts';

interface ExportMenuProps {
  timeline(): TimelineModel | null;
}

export function ExportMenu({ timeline }: ExportMenuProps) {
  const project = usePlayground((s) => s.project);
  const exportedDtb = usePlayground((s) => s.exportedDtb);
  const requestDtb = usePlayground((s) => s.requestDtb);
  const showError = usePlayground((s) => s.showError);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  /** Which device-tree file the student asked for, waiting for the worker's answer. */
  const wanted = useRef<'dtb' | 'dts' | null>(null);

  useEffect(() => {
    if (!exportedDtb || !wanted.current) return;
    if (wanted.current === 'dtb') downloadFile('virt.dtb', exportedDtb.dtb, 'application/octet-stream');
    else downloadFile('virt.dts', exportedDtb.dts, 'text/plain');
    wanted.current = null;
  }, [exportedDtb]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => { if (!menu.current?.contains(e.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const events = () => {
    const b = machineClient().trace;
    return { events: collect(b.size, (i) => b.at(i)), dropped: b.dropped };
  };
  const run = (what: () => void) => () => {
    setOpen(false);
    try {
      what();
    } catch (err) {
      showError(`The export failed (${err instanceof Error ? err.message : String(err)}). Try again; if it fails again, export fewer events by pressing Reset first.`);
    }
  };
  const items: { label: string; act: () => void }[] = [
    { label: 'Trace for Perfetto (.json)', act: () => { const t = events(); downloadFile('paravirt-trace.json', toChromeTraceJson(t.events, { dropped: t.dropped }), 'application/json'); } },
    { label: 'IRQ lines as VCD (.vcd)', act: () => downloadFile('paravirt-irq.vcd', toVcd(events().events), 'text/plain') },
    { label: 'Timeline as SVG (.svg)', act: () => { const m = timeline(); if (m) downloadFile('paravirt-timeline.svg', timelineSvg(m), 'image/svg+xml'); } },
    { label: 'Device tree blob (.dtb)', act: () => { wanted.current = 'dtb'; requestDtb(); } },
    { label: 'Device tree source (.dts)', act: () => { wanted.current = 'dts'; requestDtb(); } },
    ...Object.entries(project?.files ?? {}).map(([name, text]) => ({ label: `Source: ${name}`, act: () => downloadFile(name, text, 'text/x-c') })),
  ];

  return (
    <div className="trace-export" ref={menu} onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <button type="button" className="btn btn-small" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>Export ▾</button>
      {open && (
        <ul className="trace-export-menu" aria-label="Export">
          {items.map((item) => (
            <li key={item.label}><button type="button" className="trace-export-item" onClick={run(item.act)}>{item.label}</button></li>
          ))}
        </ul>
      )}
    </div>
  );
}
