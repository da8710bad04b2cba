import { describe, expect, it } from 'vitest';
import type { TraceBody, TraceEvent } from '../trace-events.ts';
import { evaluateCheck } from './check.ts';
import type { CheckRule, LessonEvidence } from './lesson.ts';

/** A trace from bodies: seq from 0, 1 µs apart, each at pc 0x1000 + 4·seq. */
function trace(...bodies: TraceBody[]): TraceEvent[] {
  return bodies.map((b, seq) => ({ ...b, seq, timeNs: seq * 1000, pc: 0x1000 + 4 * seq }) as TraceEvent);
}

const writeCmd = (valueName: string): TraceBody => ({
  kind: 'mmio', access: 'trap', op: 'write', addr: 0x4000090, size: 4, value: 1, region: 'regs', device: 'stopwatch', offset: 0, reg: 'command', valueName,
});
const exit = (): TraceBody => ({ kind: 'vm-exit', device: 'stopwatch', region: 'regs', reg: 'command', op: 'write', costNs: 5000, callback: 'stopwatch_io_write' });
const passRead = (): TraceBody => ({ kind: 'mmio', access: 'passthrough', op: 'read', addr: 0x4000008, size: 4, value: 0, region: 'mem', device: 'stopwatch', offset: 8 });
const kcall = (name: string, into?: 'driver'): TraceBody => ({ kind: 'kcall', name, args: [], ...(into ? { into } : {}) });

const evidence = (t: TraceEvent[], extra: Partial<LessonEvidence> = {}): LessonEvidence => ({ trace: t, stops: [], device: null, ...extra });

describe("a lesson's check", () => {
  it('finds an event by its fields, a list of values or a regular expression, and counts it', () => {
    const t = trace(writeCmd('START'), exit(), writeCmd('PAUSE'), exit());
    const rule = (match: object, count?: object): CheckRule => ({ kind: 'event', match: { kind: 'mmio', ...match }, ...(count ? { count } : {}), missing: 'No such write.' });
    expect(evaluateCheck([rule({ valueName: 'START' })], evidence(t)).ok).toBe(true);
    expect(evaluateCheck([rule({ valueName: 'UPDATE' })], evidence(t)).rules[0]!.message).toBe('No such write.');
    expect(evaluateCheck([rule({ valueName: ['UPDATE', 'PAUSE'] })], evidence(t)).ok).toBe(true);
    expect(evaluateCheck([rule({ valueName: '/^pa/i' })], evidence(t)).ok).toBe(true);
    const counted = evaluateCheck([rule({ reg: 'command' }, { atMost: 1 })], evidence(t));
    expect(counted.ok).toBe(false);
    expect(counted.rules[0]!.message).toBe('No such write. (found 2, expected at most 1)');
  });

  it('follows a sequence in order, with other events between, and says how far it got', () => {
    const t = trace(writeCmd('START'), kcall('printk'), exit(), writeCmd('UPDATE'));
    const seq = (...names: string[]): CheckRule => ({ kind: 'sequence', steps: names.map((v) => ({ kind: 'mmio', valueName: v })), missing: 'Out of order.' });
    expect(evaluateCheck([seq('START', 'UPDATE')], evidence(t)).ok).toBe(true);
    const wrong = evaluateCheck([seq('UPDATE', 'START')], evidence(t));
    expect(wrong.ok).toBe(false);
    expect(wrong.rules[0]!.message).toBe('Out of order. (found the first 1 of 2 events in order)');
  });

  it('counts inside a stretch from one event to the next, and gives its figures for the chart', () => {
    const show = trace(kcall('stopwatch_time_read', 'driver'), writeCmd('UPDATE'), exit(), passRead(), passRead(), kcall('simple_read_from_buffer'));
    const rule: CheckRule = {
      kind: 'window', label: 'shared memory', missing: 'The copy took exits.',
      from: { kind: 'kcall', into: 'driver' }, to: { kind: 'kcall', name: 'simple_read_from_buffer' },
      expect: [{ match: { kind: 'vm-exit' }, atMost: 1 }, { match: { kind: 'mmio', access: 'passthrough' }, atLeast: 2 }],
    };
    const r = evaluateCheck([rule], evidence(show));
    expect(r.ok).toBe(true);
    expect(r.figures).toEqual([{ label: 'shared memory', exits: 1, passthrough: 2, exitNs: 5000, spanNs: 5000 }]);
    const byTraps = trace(kcall('stopwatch_time_read', 'driver'), writeCmd('UPDATE'), exit(), exit(), passRead(), kcall('simple_read_from_buffer'));
    const failed = evaluateCheck([rule], evidence(byTraps));
    expect(failed.ok).toBe(false);
    expect(failed.rules[0]!.message).toContain('in the last stretch: 2 vm-exit (expected at most 1), 1 mmio (expected at least 2)');
    expect(failed.figures[0]!.exits).toBe(2);
  });

  it('knows a step over the instruction that made the event from a stop somewhere else', () => {
    const t = trace(kcall('stopwatch_status_set'), writeCmd('START'), exit());
    const rule: CheckRule = { kind: 'stepped-over', match: { kind: 'mmio', reg: 'command' }, missing: 'Step over the store.' };
    const storePc = t[1]!.pc!;
    const steppedOver = evaluateCheck([rule], evidence(t, { stops: [{ pc: storePc, cause: 'event', lastSeq: 0 }, { pc: storePc + 4, cause: 'step', lastSeq: 2 }] }));
    expect(steppedOver.ok).toBe(true);
    const ranOver = evaluateCheck([rule], evidence(t, { stops: [{ pc: 0x1000, cause: 'breakpoint', lastSeq: -1 }, { pc: storePc + 4, cause: 'pause', lastSeq: 2 }] }));
    expect(ranOver.ok).toBe(false);
    expect(evaluateCheck([rule], evidence(t)).rules[0]!.message).toBe('Step over the store. (the hart has not stopped yet)');
  });

  it("reads a device register by its value's name or number", () => {
    const device = { status: { raw: 0, valueName: 'RUNNING' } };
    const rule = (is: string | number): CheckRule => ({ kind: 'device', register: 'status', is, missing: 'Start the stopwatch.' });
    expect(evaluateCheck([rule('RUNNING'), rule(0)], evidence([], { device })).ok).toBe(true);
    expect(evaluateCheck([rule('PAUSED')], evidence([], { device })).rules[0]!.message).toBe('Start the stopwatch. (status is RUNNING)');
    expect(evaluateCheck([rule('PAUSED')], evidence([])).rules[0]!.message).toBe('Start the stopwatch. (the device is not known yet)');
  });
});
