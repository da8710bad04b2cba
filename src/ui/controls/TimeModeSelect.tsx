// How virtual time runs: fast-forward (an idle hart jumps to its next timer),
// real time (it waits for the wall clock), or slow motion (real time divided
// by 10 or 100, to watch timer interrupts and device activity happen).

import type { SpeedMode } from '../../protocol/messages.ts';
import { usePlayground } from '../store/store.ts';

const SLOWDOWNS = [10, 100];

function valueOf(speed: SpeedMode, slowdown: number): string {
  if (speed === 'fast') return 'fast';
  return slowdown === 1 ? 'realtime' : `slow-${slowdown}`;
}

export function TimeModeSelect() {
  const speed = usePlayground((s) => s.speed);
  const slowdown = usePlayground((s) => s.slowdown);
  const setSpeed = usePlayground((s) => s.setSpeed);
  const slowdowns = SLOWDOWNS.includes(slowdown) || slowdown === 1 ? SLOWDOWNS : [...SLOWDOWNS, slowdown].sort((a, b) => a - b);
  const choose = (value: string) => {
    if (value === 'fast' || value === 'realtime') setSpeed(value);
    else setSpeed('realtime', Number(value.slice('slow-'.length)));
  };
  return (
    <label className="speed" title="Fast-forward: an idle CPU jumps to its next timer. Real time: it waits for the wall clock. Slow motion: real time, N times slower.">
      <span>Time</span>
      <select value={valueOf(speed, slowdown)} aria-label="Virtual time" onChange={(e) => choose(e.target.value)}>
        <option value="fast">fast-forward</option>
        <option value="realtime">real time</option>
        {slowdowns.map((n) => <option key={n} value={`slow-${n}`}>slow motion ×{n}</option>)}
      </select>
    </label>
  );
}
