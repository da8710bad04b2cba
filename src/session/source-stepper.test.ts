// The stepper on code that recurses: a step over a recursive call must pass
// the temporary breakpoint at the return address in every inner frame and stop
// only when its own frame's call returns.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { badDriver, buildModule } from '../../tests/support/guest-modules.ts';
import { bootWithDebugger, where } from '../../tests/support/guest-debug.ts';
import { VirtBoard } from '../machine/board.ts';
import { compile } from '../toolchain/compile.ts';
import { SourceMap } from './source-map.ts';
import { SourceStepper, type HartView, type StepAction, type StepKind } from './source-stepper.ts';

const SUM_C = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'sumdbg.c');
const sumModule = () => buildModule(SUM_C);

describe('stepping over a recursive call', () => {
  it('steps over sum_to(n - 1) in the outermost frame only, then returns to the read function, mid-line', async () => {
    const ns: number[] = [];
    const g = await bootWithDebugger(sumModule(), [
      { kind: 'step', step: 'line' }, { kind: 'step', step: 'line' }, { kind: 'step', step: 'line' },
    ], (h, stop) => {
      const args = h.dbg.argumentsHere(() => readFileSync(SUM_C, 'utf8'));
      ns.push(Number(args?.[0]?.value)); // sum_to's n (in sum_read, its first argument)
      if (stop.reason === 'breakpoint') h.dbg.removeBreakpoint(stop.pc); // only the first call stops
    });
    const ifLine = g.map.addressesOf('sumdbg.c', 12)!; // 'int below;' has no code: the next line that has
    expect(ifLine.line).toBe(14);
    expect(ifLine.addresses).toHaveLength(1);
    g.dbg.addBreakpoint(ifLine.addresses[0]);
    expect(await g.sys.execute('cat /sys/kernel/debug/sum')).toBe(0);
    expect(g.stdout()).toBe('10\n');
    // The call returns in the middle of line 24 (the store to total is left), as gdb shows it.
    expect(g.stops.map(where)).toEqual(['sum_to:14', 'sum_to:16', 'sum_to:17', 'sum_read:24']);
    expect(g.stops.map((s) => s.reason)).toEqual(['breakpoint', 'line', 'line', 'returned']);
    // After the step over `below = sum_to(n - 1)` the hart is still in the frame of sum_to(4),
    // not in an inner one that passed the same return address first.
    expect(ns.slice(0, 3)).toEqual([4, 4, 4]);
  });
});

describe('stepping into a line that calls only a kernel service', () => {
  it('steps over snprintf (TypeScript, no source) and stops on the next line of the same function', async () => {
    const g = await bootWithDebugger(sumModule(), [{ kind: 'step', step: 'into' }]);
    g.dbg.addBreakpoint(g.map.addressesOf('sumdbg.c', 25)!.addresses[0]); // int len = snprintf(...);
    expect(await g.sys.execute('cat /sys/kernel/debug/sum')).toBe(0);
    expect(g.stdout()).toBe('10\n');
    expect(g.stops.slice(0, 2).map(where)).toEqual(['sum_read:25', 'sum_read:27']);
    expect(g.stops[1].reason).toBe('line');
  });
});

describe('stepping over a line that faults', () => {
  it('ends the step with the fault, leaves no step behind, and the kernel reports its Oops', async () => {
    const g = await bootWithDebugger(badDriver('null_read'), [{ kind: 'step', step: 'line' }]);
    g.dbg.addBreakpoint(g.map.addressesOf('null_read.c', 12)!.addresses[0]); // return the_counter->value;
    expect(await g.sys.execute('cat /sys/kernel/debug/null_read/value')).not.toBe(0);
    expect(g.stops.map(where)).toEqual(['null_read_read:12']);
    expect(g.dbg.lastFinished).toMatch(/^The instruction at 0x[0-9a-f]+ faulted: the kernel handles it/);
    expect(g.dbg.stepping).toBe(false);
    expect(g.console()).toContain('Unable to handle kernel NULL pointer dereference at virtual address 00000000');
    expect(await g.sys.execute('echo ok')).toBe(0);
  });
});

describe('the same stepper on a bare-metal program (M-mode, no kernel)', () => {
  const PROGRAM = 'int twice(int x)\n{\n\tint y;\n\n\ty = x + x;\n\treturn y;\n}\n\nint main(void)\n{\n\tint a = twice(21);\n\treturn a - 42;\n}\n';

  /** A host of its own: single steps and slices of board.run, breakpoints in cpu.breakpoints. */
  function run(board: VirtBoard, stepper: SourceStepper, hart: HartView): StepAction {
    let action = stepper.start(hart);
    for (;;) {
      if (action.kind === 'single-step') {
        board.cpu.resumeOverBreakpoint();
        board.run(1);
        action = stepper.afterStep(hart);
      } else if (action.kind === 'resume') {
        for (const b of action.breakpoints) board.cpu.breakpoints.add(b.pc);
        board.cpu.resumeOverBreakpoint();
        const stop = board.run(1_000_000);
        for (const b of action.breakpoints) board.cpu.breakpoints.delete(b.pc);
        if (stop.reason !== 'breakpoint') throw new Error(`the program stopped: ${stop.reason}`);
        action = stepper.atBreakpoint(hart, false);
      } else return action;
    }
  }

  it('steps into twice, out to main in the middle of its line, and on to the next line', () => {
    const r = compile({ file: 'twice.c', source: PROGRAM }, { output: 'bare-metal-elf' });
    const map = SourceMap.forProgram(r.elf!);
    const board = new VirtBoard({});
    board.loadElf(r.elf!);
    const cpu = board.cpu;
    const hart: HartView = {
      get pc() { return cpu.pc >>> 0; }, x: cpu.x,
      get trapVector() { return cpu.csr.mtvec & ~3; }, get trapCause() { return cpu.csr.mcause | 0; },
      readU32: (a) => board.bus.read(a, 4) >>> 0,
    };
    cpu.breakpoints.add(map.addressesOf('twice.c', 11)!.addresses[0]);
    expect(board.run(1_000_000).reason).toBe('breakpoint');
    const stops = (['into', 'out', 'line'] as StepKind[]).map((kind) => {
      const a = run(board, new SourceStepper(map, kind), hart);
      return a.kind === 'stop' ? `${a.stop.reason} ${a.stop.location?.function}:${a.stop.location?.line}` : a.kind;
    });
    expect(stops).toEqual(['line twice:5', 'returned main:11', 'line main:12']);
    expect(cpu.x[10]).toBe(42); // twice(21)'s result, just stored into a: line 12 has not run yet
  });
});
