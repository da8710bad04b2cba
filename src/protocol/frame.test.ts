// What the Variables view marks as changed: a value that differs from the previous
// stop in the same call of the same function, nothing at a first stop or in a new call.
import { describe, expect, it } from 'vitest';
import { changedSince, type FrameView } from './frame.ts';

const frame = (frameAddr: number, sw: string): FrameView => ({
  function: 'stopwatch_time_read', frame: frameAddr,
  variables: [{ name: 'count', role: 'argument', type: 'size_t', value: '4096 (0x00001000)' }, { name: 'sw', role: 'local', type: 'struct stopwatch *', value: sw }],
});

describe('changedSince', () => {
  it('marks only the values that differ from the previous stop of the same frame', () => {
    const before = frame(0x80807f60, 'NULL'), after = frame(0x80807f60, '0x8080df10');
    expect(after.variables.map((v) => changedSince(before, after, v))).toEqual([false, true]);
    expect(after.variables.map((v) => changedSince(null, after, v))).toEqual([false, false]);
    const otherCall = frame(0x80807e00, '0x8080df10');
    expect(otherCall.variables.map((v) => changedSince(before, otherCall, v))).toEqual([false, false]);
  });
});
