// What para-virtualization is about, counted: VM exits into the stopwatch's
// model (and the virtual time they cost) against pass-through accesses,
// which cost none. The chart draws both counts over virtual time, from the
// snapshots the page was sent; the sentence under it says the same in words.

import { useEffect, useRef } from 'react';
import type { ExitView } from '../../protocol/device-view.ts';
import { canvasFont, fitCanvas, themeColour } from '../device-pane/canvas-colours.ts';
import { duration, seconds } from '../device-pane/device-format.ts';
import type { CounterSample } from '../store/device-view-slice.ts';

export function ExitCounters({ exits, history }: { exits: ExitView; history: readonly CounterSample[] }) {
  const passthrough = exits.passthroughReads + exits.passthroughWrites;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (el) drawChart(el, history);
  });
  const first = history[0], last = history.at(-1);
  const span = first && last ? last.timeNs - first.timeNs : 0;
  const chartText = first && last && history.length > 1
    ? `From ${seconds(first.timeNs)} to ${seconds(last.timeNs)} (${duration(span)}): exits went from ${first.exits} to ${last.exits}, pass-through accesses from ${first.passthrough} to ${last.passthrough}.`
    : 'The chart starts with the next change.';
  return (
    <div className="host-counters">
      <h3>Counters</h3>
      <div className="counter-row">
        <p className="counter" data-testid="host-exits"><span className="counter-label">VM exits</span> <span className="counter-value">{exits.exits}</span></p>
        <p className="counter" data-testid="host-passthrough"><span className="counter-label">Pass-through accesses</span> <span className="counter-value">{passthrough}</span></p>
        <p className="counter" data-testid="host-exit-time"><span className="counter-label">Virtual time in exits</span> <span className="counter-value">{duration(exits.exitTimeNs)}</span></p>
      </div>
      <p className="counter-detail">
        exits: {exits.exitReads} reads, {exits.exitWrites} writes
        {exits.registers.map((r) => ` · ${r.name} ${r.exits}`).join('')}
        {' '}· pass-through: {exits.passthroughReads} reads, {exits.passthroughWrites} writes
        {' '}· all devices: {exits.allDevicesExits} exits
      </p>
      <canvas ref={canvas} className="counter-canvas" role="img" aria-label={`Chart of VM exits and pass-through accesses over virtual time. ${chartText}`} />
      <p className="legend">
        <span className="key key-exits" aria-hidden="true">━</span> VM exits · <span className="key key-pass" aria-hidden="true">┅</span> pass-through accesses (each scaled to its own maximum). {chartText}
      </p>
    </div>
  );
}

function drawChart(el: HTMLCanvasElement, history: readonly CounterSample[]): void {
  const fit = fitCanvas(el);
  if (!fit || history.length === 0) return;
  const { ctx, width, height } = fit;
  const t0 = history[0].timeNs, t1 = Math.max(history.at(-1)!.timeNs, t0 + 1);
  const pad = 4, bottom = height - 14;
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
  const series = (pick: (s: CounterSample) => number, colour: string, dash: number[]) => {
    const lo = pick(history[0]), hi = Math.max(pick(history.at(-1)!), lo + 1);
    const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - pad);
    ctx.strokeStyle = colour;
    ctx.setLineDash(dash);
    ctx.lineWidth = 2;
    ctx.beginPath();
    history.forEach((s, i) => {
      // A counter steps: it holds its value until the next sample.
      if (i === 0) ctx.moveTo(x(s.timeNs), y(pick(s)));
      else {
        ctx.lineTo(x(s.timeNs), y(pick(history[i - 1])));
        ctx.lineTo(x(s.timeNs), y(pick(s)));
      }
    });
    ctx.lineTo(width - pad, y(pick(history.at(-1)!)));
    ctx.stroke();
  };
  ctx.strokeStyle = themeColour(el, '--border-strong', '#3a4252');
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(0, bottom + 0.5);
  ctx.lineTo(width, bottom + 0.5);
  ctx.stroke();
  series((s) => s.passthrough, themeColour(el, '--changed', '#f5c26b'), [4, 3]);
  series((s) => s.exits, themeColour(el, '--accent', '#4fa3ff'), []);
  ctx.setLineDash([]);
  ctx.fillStyle = themeColour(el, '--text-dim', '#a8b0bf');
  ctx.font = canvasFont(el, 0.79);
  ctx.textBaseline = 'bottom';
  ctx.fillText(seconds(t0, 2), pad, height);
  const end = seconds(history.at(-1)!.timeNs, 2);
  ctx.fillText(end, width - pad - ctx.measureText(end).width, height);
}
