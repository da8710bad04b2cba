// The check's figures as a chart: for each labelled stretch of the trace (the
// same work done through trapped registers, or through shared memory), how
// many VM exits it took and how much virtual time it spanned. Two rows of
// bars, each scaled to its own largest value, with the numbers written on
// them, so the comparison reads at a glance and the exact values are there.

import type { WindowFigures } from '../../protocol/lessons/lesson.ts';

interface Metric {
  name: string;
  value(f: WindowFigures): number;
  text(v: number): string;
}

const METRICS: Metric[] = [
  { name: 'VM exits', value: (f) => f.exits, text: (v) => String(v) },
  { name: 'Virtual time', value: (f) => f.spanNs, text: (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} ms` : `${(v / 1e3).toFixed(1)} µs`) },
];

const WIDTH = 320, BAR_H = 16, LABEL_H = 15, GAP = 6, HEAD = 20;
/** Room right of the longest bar for its value. */
const BAR_MAX = WIDTH - 76;
const ROW = LABEL_H + BAR_H + GAP;

export function FiguresChart({ figures }: { figures: WindowFigures[] }) {
  if (figures.length === 0) return null;
  const groupH = HEAD + figures.length * ROW;
  const height = METRICS.length * groupH + GAP;
  const summary = figures.map((f) => `${f.label}: ${f.exits} VM exits, ${METRICS[1]!.text(f.spanNs)}`).join('; ');
  return (
    <figure className="lesson-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Exits and virtual time per stretch: ${summary}`}>
        {METRICS.map((m, mi) => {
          const max = Math.max(1, ...figures.map(m.value));
          const top = mi * groupH;
          return (
            <g key={m.name} transform={`translate(0 ${top})`}>
              <text className="lesson-chart-title" x={0} y={13}>{m.name}</text>
              {figures.map((f, i) => {
                const y = HEAD + i * ROW;
                const v = m.value(f);
                const w = Math.max(2, (BAR_MAX * v) / max);
                return (
                  <g key={f.label} transform={`translate(0 ${y})`}>
                    <text className="lesson-chart-label" x={0} y={LABEL_H - 4}>{f.label}</text>
                    <rect className={`lesson-chart-bar lesson-chart-bar-${i % 3}`} x={0} y={LABEL_H} width={w} height={BAR_H} rx={3} />
                    <text className="lesson-chart-value" x={w + 6} y={LABEL_H + BAR_H - 4}>{m.text(v)}</text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>Each stretch of the trace the check measured: its VM exits, and the virtual time from its first event to its last.</figcaption>
    </figure>
  );
}
