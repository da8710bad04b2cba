// The keeper drops events, so it must never change a verdict: a real run's
// whole trace and the part the keeper kept give the same check result (rules,
// messages, window figures), and the cap is honest about what it cut.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guestDriver } from '../../../tests/support/guest-modules.ts';
import { GuestSystem } from '../../guest/system.ts';
import { evaluateCheck } from '../../protocol/lessons/check.ts';
import { parseLesson } from '../../protocol/lessons/front-matter.ts';
import type { CheckRule } from '../../protocol/lessons/lesson.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { TraceKeeper } from './trace-keeper.ts';

const FIXTURES = join(__dirname, '../../../tests/lessons/fixtures/lessons');
const fixture = (file: string) => parseLesson(file, readFileSync(join(FIXTURES, file), 'utf8'));

/** The whole trace of the stock driver booted and driven through start, show, a timeout and pause. */
async function wholeTrace(): Promise<TraceEvent[]> {
  const trace: TraceEvent[] = [];
  const sys: GuestSystem = new GuestSystem({ modules: [guestDriver('stopwatch/stopwatch.c')], onSlices: () => { trace.push(...sys.board.tracer.drain()); } });
  sys.board.tracer.enabled = true;
  await sys.boot();
  for (const c of ['/guest_fs/stopwatch_ctrl.sh start', '/guest_fs/stopwatch_ctrl.sh show', '/guest_fs/stopwatch_ctrl.sh timeout 1', 'sleep 2',
    '/guest_fs/stopwatch_ctrl.sh pause']) await sys.execute(c);
  trace.push(...sys.board.tracer.drain());
  expect(sys.board.tracer.dropped).toBe(0);
  return trace;
}

describe('TraceKeeper', () => {
  it('keeps few events, and the check reads them exactly as it reads the whole trace', async () => {
    const trace = await wholeTrace();
    const device = { status: { raw: 2, valueName: 'PAUSED' } };
    // A rule that fails too: its message ("found …") must come out the same.
    const failing: CheckRule = { kind: 'event', match: { kind: 'vm-exit' }, count: { atMost: 3 }, missing: 'Too many exits.' };
    // A window whose own counts name none of the exits and accesses its figures count.
    const wide: CheckRule = {
      kind: 'window', label: 'start to pause', missing: 'no window',
      from: { kind: 'mmio', access: 'trap', op: 'write', reg: 'command', valueName: 'START' },
      to: { kind: 'mmio', access: 'trap', op: 'write', reg: 'command', valueName: 'PAUSE' },
      expect: [{ match: { kind: 'printk' }, atLeast: 1 }],
    };
    for (const rules of [fixture('05-show-path.md').check, fixture('04-interrupts.md').check, [failing], [wide]]) {
      const keeper = new TraceKeeper(rules);
      for (const e of trace) keeper.offer(e);
      expect(keeper.seen).toBe(trace.length);
      expect(keeper.trace.length).toBeLessThan(trace.length / 2);
      expect(evaluateCheck(rules, { trace: keeper.trace, stops: [], device })).toEqual(evaluateCheck(rules, { trace, stops: [], device }));
    }
    const whole = new TraceKeeper([wide]);
    for (const e of trace) whole.offer(e);
    expect(evaluateCheck([wide], { trace: whole.trace, stops: [], device }).figures[0]!.exits).toBeGreaterThan(4);
    const show = new TraceKeeper(fixture('05-show-path.md').check);
    for (const e of trace) show.offer(e);
    expect(evaluateCheck(fixture('05-show-path.md').check, { trace: show.trace, stops: [], device }).figures[0]).toMatchObject({ label: 'show (shared memory)', exits: 0 });
  }, 60_000);

  it("judges an event only once its slice is over: a service call's ret is written after it is recorded", () => {
    const keeper = new TraceKeeper([{ kind: 'event', match: { kind: 'kcall', name: 'platform_get_irq', ret: 3 }, missing: 'no irq' }]);
    const call: TraceEvent = { seq: 0, timeNs: 0, kind: 'kcall', name: 'platform_get_irq', args: [0, 0] };
    keeper.record(call);
    call.ret = 3; // the service returned, later in the same slice
    keeper.settle();
    expect(keeper.trace).toEqual([call]);
  });

  it('stops keeping at its cap and counts what it did not keep', () => {
    const keeper = new TraceKeeper([{ kind: 'event', match: { kind: 'printk' }, missing: 'no log' }], 2);
    const at = (seq: number, kind: 'printk' | 'uart'): TraceEvent => (kind === 'printk' ? { seq, timeNs: seq, kind, text: `line ${seq}` } : { seq, timeNs: seq, kind, dir: 'tx', byte: 65 });
    [at(0, 'printk'), at(1, 'uart'), at(2, 'printk'), at(3, 'printk'), at(4, 'printk')].forEach((e) => keeper.offer(e));
    expect(keeper.trace.map((e) => e.seq)).toEqual([0, 2]);
    expect(keeper.cut).toBe(2);
    expect(keeper.seen).toBe(5);
  });
});
