// The grader finds the kernel's report of a driver fault in the log: an oops
// up to its end line, a soft lockup up to its call trace's last frame, and
// nothing in a log without one (an interrupt storm is the kernel coping, not a crash).
import { describe, expect, it } from 'vitest';
import { findKernelOops } from './kernel-oops.ts';

const at = (t: string) => (line: string) => `[    ${t}] ${line}\n`;

describe('findKernelOops', () => {
  it('an oops, from its headline to its end line', () => {
    const l = at('1.000025');
    const log = [l('stopwatch: ready'), l('Unable to handle kernel NULL pointer dereference at virtual address 00000000'), l('Oops [#1]'),
      l('epc : stopwatch_update_text+0x28/0x4c [stopwatch]'), l('Call Trace:'), l('[<80100538>] stopwatch_update_text+0x28/0x4c [stopwatch]'),
      l('---[ end trace 0000000000000000 ]---'), l('later line')];
    const oops = findKernelOops(log)!;
    expect(oops.split('\n')).toHaveLength(6);
    expect(oops.split('\n')[0]).toBe('[    1.000025] Unable to handle kernel NULL pointer dereference at virtual address 00000000');
    expect(oops).toContain('epc : stopwatch_update_text');
    expect(oops).not.toContain('later line');
  });

  it('a soft lockup, up to the last frame of its call trace', () => {
    const l = at('3.000036');
    const log = [l('watchdog: BUG: soft lockup - CPU#0 stuck for 2s! [sh:5]'), l('Modules linked in: stopwatch(O)'), l('Call Trace:'),
      l('[<8010052c>] stopwatch_update_text+0x1c/0x40 [stopwatch]'), l('[<80100a18>] stopwatch_time_read+0x84/0xdc [stopwatch]'),
      l('stopwatch: timeout interrupt 1')];
    const oops = findKernelOops(log)!;
    expect(oops.split('\n')).toHaveLength(5);
    expect(oops).not.toContain('timeout interrupt');
  });

  it('none in a log with an interrupt storm and ordinary lines', () => {
    const l = at('1.100585');
    expect(findKernelOops([l('irq 3: interrupt storm: 10001 interrupts in 101 ms'), l('Disabling IRQ #3'), l('stopwatch: ready')])).toBeNull();
    expect(findKernelOops([])).toBeNull();
  });
});
