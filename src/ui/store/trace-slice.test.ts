// The selected trace event: a click asks the worker where its pc is (with the
// access's return address, for an access inside __raw_writel), the answer is
// kept only while that event is still selected, and follow mode never asks.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

function store() {
  const sent: MachineCommand[] = [];
  return { s: create<PlaygroundState>()(playgroundState((c) => sent.push(c))), sent };
}

const start: TraceEvent = {
  seq: 7, timeNs: 100, pc: 0x8010_02d4, kind: 'mmio', access: 'trap', op: 'write', addr: 0x0400_0090, size: 4, value: 1,
  region: 'stopwatch-regs', device: 'stopwatch', offset: 0, reg: 'command', valueName: 'START', ra: 0x8010_0360,
};
const location = { file: 'stopwatch.c', line: 73, function: 'stopwatch_command' };

describe('trace slice', () => {
  it('locates a clicked event and keeps the answer for it', () => {
    const { s, sent } = store();
    s.getState().selectTraceEvent(start);
    expect(sent).toEqual([{ type: 'locate', pc: 0x8010_02d4, ra: 0x8010_0360 }]);
    s.getState().receive({ type: 'located', pc: 0x8010_02d4, location, code: [] });
    expect(s.getState().tracedSource).toEqual({ pc: 0x8010_02d4, location, code: [] });
  });

  it('drops a late answer for an event no longer selected, and does not ask in follow mode', () => {
    const { s, sent } = store();
    s.getState().selectTraceEvent(start);
    s.getState().selectTraceEvent({ ...start, seq: 9, pc: 0x8010_0400 }, false);
    s.getState().receive({ type: 'located', pc: 0x8010_02d4, location, code: [] });
    expect(s.getState().tracedSource).toBeNull();
    expect(sent).toHaveLength(1);
    s.getState().selectTraceEvent({ seq: 10, timeNs: 5, kind: 'printk', text: 'hello' });
    expect(s.getState().tracedSource).toBeNull();
  });

  it('keeps the device tree the worker sends for download', () => {
    const { s, sent } = store();
    s.getState().requestDtb();
    expect(sent).toEqual([{ type: 'export-dtb' }]);
    s.getState().receive({ type: 'dtb', dtb: new Uint8Array([0xd0, 0x0d, 0xfe, 0xed]), dts: '/dts-v1/;\n' });
    expect(s.getState().exportedDtb?.dts).toBe('/dts-v1/;\n');
  });
});
