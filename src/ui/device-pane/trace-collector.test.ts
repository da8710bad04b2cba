// The panes' event lists follow the trace ring incrementally: new events are
// added, the oldest go past the limit, and a trace that starts over empties them.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { TraceBuffer } from '../trace/trace-buffer.ts';
import { TraceCollector } from './trace-collector.ts';

const exit = (seq: number): TraceEvent => ({ seq, timeNs: seq * 10, kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', op: 'write', costNs: 5000 });
const uart = (seq: number): TraceEvent => ({ seq, timeNs: seq * 10, kind: 'uart', dir: 'tx', byte: 65 });
const isExit = (e: TraceEvent) => e.kind === 'vm-exit';
const manual = () => new TraceBuffer(8, () => {});

describe('TraceCollector', () => {
  it('keeps the matching events, reading only what is new, bounded to the newest', () => {
    const buffer = manual();
    const c = new TraceCollector(isExit, 3);
    buffer.push([exit(0), uart(1), exit(2)], 0);
    expect(c.update(buffer)).toBe(true);
    expect(c.events.map((e) => e.seq)).toEqual([0, 2]);
    expect(c.update(buffer)).toBe(false); // nothing new
    buffer.push([uart(3), uart(4)], 0);
    expect(c.update(buffer)).toBe(false);
    buffer.push([exit(5), exit(6), exit(7)], 0);
    expect(c.update(buffer)).toBe(true);
    expect(c.events.map((e) => e.seq)).toEqual([5, 6, 7]);
  });

  it('goes on after the ring dropped events it had not read, and starts over with the trace', () => {
    const buffer = manual();
    const c = new TraceCollector(isExit, 10);
    buffer.push([exit(0)], 0);
    c.update(buffer);
    buffer.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(exit), 0); // 11 events in a ring of 8: 0..2 are gone
    c.update(buffer);
    expect(c.events.map((e) => e.seq)).toEqual([0, 3, 4, 5, 6, 7, 8, 9, 10]);

    buffer.clear();
    buffer.push([exit(0)], 0); // a reboot: the sequence starts again
    expect(c.update(buffer)).toBe(true);
    expect(c.events.map((e) => e.seq)).toEqual([0]);
  });
});
