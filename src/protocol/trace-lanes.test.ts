// Every event kind has a lane, and run-to-event targets match what they say.

import { describe, expect, it } from 'vitest';
import { TRACE_KINDS, type TraceBody } from './trace-events.ts';
import { describeEventStepTarget, isEventStepTarget, laneOf, TRACE_LANES } from './trace-lanes.ts';

const rise: TraceBody = { kind: 'irq-line', line: 'stopwatch', level: 1, source: 64 };
const fall: TraceBody = { kind: 'irq-line', line: 'stopwatch', level: 0, source: 64 };
const write: TraceBody = { kind: 'mmio', access: 'trap', op: 'write', addr: 0x4000090, size: 4, value: 1, region: 'stopwatch-regs', device: 'stopwatch', offset: 0, reg: 'command' };

describe('trace lanes', () => {
  it('puts each kind of event in one of the seven lanes', () => {
    const sample: Record<string, TraceBody> = {
      insn: { kind: 'insn', insn: 0x13 }, mmio: write, 'vm-exit': { kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', op: 'write', costNs: 5000 },
      'vm-entry': { kind: 'vm-entry', device: 'stopwatch' }, 'device-log': { kind: 'device-log', device: 'stopwatch', message: 'x' },
      'irq-line': rise, plic: { kind: 'plic', action: 'claim', source: 64 },
      trap: { kind: 'trap', interrupt: true, cause: 9, causeName: 'supervisor external interrupt', epc: 0, tval: 0, mode: 'S' },
      'trap-return': { kind: 'trap-return', pc: 0, mode: 'S', via: 'sret' }, kcall: { kind: 'kcall', name: 'printk', args: [] },
      printk: { kind: 'printk', text: 'hi' }, timer: { kind: 'timer', action: 'arm', owner: 'stopwatch', deadlineNs: 1 },
      'device-error': { kind: 'device-error', device: 'stopwatch', message: 'x' }, uart: { kind: 'uart', dir: 'tx', byte: 65 },
    };
    expect(Object.keys(sample).sort()).toEqual([...TRACE_KINDS].sort());
    const lanes = Object.fromEntries(Object.entries(sample).map(([k, e]) => [k, laneOf(e)]));
    expect(lanes).toEqual({
      insn: 'cpu', mmio: 'bus', 'vm-exit': 'host', 'vm-entry': 'host', 'device-log': 'host', 'irq-line': 'irq', plic: 'irq',
      trap: 'cpu', 'trap-return': 'cpu', kcall: 'kernel', printk: 'kernel', timer: 'device', 'device-error': 'device', uart: 'user',
    });
    for (const lane of Object.values(lanes)) expect(TRACE_LANES).toContain(lane);
  });

  it('an IRQ is a line rising, not falling; a lane target matches its lane only', () => {
    expect(isEventStepTarget('irq', rise)).toBe(true);
    expect(isEventStepTarget('irq', fall)).toBe(false);
    expect(isEventStepTarget({ lane: 'bus' }, write)).toBe(true);
    expect(isEventStepTarget({ lane: 'irq' }, write)).toBe(false);
    expect(describeEventStepTarget({ lane: 'irq' })).toBe('the next event in the IRQ / PLIC lane');
  });
});
