// The timeline: one canvas, a lane per part of the system on a virtual-time
// axis. Zoom with the wheel or +/-, pan by dragging or with the arrow keys,
// "Fit" shows everything (and keeps following new events until you zoom or
// pan). A click selects the nearest event. It is drawn from the model
// (timeline-model.ts) at most once per frame, and its text alternative says
// what window is shown and how many events each lane has there.

import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { TraceLane } from '../../protocol/trace-text.ts';
import { LANE_COLORS, TIMELINE_THEME } from './lane-colors.ts';
import {
  describeTimeline, fitWindow, LABEL_WIDTH, LANE_HEIGHT, layoutTimeline, panWindow, RULER_HEIGHT, rowAt, zoomWindow,
  type TimelineModel, type TimeWindow,
} from './timeline-model.ts';
import { traceRows } from './use-trace-rows.ts';

export interface TimelineHandle {
  /** The model last drawn (the SVG export writes it). */
  model(): TimelineModel | null;
  fit(): void;
}

interface TimelineProps {
  version: number;
  lanes: ReadonlySet<TraceLane>;
  selectedSeq: number | null;
  onSelectRow(index: number): void;
  ref?: Ref<TimelineHandle>;
}

const ZOOM_STEP = 1.5;

export function Timeline({ version, lanes, selectedSeq, onSelectRow, ref }: TimelineProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  /** null: fit to the whole trace, following it as it grows. */
  const [manual, setManual] = useState<TimeWindow | null>(null);
  const drawn = useRef<TimelineModel | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(LABEL_WIDTH + 50, Math.floor(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Recomputed when the rows, the window, the size, the lanes or the selection change: at most once a frame.
  const model = useMemo(() => {
    const rows = traceRows().rows;
    return layoutTimeline(rows, manual ?? fitWindow(rows), width, lanes, selectedSeq);
    // `version` stands for the rows, which live outside React.
  }, [version, manual, width, lanes, selectedSeq]);

  useEffect(() => {
    drawn.current = model;
    const c = canvas.current;
    if (c) draw(c, model);
  }, [model]);

  const fit = useCallback(() => setManual(null), []);
  useImperativeHandle(ref, () => ({ model: () => drawn.current, fit }), [fit]);

  const zoom = useCallback((factor: number, at = 0.5) => setManual(zoomWindow(drawn.current!.window, factor, at)), []);
  const pan = useCallback((fraction: number) => setManual(panWindow(drawn.current!.window, fraction)), []);

  // The wheel zooms about the pointer; a native listener, since React's is passive and the page would scroll.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const onWheel = (e: WheelEvent) => {
      const m = drawn.current;
      if (!m) return;
      e.preventDefault();
      const x = e.clientX - c.getBoundingClientRect().left;
      const at = Math.min(1, Math.max(0, (x - LABEL_WIDTH) / (m.width - LABEL_WIDTH)));
      zoom(e.deltaY > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at);
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const drag = useRef<{ x: number; window: TimeWindow; moved: boolean } | null>(null);
  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawn.current) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, window: drawn.current.window, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    const m = drawn.current;
    if (!d || !m) return;
    const dx = e.clientX - d.x;
    if (Math.abs(dx) < 3 && !d.moved) return;
    d.moved = true;
    setManual(panWindow(d.window, -dx / (m.width - LABEL_WIDTH)));
  };
  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    const m = drawn.current;
    if (!d || d.moved || !m) return;
    const r = e.currentTarget.getBoundingClientRect();
    const row = rowAt(m, e.clientX - r.left, e.clientY - r.top);
    if (row >= 0) onSelectRow(row);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      '+': () => zoom(1 / ZOOM_STEP), '=': () => zoom(1 / ZOOM_STEP), '-': () => zoom(ZOOM_STEP),
      ArrowLeft: () => pan(-0.1), ArrowRight: () => pan(0.1), '0': fit, f: fit,
    };
    const act = keys[e.key];
    if (!act || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    act();
  };

  const summary = describeTimeline(model);
  return (
    <div className="trace-timeline" ref={box}>
      <canvas
        ref={canvas}
        role="img"
        tabIndex={0}
        aria-label={summary}
        aria-describedby="trace-timeline-keys"
        style={{ width: `${model.width}px`, height: `${model.height}px` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <p id="trace-timeline-keys" className="visually-hidden">
        Plus and minus zoom, the arrow keys move along the time axis, 0 fits the whole trace. The event list below holds every event as text.
      </p>
    </div>
  );
}

function draw(c: HTMLCanvasElement, m: TimelineModel): void {
  const ratio = globalThis.devicePixelRatio || 1;
  const pw = Math.round(m.width * ratio), ph = Math.round(m.height * ratio);
  if (c.width !== pw) c.width = pw;
  if (c.height !== ph) c.height = ph;
  const g = c.getContext('2d');
  if (!g) return;
  const t = TIMELINE_THEME;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.fillStyle = t.background;
  g.fillRect(0, 0, m.width, m.height);
  g.font = '11px system-ui, sans-serif';
  g.textBaseline = 'middle';
  m.lanes.forEach((lane, i) => {
    if (i % 2 === 0) {
      g.fillStyle = t.laneBand;
      g.fillRect(0, lane.y, m.width, LANE_HEIGHT);
    }
  });
  g.strokeStyle = t.grid;
  g.fillStyle = t.text;
  g.lineWidth = 1;
  for (const tick of m.ticks) {
    g.beginPath();
    g.moveTo(tick.x + 0.5, RULER_HEIGHT - 4);
    g.lineTo(tick.x + 0.5, m.height);
    g.stroke();
    g.fillText(tick.label, tick.x + 3, RULER_HEIGHT / 2 - 1);
  }
  for (const lane of m.lanes) {
    g.fillStyle = t.text;
    g.fillText(`${lane.name} (${lane.count})`, 6, lane.y + LANE_HEIGHT / 2);
    g.fillStyle = LANE_COLORS[lane.lane];
    for (const mark of lane.marks) g.fillRect(mark.x, lane.y + 2, mark.w, LANE_HEIGHT - 4);
  }
  g.strokeStyle = t.grid;
  g.beginPath();
  g.moveTo(LABEL_WIDTH + 0.5, RULER_HEIGHT);
  g.lineTo(LABEL_WIDTH + 0.5, m.height);
  g.stroke();
  if (m.selectedX !== null) {
    g.strokeStyle = t.selected;
    g.setLineDash([3, 2]);
    g.beginPath();
    g.moveTo(m.selectedX + 0.5, RULER_HEIGHT);
    g.lineTo(m.selectedX + 0.5, m.height);
    g.stroke();
    g.setLineDash([]);
    const lane = m.lanes.find((l) => l.lane === m.selectedLane);
    if (lane) g.strokeRect(m.selectedX - 2.5, lane.y + 1.5, 6, LANE_HEIGHT - 3);
  }
}
