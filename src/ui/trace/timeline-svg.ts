// The timeline as shown, as an SVG file: the same model the canvas draws
// (timeline-model.ts), written as text, so a student can put the picture in a
// report and it looks as it did on screen. Pure.

import { LANE_COLORS, TIMELINE_THEME } from './lane-colors.ts';
import { LABEL_WIDTH, LANE_HEIGHT, RULER_HEIGHT, describeTimeline, type TimelineModel } from './timeline-model.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function timelineSvg(model: TimelineModel): string {
  const { width, height } = model;
  const t = TIMELINE_THEME;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title>${escapeXml(describeTimeline(model))}</title>`,
    `<rect width="${width}" height="${height}" fill="${t.background}"/>`,
  ];
  for (const tick of model.ticks) {
    out.push(`<line x1="${tick.x}" y1="${RULER_HEIGHT - 4}" x2="${tick.x}" y2="${height}" stroke="${t.grid}"/>`);
    out.push(`<text x="${tick.x + 3}" y="${RULER_HEIGHT - 7}" fill="${t.text}">${escapeXml(tick.label)}</text>`);
  }
  model.lanes.forEach((lane, i) => {
    if (i % 2 === 0) out.push(`<rect x="0" y="${lane.y}" width="${width}" height="${LANE_HEIGHT}" fill="${t.laneBand}" fill-opacity="0.6"/>`);
    out.push(`<text x="6" y="${lane.y + LANE_HEIGHT / 2 + 4}" fill="${t.text}">${escapeXml(`${lane.name} (${lane.count})`)}</text>`);
    const color = LANE_COLORS[lane.lane];
    for (const m of lane.marks) {
      out.push(`<rect x="${m.x}" y="${lane.y + 2}" width="${Math.max(1, m.w)}" height="${LANE_HEIGHT - 4}" fill="${color}"/>`);
    }
  });
  out.push(`<line x1="${LABEL_WIDTH}" y1="${RULER_HEIGHT}" x2="${LABEL_WIDTH}" y2="${height}" stroke="${t.grid}"/>`);
  if (model.selectedX !== null) {
    out.push(`<line x1="${model.selectedX + 0.5}" y1="${RULER_HEIGHT}" x2="${model.selectedX + 0.5}" y2="${height}" stroke="${t.selected}" stroke-dasharray="3 2"/>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
