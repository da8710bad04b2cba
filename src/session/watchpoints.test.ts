// Data watchpoints through a session, as a debugger uses them: the run stops
// right after each watched access with the instruction's pc, the address and
// the values, Run goes on to the next one, and the stops are the same with
// the translator on and off (watched code never runs translated).

import { describe, expect, it } from 'vitest';
import type { StopReason } from '../protocol/stop-reason.ts';
import { describeStop } from '../protocol/stop-reason.ts';
import type { Watchpoint } from '../protocol/watchpoints.ts';
import { buildAndLoad } from './build.ts';
import { createVirtBoard } from './create-board.ts';
import { Session } from './session.ts';

const PROGRAM = `
#define COUNTER ((volatile int *)0x80100000)
#define OTHER ((volatile int *)0x80100010)
int main(void) {
  *COUNTER = 0;
  for (int i = 1; i <= 4; i++) {
    *OTHER = i;                 /* never watched: must not stop */
    *COUNTER = *COUNTER + i;
  }
  return *COUNTER == 10 ? 0 : 1;
}
`;

/** Runs to the end, collecting every stop (a paused stop is resumed with Run). */
function stopsOf(jit: boolean, watchpoints: Watchpoint[]): StopReason[] {
  const session = new Session(() => createVirtBoard());
  session.setJit(jit);
  const build = buildAndLoad(session, 'watch.c', PROGRAM);
  expect(build.diagnostics.map((d) => d.text)).toEqual([]);
  session.setWatchpoints(watchpoints);
  const stops: StopReason[] = [];
  for (let round = 0; round < 50; round++) {
    session.start(0);
    for (let i = 0; i < 1000 && session.state === 'running'; i++) session.runSlice(100_000, 0);
    stops.push(session.stop!);
    if (session.state === 'halted') break;
  }
  return stops;
}

describe('data watchpoints', () => {
  it('a write watchpoint stops after each store, with old and new values, then the program ends normally', () => {
    const stops = stopsOf(false, [{ addr: 0x80100000, len: 4, kind: 'write' }]);
    const hits = stops.filter((s) => s.reason === 'watchpoint').map((s) => s.reason === 'watchpoint' && s.hit);
    expect(hits.map((h) => h && [h.access, h.value, h.old])).toEqual([
      ['write', 0, expect.any(Number)], ['write', 1, 0], ['write', 3, 1], ['write', 6, 3], ['write', 10, 6],
    ]);
    for (const h of hits) expect(h && h.addr).toBe(0x80100000);
    expect(stops.at(-1)).toEqual({ reason: 'poweroff', exitCode: 0 });
    expect(describeStop(stops[1])).toMatch(/^Stopped by the watchpoint at 0x80100000: write of 0x1 \(was 0x0\) at 0x80100000 \(4 bytes\) by the instruction at 0x8[0-9a-f]{7}\.$/);
  });

  it('a read watchpoint stops on loads only; an access watchpoint on both', () => {
    const reads = stopsOf(false, [{ addr: 0x80100000, len: 4, kind: 'read' }]).filter((s) => s.reason === 'watchpoint');
    expect(reads.length).toBe(5); // four loads in the loop and the one in the return
    for (const s of reads) expect(s.reason === 'watchpoint' && s.hit.access).toBe('read');
    const both = stopsOf(false, [{ addr: 0x80100000, len: 4, kind: 'access' }]).filter((s) => s.reason === 'watchpoint');
    expect(both.length).toBe(10);
  });

  it('behaves identically with the translator on', () => {
    const w: Watchpoint[] = [{ addr: 0x80100000, len: 4, kind: 'access' }];
    expect(stopsOf(true, w)).toEqual(stopsOf(false, w));
  });

  it('with the watchpoints cleared, the same program runs to its end without a stop', () => {
    expect(stopsOf(true, [])).toEqual([{ reason: 'poweroff', exitCode: 0 }]);
  });
});
