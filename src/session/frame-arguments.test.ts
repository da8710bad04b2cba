// Arguments of the current frame without DWARF variable info: names from the C
// prototype, values from kernel-C's parameter slots (or a0..a7 before the
// prologue has stored them), on the stopwatch driver stopped inside `cat`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guestDriver } from '../../tests/support/guest-modules.ts';
import { bootWithDebugger } from '../../tests/support/guest-debug.ts';
import { prototypeParams, type ArgumentValue } from './frame-arguments.ts';

const STOPWATCH_C = join(dirname(fileURLToPath(import.meta.url)), '../guest/drivers/stopwatch/stopwatch.c');
const source = readFileSync(STOPWATCH_C, 'utf8');

describe('prototypeParams', () => {
  it('reads names and types from a definition that spans two lines', () => {
    expect(prototypeParams(source, 210, 'stopwatch_time_read')).toEqual([
      { name: 'file', type: 'struct file *' }, { name: 'buf', type: 'char __user *' },
      { name: 'count', type: 'size_t' }, { name: 'ppos', type: 'loff_t *' },
    ]);
    expect(prototypeParams('static int f(void)\n{', 1, 'f')).toEqual([]);
    expect(prototypeParams('int g(long long v, u8 flags)\n{', 1, 'g')).toEqual([{ name: 'v', type: 'long long' }, { name: 'flags', type: 'u8' }]);
    expect(prototypeParams('int printf(const char *fmt, ...)\n{', 1, 'printf')).toBeNull();
  });
});

describe('frameArguments on a stopped guest', () => {
  it('shows the read function\'s arguments at its entry (registers) and in its body (frame slots)', async () => {
    const seen: Array<ArgumentValue[] | null> = [];
    const offsets: number[] = [];
    const g = await bootWithDebugger(guestDriver('stopwatch/stopwatch.c'), [], (h) => {
      const args = h.dbg.argumentsHere((file) => (file.endsWith('stopwatch.c') ? source : undefined));
      seen.push(args);
      offsets.push(h.sys.kernel.ram.u32(Number(args![3].value))); // *ppos
    });
    const fn = g.map.functions.find((f) => f.name === 'stopwatch_time_read')!;
    g.dbg.addBreakpoint(fn.start); // before the prologue
    g.dbg.addBreakpoint(g.map.addressesOf('stopwatch.c', 213)!.addresses[0]); // in the body
    expect(await g.sys.execute('cat /sys/kernel/debug/stopwatch/stopwatch')).toBe(0);
    const [entry, body] = seen;
    expect(entry!.map((a) => a.from)).toEqual(['register at entry', 'register at entry', 'register at entry', 'register at entry']);
    expect(body!.map((a) => a.from)).toEqual(['frame slot', 'frame slot', 'frame slot', 'frame slot']);
    expect(body!.map((a) => a.name)).toEqual(['file', 'buf', 'count', 'ppos']);
    expect(body!.map((a) => a.value)).toEqual(entry!.map((a) => a.value)); // nothing assigned them in between
    const [file, buf, count, ppos] = body!;
    expect(file.text).toMatch(/^0x[0-9a-f]{8}$/);
    expect(buf.value).not.toBe(0);
    expect(count.value).toBeGreaterThan(0);
    expect(ppos.text).toMatch(/^0x[0-9a-f]{8}$/);
    // cat reads twice: the text from offset 0, then end of file at the text's length.
    expect(offsets).toEqual([0, 0, g.stdout().length, g.stdout().length]);
  });
});
