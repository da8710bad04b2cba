import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { TraceBuffer } from './trace-buffer.ts';

const event = (seq: number): TraceEvent => ({ seq, timeNs: seq * 10, kind: 'uart', dir: 'tx', byte: 65 });
const now = (run: () => void) => run();

describe('TraceBuffer', () => {
  it('keeps events oldest first and finds them by sequence number', () => {
    const b = new TraceBuffer(8, now);
    b.push([event(0), event(1), event(2)], 0);
    expect(b.size).toBe(3);
    expect([b.at(0).seq, b.at(2).seq]).toEqual([0, 2]);
    expect(b.indexOfSeq(1)).toBe(1);
    expect(b.indexOfSeq(7)).toBe(-1);
  });

  it('stays bounded in a storm, drops the oldest and counts them with the worker\'s drops', () => {
    const b = new TraceBuffer(4, now);
    for (let i = 0; i < 10; i++) b.push([event(i)], 3);
    expect(b.size).toBe(4);
    expect(b.at(0).seq).toBe(6);
    expect(b.latest()?.seq).toBe(9);
    expect(b.indexOfSeq(8)).toBe(2);
    expect(b.indexOfSeq(2)).toBe(-1);
    expect(b.dropped).toBe(6 + 3);
  });

  it('tells listeners once per scheduled frame, however many batches came', () => {
    const frames: (() => void)[] = [];
    const b = new TraceBuffer(16, (run) => frames.push(run));
    let told = 0;
    b.subscribe(() => told++);
    b.push([event(0)], 0);
    b.push([event(1)], 0);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(told).toBe(1);
  });

  it('starts over on clear', () => {
    const b = new TraceBuffer(4, now);
    for (let i = 0; i < 6; i++) b.push([event(i)], 1);
    b.clear();
    expect(b.size).toBe(0);
    expect(b.dropped).toBe(0);
    expect(b.latest()).toBeUndefined();
  });
});
