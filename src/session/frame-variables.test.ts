// The Variables view's reader on a real stop: a module function puts known values
// into its locals, the guest runs it under `cat`, and at a breakpoint on its last
// line the frame read through the compiler's DWARF (fbreg slots off s0) gives
// those values back, with their C types. A second module stops inside and
// after inner blocks: only the locals in scope are listed, the innermost of a
// shadowed name, and an enum reads as its constant's name.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildModule } from '../../tests/support/guest-modules.ts';
import { bootWithDebugger, type DebugHarness } from '../../tests/support/guest-debug.ts';
import type { FrameView } from '../protocol/frame.ts';
import { FrameVariables, visibleAt, type FrameHart } from './frame-variables.ts';
import { compile } from '../toolchain/compile.ts';
import { SourceMap } from './source-map.ts';

const LOCALS_C = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'localsdbg.c');
const SCOPES_C = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'scopesdbg.c');
const lineOf = (marker: string, file = LOCALS_C) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;

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
      m: 'local enum mood = BUSY (7)',
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

  it('lists only the locals in scope at the stop, the innermost of a shadowed name, and enums by name', async () => {
    const module = buildModule(SCOPES_C);
    const frames = new Map<number, FrameView | null>();
    let vars: FrameVariables | null = null;
    const g = await bootWithDebugger(module, [], (h, stop) => {
      const line = h.map.locate(stop.pc)?.line ?? 0;
      if (!frames.has(line)) frames.set(line, vars!.frameAt(hartOf(h), h.map.bodyStart(h.map.functionAt(stop.pc)!)));
    });
    vars = FrameVariables.forModule(g.sys, module.name, module.object);
    for (const marker of ['line:loop', 'line:block', 'line:after']) {
      g.dbg.addBreakpoint(g.map.addressesOf('scopesdbg.c', lineOf(marker, SCOPES_C))!.addresses[0]);
    }
    expect(await g.sys.execute('cat /sys/kernel/debug/scopes')).toBe(0);
    const table = (marker: string) => {
      const f = frames.get(lineOf(marker, SCOPES_C));
      expect(f?.function, marker).toBe('walk');
      return f!.variables.map((v) => `${v.role} ${v.type} ${v.name} = ${v.value}`);
    };
    // In the loop's body (its first pass): the loop's own i, not the function's 100, and the body's step.
    expect(table('line:loop')).toEqual([
      'argument int n = 2',
      'local enum stopwatch_state state = RESET (1)',
      'local enum stopwatch_state odd = 9', // no constant has the value: the number, as gdb prints it
      'local int total = 0',
      'local int i = 0',
      'local int step = 0',
    ]);
    // In the second block: its own i (7); the loop's i and step are out of scope.
    expect(table('line:block')).toEqual([
      'argument int n = 2',
      'local enum stopwatch_state state = RESET (1)',
      'local enum stopwatch_state odd = 9',
      'local int total = 10',
      'local int i = 7',
    ]);
    // After both blocks: the function's own i again, and the enum's new constant.
    expect(table('line:after')).toEqual([
      'argument int n = 2',
      'local enum stopwatch_state state = RUNNING (2)',
      'local enum stopwatch_state odd = 9',
      'local int i = 100',
      'local int total = 17',
    ]);
  });
});

describe('FrameVariables of a bare-metal program', () => {
  it('places each block where the linker put its code: a loop\'s locals are visible in the loop only', () => {
    const source = 'int main(void)\n{\n\tint i = 1;\n\tfor (int i = 0; i < 3; i++) {\n\t\tint sq = i * i;\n\t\tsq += 1;\n\t}\n\treturn i;\n}\n';
    const r = compile({ file: 'prog.c', source }, { output: 'bare-metal-elf' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const main = FrameVariables.forProgram(r.elf!).functions.find((f) => f.name === 'main')!;
    const map = SourceMap.forProgram(r.elf!);
    const shown = (line: number) => visibleAt(main.variables, map.addressesOf('prog.c', line)!.addresses[0]).map((v) => `${v.name}@${v.block?.depth ?? 0}`);
    expect(shown(6)).toEqual(['i@1', 'sq@2']); // the loop's i hides main's
    expect(shown(8)).toEqual(['i@0']);
  });
});
