// The page's names for the stopwatch's registers and values (the protocol's
// WATCHABLE_REGISTERS) are the device model's own, and a named watchpoint
// lands on the addresses the board mapped the register at.

import { describe, expect, it } from 'vitest';
import { WATCHABLE_REGISTERS } from '../../protocol/device-registers.ts';
import { VirtBoard } from '../board.ts';
import { STOPWATCH_ACTION, STOPWATCH_STATE } from '../devices/stopwatch/stopwatch-regs.ts';
import { registerRange, resolveRegisterWatches } from './device-watch.ts';

describe('device registers by name', () => {
  it('the page offers the stopwatch model\'s registers with its value names', () => {
    const byReg = Object.fromEntries(WATCHABLE_REGISTERS.filter((r) => r.device === 'stopwatch').map((r) => [r.reg, r.values]));
    expect(byReg).toEqual({ command: STOPWATCH_ACTION, status: STOPWATCH_STATE });
  });

  it('resolves command and status to their 8-byte slots in the mapped register bank', () => {
    const board = new VirtBoard();
    const regs = board.bus.regions.find((m) => m.region.name === 'stopwatch-regs')!.base;
    expect(registerRange(board.bus, 'stopwatch', 'command')).toEqual({ addr: regs, len: 8 });
    expect(registerRange(board.bus, 'stopwatch', 'status')).toEqual({ addr: regs + 8, len: 8 });
    expect(resolveRegisterWatches(board.bus, [
      { device: 'stopwatch', reg: 'command', kind: 'write', value: 1 },
      { device: 'stopwatch', reg: 'nonsense', kind: 'read' },
    ])).toEqual([{ addr: regs, len: 8, kind: 'write', value: 1, register: { device: 'stopwatch', reg: 'command' } }]);
  });

  it('a board without the stopwatch resolves nothing', () => {
    const board = new VirtBoard({ stopwatch: null });
    expect(resolveRegisterWatches(board.bus, [{ device: 'stopwatch', reg: 'command', kind: 'write' }])).toEqual([]);
  });
});
