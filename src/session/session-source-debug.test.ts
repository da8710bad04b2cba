// Stepping a bare-metal program by C lines in a Session, as the page does it:
// breakpoints on lines of lib.c (not only the main file), Step line over calls,
// Step into, Step out, and Pause reaching a step that runs long (a loop on one
// line, a call that waits for a key). The same steps on the same sources built
// by riscv64-unknown-elf-gcc -O0 -g (DWARF 4, which the reader takes) must land on the same lines: gcc's line
// table is the oracle for where a step ends.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BAREMETAL_DIR, buildBaremetalFrom, KERNEL_C_MARCH } from '../../tests/support/oracles.ts';
import { buildProgram } from './build.ts';
import { createSessionBoard } from './create-board.ts';
import { Session, SessionError } from './session.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'stepdbg');
const FILES = Object.fromEntries(['main.c', 'lib.c', 'lib.h'].map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
const tmp = mkdtempSync(join(tmpdir(), 'stepdbg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The program built here, as Build & load builds it (main.c with lib.c linked in). */
function ours(): Session {
  const b = buildProgram('main.c', FILES['main.c'], 'bare-metal-elf', FILES);
  expect(b.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const s = new Session(createSessionBoard);
  s.loadElf('main.c', b.elf!);
  return s;
}

/** The same sources built by gcc -O0 -g (no compressed instructions), with the tests' crt0 and common.c. */
function gccBuilt(debugInfo = true): Session {
  const elf = join(tmp, debugInfo ? 'gcc-g.elf' : 'gcc.elf');
  buildBaremetalFrom([join(BAREMETAL_DIR, 'common.c'), join(DIR, 'main.c'), join(DIR, 'lib.c')], elf,
    [`-march=${KERNEL_C_MARCH}`, '-O0', ...(debugInfo ? ['-g', '-gdwarf-4'] : []), `-I${DIR}`, '-Wl,--defsym=trap_handler=0']);
  const s = new Session(createSessionBoard);
  s.loadElf('main.elf', new Uint8Array(readFileSync(elf)));
  return s;
}

let wall = 0;
/** Runs slices until the machine stops (or `slices` have run); whether it stopped. */
function settle(s: Session, slices = 5000): boolean {
  for (let i = 0; i < slices && s.state === 'running'; i++) s.runSlice(100_000, (wall += 1));
  return s.state !== 'running';
}

/** "function file:line (why)" where the hart stopped. */
function where(s: Session): string {
  const at = s.sourceLocation();
  const why = s.stop?.reason === 'source-step' ? s.stop.message.replace(/\s*Now in .*$/, '').replace(/^$/, 'line') : s.stop?.reason;
  return `${at?.function} ${at?.file.replace(/^.*\//, '')}:${at?.line} (${why})`;
}

function step(s: Session, how: 'line' | 'into' | 'out'): string {
  s.stepSource(how, (wall += 1));
  expect(settle(s), `Step ${how} ended`).toBe(true);
  return where(s);
}

/** Breakpoint on lib.c:8, then steps through the calls of main's first lines. */
function walk(s: Session): string[] {
  expect(s.setSourceBreakpoints('lib.c', [6, 8])).toEqual({ file: 'lib.c', lines: [8] }); // line 6 (`int s;`) has no code: it moves to 8
  s.start((wall += 1));
  expect(settle(s)).toBe(true);
  const seen = [where(s), step(s, 'line'), step(s, 'out'), step(s, 'out')];
  s.setSourceBreakpoints('lib.c', []);
  seen.push(step(s, 'line'), step(s, 'into'), step(s, 'out'), step(s, 'line'), step(s, 'line'));
  return seen;
}

describe('stepping a bare-metal program by C lines', () => {
  it('stops at a breakpoint in lib.c and steps line, out, into and over calls as gcc -O0 -g\'s line table says', () => {
    const kernelC = walk(ours());
    expect(kernelC).toEqual([
      'add lib.c:8 (breakpoint)', // first called from twice(21)
      'add lib.c:9 (line)',
      'twice lib.c:14 (Returned to the caller.)', // add returns in the middle of `return add(x, x);`
      'main main.c:7 (Returned to the caller.)',
      'main main.c:8 (line)',
      'add lib.c:8 (Stepped into the function.)',
      'main main.c:8 (Returned to the caller.)',
      'main main.c:9 (line)',
      'main main.c:10 (line)', // over spin(1000)
    ]);
    expect(walk(gccBuilt())).toEqual(kernelC);
  });

  it('stops a step over a call that waits for a key when Pause is pressed, and says where the hart is', () => {
    const s = ours();
    s.setSourceBreakpoints('main.c', [10]);
    s.start((wall += 1));
    expect(settle(s)).toBe(true);
    expect(where(s)).toBe('main main.c:10 (breakpoint)');
    s.stepSource('line', (wall += 1)); // over wait_key(): no key comes
    expect(settle(s, 50)).toBe(false);
    s.pause();
    expect(s.state).toBe('paused');
    expect(s.sourceLocation()).toMatchObject({ function: 'wait_key', file: 'lib.c', line: 24 });
    expect(s.stop).toMatchObject({ reason: 'source-step', message: 'Paused during Step line: the hart is in wait_key, lib.c:24. The step is dropped; step again, or press Run to go on.' });
    // The step was dropped: its temporary breakpoint at main's line 10 no longer stops anything,
    // and a new Step out finishes once a key arrives.
    s.stepSource('out', (wall += 1));
    expect(settle(s, 50)).toBe(false);
    s.sendUartInput(new TextEncoder().encode('k'));
    expect(settle(s)).toBe(true);
    expect(where(s)).toBe('main main.c:10 (Returned to the caller.)');
    expect(step(s, 'line')).toBe('main main.c:11 (line)');
  });

  it('stops a step that single-steps a long loop on one line when Pause is pressed', () => {
    const s = ours();
    s.setSourceBreakpoints('lib.c', [19]);
    s.start((wall += 1));
    expect(settle(s)).toBe(true);
    expect(where(s)).toBe('spin lib.c:19 (breakpoint)'); // spin(1000)
    s.setSourceBreakpoints('lib.c', []);
    s.stepSource('line', (wall += 1));
    expect(settle(s)).toBe(true); // 1000 turns of the loop: done in a few batches
    // kernel-C gives the closing brace no code of its own (gcc -O0 puts the epilogue there):
    // the step leaves spin, back in main where the call returns.
    expect(where(s)).toBe('main main.c:10 (Returned to the caller.)');
    // spin(100000000) from main: Step into, then Step line on the loop's line runs long.
    s.setSourceBreakpoints('main.c', [11]);
    s.start((wall += 1));
    s.sendUartInput(new TextEncoder().encode('k'));
    expect(settle(s)).toBe(true);
    expect(where(s)).toBe('main main.c:11 (breakpoint)');
    expect(step(s, 'into')).toBe('spin lib.c:19 (Stepped into the function.)');
    const instret = s.registers()!.instret;
    s.stepSource('line', (wall += 1));
    expect(settle(s, 20)).toBe(false);
    s.pause();
    expect(s.registers()!.instret - instret).toBeGreaterThan(100_000); // it really ran, in batches
    expect(s.sourceLocation()).toMatchObject({ function: 'spin', line: 19 });
    expect(s.stop).toMatchObject({ reason: 'source-step', message: expect.stringMatching(/^Paused during Step line: the hart is in spin, lib\.c:19\./) });
    // Step out from the paused loop is a run to main's line: Pause stops that too.
    s.stepSource('out', (wall += 1));
    expect(settle(s, 20)).toBe(false);
    s.pause();
    expect(s.stop).toMatchObject({ reason: 'source-step', message: expect.stringMatching(/^Paused during Step out: the hart is in spin, lib\.c:19\./) });
  });

  it('says why a program without line information cannot be stepped by C lines', () => {
    const s = gccBuilt(false);
    expect(s.setSourceBreakpoints('lib.c', [8])).toEqual({ file: 'lib.c', lines: [] });
    expect(() => s.stepSource('line', 0)).toThrow(SessionError);
    expect(() => s.stepSource('line', 0)).toThrow(/has no C line information/);
    expect(s.state).toBe('paused');
  });
});
