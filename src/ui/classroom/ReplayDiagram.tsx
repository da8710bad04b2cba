// The replay's picture: the places one access (guest, bus, host) or one
// interrupt (device, PLIC, CPU, handler) passes through, a token standing for
// what travels, and the arrow of the hop being shown, labelled with the
// trace's words. The token glides from place to place (CSS transition, slower
// at a lower speed); with prefers-reduced-motion it jumps (replay.css).

import type { Hop, HopPlace, Journey } from './journey.ts';

const WIDTH = 800;
const HEIGHT = 226;
/** The token travels on a track under the boxes and their arrows. */
const TOKEN_Y = 206;
const BOX_W = 176;
const BOX_H = 70;
const ROW_Y = 96;

interface Place { id: HopPlace; title: string; sub: string; x: number }

/** The boxes of a journey, left to right, each with a short second line from the journey's own events. */
function placesOf(journey: Journey): Place[] {
  const xs = (n: number) => Array.from({ length: n }, (_, i) => 20 + BOX_W / 2 + (i * (WIDTH - 40 - BOX_W)) / (n - 1));
  if (journey.kind === 'access') {
    const [g, b, h] = xs(3);
    const host = journey.hops.find((hop) => hop.place === 'host')?.title.replace(/^Host: /, '') ?? 'device model';
    return [
      { id: 'guest', title: 'Guest CPU', sub: 'the store / load', x: g },
      { id: 'bus', title: 'Bus', sub: 'io region: exit', x: b },
      { id: 'host', title: 'Host', sub: host, x: h },
    ];
  }
  const [d, p, c, h] = xs(4);
  const handler = journey.hops.find((hop) => hop.place === 'handler')?.title.replace(/^Handler: ?/, '') || 'handler';
  return [
    { id: 'device', title: 'Device', sub: 'IRQ line', x: d },
    { id: 'plic', title: 'PLIC', sub: 'pending · claim', x: p },
    { id: 'cpu', title: 'CPU', sub: 'trap · scause', x: c },
    { id: 'handler', title: 'Handler', sub: handler, x: h },
  ];
}

/** A label that fits its box: long callback names are cut with an ellipsis (the caption has them whole). */
function fit(text: string, max = 21): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function ReplayDiagram({ journey, hop, speed }: { journey: Journey; hop: number; speed: number }) {
  const places = placesOf(journey);
  const xOf = (place: HopPlace) => places.find((p) => p.id === place)?.x ?? places[0].x;
  const current: Hop = journey.hops[hop];
  const previous: Hop | undefined = journey.hops[hop - 1];
  const x = xOf(current.place);
  const moveMs = Math.round(900 / speed);

  // The hop's arrow: from where the token was to where it is, above the boxes going right, below going left.
  let arrow: { d: string; labelX: number; labelY: number } | null = null;
  if (previous && previous.place !== current.place) {
    const x0 = xOf(previous.place);
    const right = x > x0;
    const y = right ? ROW_Y - BOX_H / 2 : ROW_Y + BOX_H / 2;
    const bend = right ? y - 44 : y + 44;
    arrow = { d: `M ${x0} ${y} Q ${(x0 + x) / 2} ${bend} ${x} ${y}`, labelX: (x0 + x) / 2, labelY: right ? bend + 2 : bend + 10 };
  }

  return (
    <svg className="replay-diagram" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={`${journey.title}. Hop ${hop + 1} of ${journey.hops.length}: ${current.title}.`}>
      <defs>
        <marker id="replay-arrow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="replay-arrow-head" />
        </marker>
      </defs>
      <line x1={places[0].x} y1={TOKEN_Y} x2={places[places.length - 1].x} y2={TOKEN_Y} className="replay-wire" />
      {places.map((p) => {
        const here = p.id === current.place;
        return (
          <g key={p.id} className={`replay-place${here ? ' replay-place-current' : ''}`} data-place={p.id}>
            <rect x={p.x - BOX_W / 2} y={ROW_Y - BOX_H / 2} width={BOX_W} height={BOX_H} rx={8} />
            <text x={p.x} y={ROW_Y - 7} textAnchor="middle" className="replay-place-title">{p.title}</text>
            <text x={p.x} y={ROW_Y + 20} textAnchor="middle" className="replay-place-sub">{fit(p.sub)}</text>
          </g>
        );
      })}
      {arrow && (
        <g className="replay-hop-arrow">
          <path d={arrow.d} markerEnd="url(#replay-arrow-head)" className={current.missing ? 'replay-path replay-path-missing' : 'replay-path'} />
          <text x={arrow.labelX} y={arrow.labelY} textAnchor="middle" className="replay-arrow-label">{fit(current.title, 34)}</text>
        </g>
      )}
      <g className={`replay-token${current.missing ? ' replay-token-missing' : ''}`}
        style={{ transform: `translate(${x}px, ${TOKEN_Y}px)`, transitionDuration: `${moveMs}ms` }}>
        <circle r={13} />
        <text y={5} textAnchor="middle">{current.missing ? '✗' : hop + 1}</text>
      </g>
    </svg>
  );
}
