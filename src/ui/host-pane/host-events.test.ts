// The Host pane names each exit by its callback, and finds the exit a
// selected event belongs to.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { exitText, selectedExitSeq, type ExitEvent } from './host-events.ts';

const exit = (seq: number, op: 'read' | 'write', reg: string, callback?: string): ExitEvent =>
  ({ seq, timeNs: seq, kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', reg, op, costNs: 5000, callback });

describe('the Host pane on exits', () => {
  it('names the callback that handled each exit', () => {
    expect(exitText(exit(1, 'write', 'command', 'stopwatch_io_write'))).toBe('write command → stopwatch_io_write');
    expect(exitText(exit(1, 'read', 'status'))).toBe('read status → stopwatch_io_read');
  });

  it('selects the exit itself, or the one a trapped access or a host log line came from', () => {
    const exits = [exit(10, 'write', 'command'), exit(20, 'read', 'status')];
    const access: TraceEvent = { seq: 21, timeNs: 21, kind: 'mmio', access: 'trap', op: 'read', addr: 0, size: 4, value: 0, region: 'stopwatch-regs', device: 'stopwatch', offset: 8 };
    const log: TraceEvent = { seq: 12, timeNs: 12, kind: 'device-log', device: 'stopwatch', message: 'stopwatch_io_write: COMMAND value: 0x1 (START)' };
    expect(selectedExitSeq(exits, exits[0])).toBe(10);
    expect(selectedExitSeq(exits, access)).toBe(20);
    expect(selectedExitSeq(exits, log)).toBe(10);
    expect(selectedExitSeq(exits, { ...access, access: 'passthrough' })).toBeNull();
    expect(selectedExitSeq(exits, null)).toBeNull();
  });
});
