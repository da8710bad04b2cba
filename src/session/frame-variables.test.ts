// The Variables view's reader on a real stop: a module function puts known values
// into its locals, the guest runs it under `cat`, and at a breakpoint on its last
// line the frame read through the compiler's DWARF (fbreg slots off s0) gives
// those values back, with their C types.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModule } from '../../tests/support/guest-modules.ts';
import { bootWithDebugger, type DebugHarness } from '../../tests/support/guest-debug.ts';
import type { FrameView } from '../protocol/frame.ts';
import { FrameVariables, type FrameHart } from './frame-variables.ts';

const LOCALS_C = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'localsdbg.c');
const lineOf = (marker: string) => readFileSync(LOCALS_C, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;

function hartOf(h: DebugHarness): FrameHart {
  const cpu = h.sys.board.cpu, ram = h.sys.kernel.ram;
  return { pc: cpu.pc, x: cpu.x, peek: (addr, size) => { try { return ram.bytes(addr, size); } catch { return null; } } };
}

describe('FrameVariables on a stopped guest', () => {
  it('reads back the constants a function stored in its arguments and locals, with their types', async () => {
    const module = buildModule(LOCALS_C);
    let frame: FrameView | null = null;
    let vars: FrameVariables | null = null;
    const g = await bootWithDebugger(module, [], (h, stop) => {
      const fn = h.map.functionAt(stop.pc)!;
      frame = vars!.frameAt(hartOf(h), h.map.bodyStart(fn));
    });
    vars = FrameVariables.forModule(g.sys, module.name, module.object);
    // locals_init's code was freed once init returned: it has no place any more.
    expect(vars?.functions.map((f) => f.name).sort()).toEqual(['fill', 'locals_exit', 'locals_read']);
    g.dbg.addBreakpoint(g.map.addressesOf('localsdbg.c', lineOf('line:last'))!.addresses[0]);
    expect(await g.sys.execute('cat /sys/kernel/debug/locals')).toBe(0);
    const shown = frame as FrameView | null;
    expect(shown?.function).toBe('fill');
    const table = Object.fromEntries(shown!.variables.map((v) => [v.name, `${v.role} ${v.type} = ${v.value}`]));
    expect(table).toEqual({
      seed: 'argument int = 5',
      mask: 'argument u32 = 255 (0x000000ff)',
      negative: 'local int = -42',
      big: 'local unsigned int = 3000000000 (0xb2d05e00)',
      letter: "local char = 81 'Q'",
      wide: 'local long long = -5000000000',
      bytes: 'local u8 [3] = {1 \'\\x01\', 2 \'\\x02\', 3 \'\\x03\'}',
      s: expect.stringMatching(/^local struct sample = \{level = 9, flags = 32769 \(0x8001\), label = 0x[0-9a-f]{8}\}$/),
      m: 'local enum mood = 7',
      nowhere: 'local int * = NULL',
      yes: 'local bool = true',
    });
    expect(shown!.variables.slice(0, 2).map((v) => v.role)).toEqual(['argument', 'argument']);
  });

  it('says "unavailable" for every variable while the prologue has not set up the frame', async () => {
    const module = buildModule(LOCALS_C);
    let frame: FrameView | null = null;
    let vars: FrameVariables | null = null;
    const g = await bootWithDebugger(module, [], (h, stop) => {
      frame = vars!.frameAt(hartOf(h), h.map.bodyStart(h.map.functionAt(stop.pc)!));
    });
    vars = FrameVariables.forModule(g.sys, module.name, module.object);
    g.dbg.addBreakpoint(g.map.functions.find((f) => f.name === 'fill')!.start);
    expect(await g.sys.execute('cat /sys/kernel/debug/locals')).toBe(0);
    const shown = frame as FrameView | null;
    expect(shown?.variables.length).toBe(11);
    expect(new Set(shown!.variables.map((v) => v.value))).toEqual(new Set(['unavailable']));
  });
});
