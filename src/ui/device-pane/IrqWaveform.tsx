// The stopwatch's IRQ line as a logic analyser shows it: high and low over
// the last seconds of virtual time, drawn from the trace's irq-line events.
// A pulse shorter than a pixel (the driver ACKs within microseconds) is drawn
// a few pixels wide so it can be seen; the sentence under it says the same
// for a screen reader ("IRQ 64 low · last rose at 2.104 s, fell at 2.105 s").

import { useEffect, useRef } from 'react';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { usePlayground } from '../store/store.ts';
import { canvasFont, fitCanvas, themeColour } from './canvas-colours.ts';
import { irqEdges, irqSegments, irqText } from './irq-history.ts';
import { useTraceEvents } from './trace-collector.ts';

/** Virtual time the waveform spans, ending now. */
const WINDOW_NS = 5e9;
const MIN_PULSE_PX = 3;
export const STOPWATCH_IRQ_LINE = 'stopwatch.timeout';

const isStopwatchIrq = (e: TraceEvent): boolean => e.kind === 'irq-line' && e.line === STOPWATCH_IRQ_LINE;

export function IrqWaveform({ source, level, viewTimeNs }: { source: number; level: boolean; viewTimeNs: number }) {
  const events = useTraceEvents(isStopwatchIrq, 200);
  const nowNs = usePlayground((s) => Math.max(viewTimeNs, s.registers?.timeNs ?? 0));
  const canvas = useRef<HTMLCanvasElement>(null);
  const edges = irqEdges(events);
  const text = irqText(source, level, edges);
  const endNs = Math.max(nowNs, edges.at(-1)?.timeNs ?? 0);

  useEffect(() => {
    const el = canvas.current;
    const fit = el && fitCanvas(el);
    if (!el || !fit) return;
    const { ctx, width, height } = fit;
    const fromNs = Math.max(0, endNs - WINDOW_NS);
    const x = (t: number) => ((t - fromNs) / WINDOW_NS) * (width - 2) + 1;
    const high = 6, low = height - 16;
    ctx.strokeStyle = themeColour(el, '--border-strong', '#3a4252');
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, low + 0.5);
    ctx.lineTo(width, low + 0.5);
    ctx.stroke();
    ctx.strokeStyle = themeColour(el, '--accent', '#4fa3ff');
    ctx.lineWidth = 2;
    ctx.beginPath();
    let first = true;
    for (const seg of irqSegments(edges, fromNs, endNs, level)) {
      const y = seg.level ? high : low;
      const x0 = x(seg.fromNs);
      let x1 = x(seg.toNs);
      if (seg.level && x1 - x0 < MIN_PULSE_PX) x1 = x0 + MIN_PULSE_PX;
      if (first) ctx.moveTo(x0, y);
      else ctx.lineTo(x0, y);
      ctx.lineTo(x1, y);
      first = false;
    }
    ctx.stroke();
    ctx.fillStyle = themeColour(el, '--text-dim', '#a8b0bf');
    ctx.font = canvasFont(el, 0.79);
    ctx.textBaseline = 'bottom';
    ctx.fillText(`−${WINDOW_NS / 1e9} s`, 2, height);
    const nowLabel = 'now';
    ctx.fillText(nowLabel, width - ctx.measureText(nowLabel).width - 2, height);
  });

  return (
    <div className="dev-irq">
      <canvas ref={canvas} className="irq-canvas" role="img" aria-label={`Waveform of the IRQ line over the last ${WINDOW_NS / 1e9} s: ${text}`} />
      <p className="irq-text" data-testid="irq-text">{text}</p>
    </div>
  );
}
