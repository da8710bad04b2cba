// The translator switch of a session (the page's "JIT" box, `--no-jit`):
// switched off, on, or in the middle of a run, the program prints the same,
// ends the same and retires the same instructions.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionBoard } from './create-board.ts';
import { Session } from './session.ts';
import { buildBaremetal } from '../../tests/support/oracles.ts';

const image = new Uint8Array(readFileSync(buildBaremetal('muldiv', join(mkdtempSync(join(tmpdir(), 'session-jit-')), 'muldiv.elf'))));

/** Runs the program to its power-off in slices, switching the translator as `jitAt(slice)` says. */
function run(session: Session, jitAt: (slice: number) => boolean): { output: string; instret: number; exitCode: number } {
  session.loadElf('muldiv.elf', image, 'muldiv.elf');
  let output = '';
  for (let slice = 0; slice < 10_000; slice++) {
    session.setJit(jitAt(slice));
    const stop = session.step(50_000);
    output += new TextDecoder().decode(session.takeUartOutput());
    if (stop.reason === 'poweroff') return { output, instret: session.registers()!.instret, exitCode: stop.exitCode };
    expect(stop.reason).toBe('step');
  }
  throw new Error('muldiv did not power off');
}

describe('Session jit switch', () => {
  it('off, on, or toggled every slice: the same output, end and instruction count', () => {
    const off = run(new Session(createSessionBoard, { jit: false }), () => false);
    const on = run(new Session(createSessionBoard), () => true);
    const toggled = run(new Session(createSessionBoard), (slice) => slice % 2 === 0);
    expect(off.output).toMatch(/\S/);
    expect(on).toEqual(off);
    expect(toggled).toEqual(off);
  });
});
