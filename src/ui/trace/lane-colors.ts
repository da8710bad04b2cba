// One colour per lane, shared by the canvas and the SVG export. Each has a
// contrast of at least 4.5:1 on the pane's background (--panel, #161a22), so a
// mark reads as well as text does.

import type { TraceLane } from '../../protocol/trace-text.ts';

export const LANE_COLORS: Record<TraceLane, string> = {
  user: '#7ee787',
  kernel: '#79c0ff',
  cpu: '#d2a8ff',
  bus: '#f5c26b',
  device: '#ffa657',
  host: '#ff7b72',
  irq: '#56d4dd',
};

/** The pane's colours the timeline paints with (theme.css's --panel, --text-dim, --border, --focus). */
export const TIMELINE_THEME = { background: '#161a22', text: '#a8b0bf', grid: '#262c38', selected: '#ffffff', laneBand: '#1b2029' };
