// Source-level stepping in the stopwatch driver on a booted guest: a breakpoint
// on a line of its debugfs read function stops `cat`, steps move line by line
// (over the calls that talk to the device, into one, out of it), and the cat
// still prints the time afterwards.
import { describe, expect, it } from 'vitest';
import { guestDriver } from '../../tests/support/guest-modules.ts';
import { bootWithDebugger, where } from '../../tests/support/guest-debug.ts';
import type { DebugCommand } from './guest-debugger.ts';
import { callerFrame } from './frame-unwind.ts';

const TIME_FILE = '/sys/kernel/debug/stopwatch/stopwatch';

const stopwatch = () => guestDriver('stopwatch/stopwatch.c');

describe('stepping through the stopwatch driver while cat reads its file', () => {
  it('stops on a line of the read function, steps line by line over calls, steps out to the kernel, and cat still prints the time', async () => {
    const g = await bootWithDebugger(stopwatch(), [
      { kind: 'step', step: 'line' }, { kind: 'step', step: 'line' }, { kind: 'step', step: 'line' }, { kind: 'step', step: 'out' },
    ]);
    const bp = g.map.addressesOf('stopwatch.c', 213)!;
    expect(bp.line).toBe(213);
    expect(bp.addresses).toHaveLength(1);
    g.dbg.addBreakpoint(bp.addresses[0]);
    expect(await g.sys.execute(`cat ${TIME_FILE}`)).toBe(0);
    expect(g.stdout()).toMatch(/^\d+\.\d\d seconds\n$/);
    // 213 → 215 (if) → 216 (the UPDATE, stepped over) → 217; then out to the kernel; a second read (EOF) stops again.
    expect(g.stops.map(where).slice(0, 4)).toEqual([
      'stopwatch_time_read:213', 'stopwatch_time_read:215', 'stopwatch_time_read:216', 'stopwatch_time_read:217',
    ]);
    expect(g.stops[0].reason).toBe('breakpoint');
    expect(g.stops.slice(1, 4).map((s) => s.reason)).toEqual(['line', 'line', 'line']);
    expect(g.dbg.lastFinished).toMatch(/returned to the kernel/);
    expect(g.stops.slice(4).every((s) => where(s) === 'stopwatch_time_read:213')).toBe(true);
  });

  it('steps into the update function and out of it, back in the read function where the call returns', async () => {
    const callers: string[] = [];
    const g = await bootWithDebugger(stopwatch(), [
      { kind: 'step', step: 'into' }, { kind: 'step', step: 'out' }, { kind: 'step', step: 'line' },
    ], (h) => {
      // Where the frame returns to, read from kernel-C's prologue (ra saved below the frame pointer).
      const cpu = h.sys.board.cpu;
      const fn = h.map.functionAt(cpu.pc);
      const caller = fn && callerFrame({ pc: cpu.pc, x: cpu.x, readU32: (a) => h.sys.kernel.ram.u32(a) }, fn);
      const at = caller && h.map.locate(caller.returnAddress);
      callers.push(at ? `${at.function}:${at.line}` : 'kernel');
    });
    g.dbg.addBreakpoint(g.map.addressesOf('stopwatch.c', 216)!.addresses[0]);
    expect(await g.sys.execute(`cat ${TIME_FILE}`)).toBe(0);
    expect(g.stdout()).toMatch(/^\d+\.\d\d seconds\n$/);
    // The call is the last instruction of line 216, so it returns to the start of 217
    // (gdb's finish shows the same); a step from the last line leaves the function.
    expect(g.stops.map(where)).toEqual(['stopwatch_time_read:216', 'stopwatch_update_text:98', 'stopwatch_time_read:217']);
    expect(g.stops.map((s) => s.reason)).toEqual(['breakpoint', 'line', 'returned']);
    expect(callers).toEqual(['kernel', 'stopwatch_time_read:217', 'kernel']);
    expect(g.dbg.lastFinished).toMatch(/returned to the kernel/);
  });

  it('lets the timeout interrupt that arrives during a step run its handler, and the step still ends on the next line', async () => {
    const consoleAtStops: string[] = [];
    const g = await bootWithDebugger(stopwatch(), [{ kind: 'step', step: 'line' }], (h) => {
      consoleAtStops.push(h.console());
      // The user looks for a while: virtual time passes the armed timeout, so the
      // device raises its interrupt and the first instruction of the step takes it.
      if (consoleAtStops.length === 1) h.sys.kernel.skipTo(h.sys.board.clock.nowNs() + 2e9);
    });
    expect(await g.sys.execute('echo 1 > /sys/module/stopwatch/parameters/stopwatch_timeout')).toBe(0);
    g.dbg.addBreakpoint(g.map.addressesOf('stopwatch.c', 215)!.addresses[0]);
    expect(await g.sys.execute(`cat ${TIME_FILE}`)).toBe(0);
    expect(g.stdout()).toMatch(/^\d+\.\d\d seconds\n$/);
    expect(g.stops.slice(0, 2).map(where)).toEqual(['stopwatch_time_read:215', 'stopwatch_time_read:216']);
    expect(g.stops[1].reason).toBe('line');
    // The handler ran in the middle of the step (not before the first stop), and the step did not end in it.
    expect(consoleAtStops[0]).not.toMatch(/timeout interrupt 1/);
    expect(consoleAtStops[1]).toMatch(/stopwatch: timeout interrupt 1\n/);
  });

  it('runs to a line further down (run to cursor), then the guest goes on', async () => {
    const script: DebugCommand[] = [];
    const g = await bootWithDebugger(stopwatch(), script, (h) => {
      if (h.stops.length === 1) script.push({ kind: 'run-to', addresses: h.map.addressesOf('stopwatch.c', 217)!.addresses });
    });
    g.dbg.addBreakpoint(g.map.addressesOf('stopwatch.c', 213)!.addresses[0]);
    expect(await g.sys.execute(`cat ${TIME_FILE}`)).toBe(0);
    expect(g.stdout()).toMatch(/^\d+\.\d\d seconds\n$/);
    expect(g.stops.slice(0, 2).map(where)).toEqual(['stopwatch_time_read:213', 'stopwatch_time_read:217']);
    expect(g.stops[1]).toMatchObject({ reason: 'line', message: expect.stringMatching(/^Ran to the line\. Now in stopwatch_time_read, stopwatch\.c:217\.$/) });
    // The temporary breakpoint is gone: the second read (at EOF) stops only at the user's breakpoint.
    expect(g.stops.slice(2).map(where)).toEqual(['stopwatch_time_read:213']);
  });
});
