// What the timeline shows, as data: lanes, the marks in each (at most one per
// pixel column, with how many events it stands for), the time ruler, and the
// selected event. The canvas draws it, the SVG export writes it, the text
// alternative counts it, and a click is answered from it: one model, so the
// picture, the file and the words agree. Pure.

import type { TraceRow } from '../../protocol/trace-group.ts';
import { durationText, LANE_LABELS, timeText, type TraceLane } from '../../protocol/trace-text.ts';

export interface TimeWindow {
  startNs: number;
  endNs: number;
}

export interface TimelineMark {
  x: number;
  /** Width in px (at least 1): a VM exit's price, or a group's span. */
  w: number;
  /** Index in the rows of the first row drawn in this column. */
  row: number;
  /** Rows in this column. */
  count: number;
}

export interface TimelineLane {
  lane: TraceLane;
  name: string;
  y: number;
  marks: TimelineMark[];
  /** Rows of this lane in the window. */
  count: number;
}

export interface TimelineModel {
  width: number;
  height: number;
  window: TimeWindow;
  lanes: TimelineLane[];
  ticks: { x: number; label: string }[];
  /** The selected row's x, if it is in the window. */
  selectedX: number | null;
  selectedLane: TraceLane | null;
}

export const RULER_HEIGHT = 16;
export const LANE_HEIGHT = 15;
/** Room on the left for the lane names. */
export const LABEL_WIDTH = 160;

/** The window that shows every row, with a little room on each side. */
export function fitWindow(rows: readonly TraceRow[]): TimeWindow {
  if (rows.length === 0) return { startNs: 0, endNs: 1_000_000 };
  const first = rows[0].startNs;
  const last = rows[rows.length - 1].endNs;
  const span = Math.max(1_000, last - first);
  return { startNs: Math.max(0, first - span * 0.02), endNs: last + span * 0.02 };
}

/** Zooms by `factor` (< 1: in) around the time at fraction `at` (0..1) of the window. */
export function zoomWindow(w: TimeWindow, factor: number, at = 0.5): TimeWindow {
  const span = w.endNs - w.startNs;
  const next = Math.min(1e13, Math.max(100, span * factor)); // from 100 ns to hours across the pane
  const pivot = w.startNs + span * at;
  const startNs = Math.max(0, pivot - next * at);
  return { startNs, endNs: startNs + next };
}

/** Moves the window by `fraction` of its width (negative: earlier). */
export function panWindow(w: TimeWindow, fraction: number): TimeWindow {
  const span = w.endNs - w.startNs;
  const startNs = Math.max(0, w.startNs + span * fraction);
  return { startNs, endNs: startNs + span };
}

/** The first row whose end is at or after `ns` (rows are in time order). */
function firstRowFrom(rows: readonly TraceRow[], ns: number): number {
  let lo = 0, hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].endNs < ns) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A 1-2-5 step giving about `want` ticks across `span` ns. */
function tickStep(span: number, want: number): number {
  const raw = span / want;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

export function layoutTimeline(
  rows: readonly TraceRow[], window: TimeWindow, width: number, lanes: ReadonlySet<TraceLane>, selectedSeq: number | null,
): TimelineModel {
  const shown = LANE_LABELS.filter((l) => lanes.has(l.lane));
  const plot = Math.max(1, width - LABEL_WIDTH);
  const span = Math.max(1, window.endNs - window.startNs);
  const scale = plot / span;
  const xOf = (ns: number) => LABEL_WIDTH + (ns - window.startNs) * scale;
  const laneIndex = new Map<TraceLane, number>(shown.map((l, i) => [l.lane, i]));
  const out: TimelineLane[] = shown.map((l, i) => ({ lane: l.lane, name: l.name, y: RULER_HEIGHT + i * LANE_HEIGHT, marks: [], count: 0 }));
  const lastColumn = new Array<number>(shown.length).fill(-1);
  let selectedX: number | null = null;
  let selectedLane: TraceLane | null = null;
  for (let i = firstRowFrom(rows, window.startNs); i < rows.length; i++) {
    const r = rows[i];
    if (r.startNs > window.endNs) break;
    const li = laneIndex.get(r.lane);
    if (li === undefined) continue;
    const lane = out[li];
    lane.count++;
    const x = Math.max(LABEL_WIDTH, Math.floor(xOf(r.startNs)));
    const spanNs = r.event.kind === 'vm-exit' ? r.event.costNs : r.endNs - r.startNs;
    const w = Math.max(1, Math.round(spanNs * scale));
    if (selectedSeq !== null && selectedSeq >= r.firstSeq && selectedSeq <= r.lastSeq) {
      selectedX = x;
      selectedLane = r.lane;
    }
    if (x === lastColumn[li]) {
      const m = lane.marks[lane.marks.length - 1];
      m.count++;
      m.w = Math.max(m.w, w);
      continue;
    }
    lastColumn[li] = x;
    lane.marks.push({ x, w, row: i, count: 1 });
  }
  const ticks: { x: number; label: string }[] = [];
  const step = tickStep(span, Math.max(2, Math.floor(plot / 110)));
  for (let t = Math.ceil(window.startNs / step) * step; t <= window.endNs; t += step) {
    ticks.push({ x: Math.round(xOf(t)), label: tickLabel(t, step) });
  }
  return { width, height: RULER_HEIGHT + shown.length * LANE_HEIGHT, window, lanes: out, ticks, selectedX, selectedLane };
}

/** A tick's time, with as many decimals as the step needs. */
function tickLabel(ns: number, step: number): string {
  if (step >= 1e9) return `${(ns / 1e9).toFixed(0)} s`;
  if (step >= 1e6) return `${(ns / 1e9).toFixed(Math.max(0, 9 - Math.floor(Math.log10(step))))} s`;
  if (step >= 1e3) return `${(ns / 1e6).toFixed(Math.max(0, 6 - Math.floor(Math.log10(step))))} ms`;
  return `${(ns / 1e3).toFixed(3)} µs`;
}

/** The row nearest a click at (x, y), within `slop` px; -1 if none. */
export function rowAt(model: TimelineModel, x: number, y: number, slop = 6): number {
  const lane = model.lanes.find((l) => y >= l.y && y < l.y + LANE_HEIGHT);
  if (!lane) return -1;
  let best = -1, bestDistance = slop + 1;
  for (const m of lane.marks) {
    const d = x < m.x ? m.x - x : x > m.x + m.w ? x - (m.x + m.w) : 0;
    if (d < bestDistance) { best = m.row; bestDistance = d; }
  }
  return best;
}

/** The timeline in words, for a screen reader (the canvas's text alternative). */
export function describeTimeline(model: TimelineModel): string {
  const w = model.window;
  const lanes = model.lanes.map((l) => `${l.name}: ${l.count} ${l.count === 1 ? 'event' : 'events'}`).join('; ');
  return `Timeline from ${timeText(w.startNs)} s to ${timeText(w.endNs)} s (${durationText(Math.round(w.endNs - w.startNs))} shown). ${lanes || 'No lanes shown'}.`;
}
