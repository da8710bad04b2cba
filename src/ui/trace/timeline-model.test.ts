import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { groupTrace } from '../../protocol/trace-group.ts';
import { LANE_LABELS, type TraceLane } from '../../protocol/trace-text.ts';
import { AA_TEXT, contrastRatio, parseColor } from '../contrast/wcag.ts';
import { LANE_COLORS, TIMELINE_THEME } from './lane-colors.ts';
import { describeTimeline, fitWindow, LABEL_WIDTH, layoutTimeline, panWindow, rowAt, zoomWindow } from './timeline-model.ts';
import { timelineSvg } from './timeline-svg.ts';

const ev = (seq: number, timeNs: number, body: object): TraceEvent => ({ seq, timeNs, ...body }) as TraceEvent;
const rows = groupTrace([
  ev(0, 1_000, { kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', reg: 'command', op: 'write', costNs: 5_000 }),
  ev(1, 6_000, { kind: 'mmio', access: 'trap', op: 'write', addr: 0x0400_0090, size: 4, value: 1, region: 'stopwatch-regs', device: 'stopwatch', offset: 0, reg: 'command', valueName: 'START' }),
  ev(2, 6_000, { kind: 'device-log', device: 'stopwatch', message: 'stopwatch_io_write: COMMAND value: 0x1 (START)' }),
  ev(3, 1_000_006_000, { kind: 'irq-line', line: 'stopwatch.timeout', level: 1, source: 64 }),
]);
const ALL = new Set<TraceLane>(LANE_LABELS.map((l) => l.lane));

describe('the timeline model', () => {
  it('puts each row in its lane, one mark per pixel column, and says so in words', () => {
    const m = layoutTimeline(rows, { startNs: 0, endNs: 20_000 }, LABEL_WIDTH + 200, ALL, 1);
    const lane = (l: TraceLane) => m.lanes.find((x) => x.lane === l)!;
    expect(lane('host').count).toBe(2);
    expect(lane('host').marks[0].w).toBe(50); // the exit's 5 µs at 100 ns a pixel
    expect(lane('bus').marks).toEqual([{ x: LABEL_WIDTH + 60, w: 1, row: 1, count: 1 }]);
    expect(lane('irq').count).toBe(0); // a second later: out of the window
    expect(m.selectedX).toBe(LABEL_WIDTH + 60);
    expect(describeTimeline(m)).toContain('Bus: 1 event; Device: 0 events; Host: 2 events');
    expect(m.ticks.length).toBeGreaterThan(0);
  });

  it('answers a click with the nearest row in the lane clicked', () => {
    const m = layoutTimeline(rows, { startNs: 0, endNs: 20_000 }, LABEL_WIDTH + 200, ALL, null);
    const bus = m.lanes.find((x) => x.lane === 'bus')!;
    expect(rowAt(m, LABEL_WIDTH + 63, bus.y + 5)).toBe(1);
    expect(rowAt(m, LABEL_WIDTH + 150, bus.y + 5)).toBe(-1);
  });

  it('fits, zooms about a point, and pans without going before time 0', () => {
    const fit = fitWindow(rows);
    expect(fit.startNs).toBe(0);
    expect(fit.endNs).toBeGreaterThan(1_000_006_000);
    const z = zoomWindow({ startNs: 0, endNs: 1000 }, 0.5, 0.5);
    expect(z).toEqual({ startNs: 250, endNs: 750 });
    expect(panWindow({ startNs: 100, endNs: 1100 }, -0.5)).toEqual({ startNs: 0, endNs: 1000 });
  });

  it('hides the lanes filtered out, and writes the same picture as SVG', () => {
    const m = layoutTimeline(rows, fitWindow(rows), 600, new Set<TraceLane>(['irq', 'bus']), 3);
    expect(m.lanes.map((l) => l.lane)).toEqual(['bus', 'irq']);
    const svg = timelineSvg(m);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('IRQ / PLIC (1)');
    expect(svg).toContain(LANE_COLORS.irq);
  });

  it('draws every lane in a colour that reads on the pane', () => {
    const bg = parseColor(TIMELINE_THEME.background)!;
    for (const color of [...Object.values(LANE_COLORS), TIMELINE_THEME.text]) expect(contrastRatio(parseColor(color)!, bg)).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
