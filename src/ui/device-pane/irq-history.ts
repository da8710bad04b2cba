// The stopwatch's IRQ line over virtual time, from the trace's irq-line
// events: the level segments a waveform draws, and the same in words for a
// screen reader ("IRQ 64 low · last rose at 2.104 s, fell at 2.105 s").

import type { TraceEvent } from '../../protocol/trace-events.ts';
import { seconds } from './device-format.ts';

export interface IrqEdge {
  timeNs: number;
  level: 0 | 1;
}

/** The edges among `events` (irq-line events of one line, oldest first). */
export function irqEdges(events: readonly TraceEvent[]): IrqEdge[] {
  const edges: IrqEdge[] = [];
  for (const e of events) if (e.kind === 'irq-line') edges.push({ timeNs: e.timeNs, level: e.level });
  return edges;
}

/** Level segments across [fromNs, toNs], from the edges (oldest first) and the level now (used when no edge says). */
export function irqSegments(edges: readonly IrqEdge[], fromNs: number, toNs: number, levelNow: boolean): { fromNs: number; toNs: number; level: 0 | 1 }[] {
  // The level at fromNs: what the last edge up to it set; before the first edge, the opposite of what that edge set.
  let level: 0 | 1 = levelNow ? 1 : 0;
  let i = 0;
  while (i < edges.length && edges[i].timeNs <= fromNs) level = edges[i++].level;
  if (i === 0 && edges.length > 0) level = edges[0].level === 1 ? 0 : 1;
  const out: { fromNs: number; toNs: number; level: 0 | 1 }[] = [];
  let t = fromNs;
  for (; i < edges.length && edges[i].timeNs <= toNs; i++) {
    if (edges[i].timeNs > t) out.push({ fromNs: t, toNs: edges[i].timeNs, level });
    t = edges[i].timeNs;
    level = edges[i].level;
  }
  out.push({ fromNs: t, toNs, level });
  return out;
}

/** The line in words: its level now and its last rise and fall. */
export function irqText(source: number, levelNow: boolean, edges: readonly IrqEdge[]): string {
  const rose = [...edges].reverse().find((e) => e.level === 1);
  const fell = [...edges].reverse().find((e) => e.level === 0);
  const parts = [`IRQ ${source} ${levelNow ? 'high' : 'low'}`];
  if (!rose && !fell) parts.push('no edge yet');
  else {
    const said: string[] = [];
    if (rose) said.push(`last rose at ${seconds(rose.timeNs)}`);
    if (fell) said.push(`fell at ${seconds(fell.timeNs)}`);
    parts.push(said.join(', '));
  }
  return parts.join(' · ');
}
