import { describe, expect, it } from 'vitest';
import { TRACE_KINDS, type TraceBody, type TraceEvent, type TraceKind } from './trace-events.ts';
import { describeTraceEvent, durationText, laneOf, quotedBytes } from './trace-text.ts';

const at = (body: TraceBody, pc?: number): TraceEvent => ({ seq: 1, timeNs: 100, ...(pc === undefined ? {} : { pc }), ...body }) as TraceEvent;
const mmio = { kind: 'mmio', addr: 0x0400_0090, region: 'stopwatch-regs', device: 'stopwatch', offset: 0 } as const;

/** One event of every kind, with the text a student reads for it. */
const EXAMPLES: Record<TraceKind, [TraceEvent, string][]> = {
  'insn': [[at({ kind: 'insn', insn: 0x00150513, text: 'addi a0,a0,1' }, 0x8000_0010), 'insn 0x80000010 addi a0,a0,1']],
  'mmio': [
    [at({ ...mmio, access: 'trap', op: 'write', size: 4, value: 1, reg: 'command', valueName: 'START' }), 'exit · write command = START (1)'],
    [at({ ...mmio, access: 'trap', op: 'read', size: 4, value: 64, region: 'plic', device: 'plic', reg: 'claim[1]' }), 'exit · read claim[1] = 0x40'],
    [at({ ...mmio, access: 'passthrough', op: 'read', size: 4, value: 13, region: 'stopwatch-mem', reg: 'data_len' }), 'pass-through · read data_len = 0xd'],
    [at({ ...mmio, access: 'passthrough', op: 'read', size: 1, value: 0x31, region: 'stopwatch-mem', reg: 'data[0]' }), 'pass-through · read data[0] = 0x31 "1"'],
  ],
  'vm-exit': [[at({ kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', reg: 'command', op: 'write', costNs: 5000 }), 'vm exit → stopwatch write command (5 µs)']],
  'vm-entry': [[at({ kind: 'vm-entry', device: 'stopwatch' }), 'vm entry ← stopwatch: back to the guest']],
  'device-log': [[at({ kind: 'device-log', device: 'stopwatch', message: 'stopwatch_io_write: COMMAND value: 0x1 (START)' }), 'host · stopwatch_io_write: COMMAND value: 0x1 (START)']],
  'irq-line': [
    [at({ kind: 'irq-line', line: 'stopwatch.timeout', level: 1, source: 64 }), 'irq 64 ↑ (stopwatch.timeout)'],
    [at({ kind: 'irq-line', line: 'stopwatch.timeout', level: 0, source: 64 }), 'irq 64 ↓ (stopwatch.timeout)'],
    [at({ kind: 'irq-line', line: 'uart0', level: 1 }), 'irq uart0 ↑'],
  ],
  'plic': [
    [at({ kind: 'plic', action: 'claim', source: 64, context: 1 }), 'plic claim 64'],
    [at({ kind: 'plic', action: 'complete', source: 64, context: 1 }), 'complete 64'],
    [at({ kind: 'plic', action: 'pending', source: 64 }), 'plic pending 64'],
  ],
  'trap': [
    [at({ kind: 'trap', interrupt: true, cause: 9, causeName: 'supervisor external interrupt', epc: 0x8000_009c, tval: 0, mode: 'S' }), 'trap scause=0x80000009 (supervisor external interrupt)'],
    [at({ kind: 'trap', interrupt: false, cause: 13, causeName: 'load page fault', epc: 0x8000_009c, tval: 0, mode: 'M' }), 'trap mcause=0xd (load page fault)'],
  ],
  'trap-return': [[at({ kind: 'trap-return', pc: 0x8000_009c, mode: 'S', via: 'sret' }), 'sret → 0x8000009c (S-mode)']],
  'kcall': [
    [at({ kind: 'kcall', name: 'ioremap', args: [0x0400_0090, 0x10], ret: 0xc000_1000 }), 'kcall ioremap(0x4000090, 0x10) = 0xc0001000'],
    [at({ kind: 'kcall', name: 'stopwatch_timeout_irq', args: [3, 0x8081_0000], into: 'irq-handler' }), 'irq handler stopwatch_timeout_irq(3, 0x80810000)'],
    [at({ kind: 'kcall', name: 'stopwatch_probe', args: [0x8081_0000], into: 'driver' }), 'call stopwatch_probe(0x80810000)'],
  ],
  'printk': [[at({ kind: 'printk', text: 'stopwatch: timeout interrupt 1' }), 'printk stopwatch: timeout interrupt 1']],
  'timer': [
    [at({ kind: 'timer', action: 'arm', owner: 'stopwatch', deadlineNs: 1_000_035_945 }), 'timer arm stopwatch: fires at 1.000036 s'],
    [at({ kind: 'timer', action: 'fire', owner: 'stopwatch', deadlineNs: 1_000_035_945 }), 'timer fire stopwatch'],
  ],
  'device-error': [[at({ kind: 'device-error', device: 'stopwatch', message: 'command is write-only', reg: 'command', value: 0 }), 'device error · stopwatch: command is write-only']],
  'uart': [[at({ kind: 'uart', dir: 'tx', byte: 0x0a }), 'uart tx "\\n"']],
};

describe('describeTraceEvent', () => {
  it('has words for every kind of event', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...TRACE_KINDS].sort());
  });

  for (const kind of TRACE_KINDS) {
    it(`reads a ${kind} event`, () => {
      for (const [event, text] of EXAMPLES[kind]) expect(describeTraceEvent(event)).toBe(text);
    });
  }

  it('puts each kind in its lane', () => {
    expect(laneOf(EXAMPLES.uart[0][0])).toBe('user');
    expect(laneOf(EXAMPLES.kcall[0][0])).toBe('kernel');
    expect(laneOf(EXAMPLES.trap[0][0])).toBe('cpu');
    expect(laneOf(EXAMPLES.mmio[0][0])).toBe('bus');
    expect(laneOf(EXAMPLES.timer[0][0])).toBe('device');
    expect(laneOf(EXAMPLES['vm-exit'][0][0])).toBe('host');
    expect(laneOf(EXAMPLES.plic[0][0])).toBe('irq');
  });

  it('writes durations and byte strings as a person reads them', () => {
    expect([durationText(999), durationText(5_000), durationText(2_500_000), durationText(Infinity)]).toEqual(['999 ns', '5 µs', '2.5 ms', 'never']);
    expect(quotedBytes([0x31, 0x22, 0x09, 0x01, 0])).toBe('"1\\"\\t\\x01"');
  });
});
