// A short, realistic trace for the export tests: the stopwatch driver's
// TIMEOUT sequence as the machine traces it (exit, device log, timer, IRQ,
// PLIC claim/complete, ACK).

import type { TraceBody, TraceEvent } from '../trace-events.ts';

const body: [number, TraceBody, number?][] = [
  [100, { kind: 'mmio', access: 'passthrough', op: 'write', addr: 0x0400_0000, size: 4, value: 2, region: 'stopwatch-mem', device: 'stopwatch', offset: 0 }, 0x8000_0010],
  [200, { kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', reg: 'command', op: 'write', costNs: 5000 }, 0x8000_0014],
  [200, { kind: 'mmio', access: 'trap', op: 'write', addr: 0x0400_0090, size: 4, value: 4, region: 'stopwatch-regs', device: 'stopwatch', offset: 0, reg: 'command', valueName: 'TIMEOUT' }, 0x8000_0014],
  [5200, { kind: 'device-log', device: 'stopwatch', message: 'stopwatch_io_write: COMMAND value: 0x4 (TIMEOUT)' }],
  [5200, { kind: 'timer', action: 'arm', owner: 'stopwatch', deadlineNs: 2_000_005_200 }],
  [5200, { kind: 'vm-entry', device: 'stopwatch' }, 0x8000_0014],
  [2_000_005_200, { kind: 'timer', action: 'fire', owner: 'stopwatch', deadlineNs: 2_000_005_200 }],
  [2_000_005_200, { kind: 'irq-line', line: 'stopwatch.timeout', level: 1, source: 64 }],
  [2_000_005_200, { kind: 'plic', action: 'pending', source: 64 }],
  [2_000_005_300, { kind: 'trap', interrupt: true, cause: 11, causeName: 'machine external interrupt', epc: 0x8000_0020, tval: 0, mode: 'M' }],
  [2_000_005_400, { kind: 'plic', action: 'claim', source: 64, context: 0 }, 0x8000_0100],
  [2_000_005_500, { kind: 'vm-exit', device: 'stopwatch', region: 'stopwatch-regs', reg: 'status', op: 'read', costNs: 5000 }, 0x8000_0104],
  [2_000_005_500, { kind: 'mmio', access: 'trap', op: 'read', addr: 0x0400_0098, size: 4, value: 0, region: 'stopwatch-regs', device: 'stopwatch', offset: 8, reg: 'status' }, 0x8000_0104],
  [2_000_010_500, { kind: 'vm-entry', device: 'stopwatch' }],
  [2_000_010_600, { kind: 'mmio', access: 'trap', op: 'write', addr: 0x0400_0090, size: 4, value: 5, region: 'stopwatch-regs', device: 'stopwatch', offset: 0, reg: 'command' }],
  [2_000_010_600, { kind: 'irq-line', line: 'stopwatch.timeout', level: 0, source: 64 }],
  [2_000_015_700, { kind: 'plic', action: 'complete', source: 64, context: 0 }],
  [2_000_015_800, { kind: 'trap-return', pc: 0x8000_0020, mode: 'M', via: 'mret' }],
  [2_000_016_000, { kind: 'uart', dir: 'tx', byte: 0x4f }],
  [2_000_016_100, { kind: 'device-error', device: 'stopwatch', message: 'stopwatch: TIMEOUT_ACK with no timeout pending (register command, value 0x5)', reg: 'command', value: 5 }],
];

export const TIMEOUT_TRACE: TraceEvent[] = body.map(([timeNs, b, pc], seq) => ({ seq, timeNs, ...(pc === undefined ? {} : { pc }), ...b }) as TraceEvent);
