// A C program compiled in the session (as the worker does for the browser),
// loaded and run: it prints and exits exactly as the same file built by
// riscv64-unknown-elf-gcc and run on qemu-system-riscv32 -M virt (the oracle).
// A build that fails reports gcc-style diagnostics and keeps the old program.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caretLine } from '../protocol/build.ts';
import { buildWithGcc, runOnQemu } from '../../tests/cc/legs.ts';
import { buildAndLoad } from './build.ts';
import { createVirtBoard } from './create-board.ts';
import { Session } from './session.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures');
const OUT = mkdtempSync(join(tmpdir(), 'session-build-'));

function runToPowerOff(session: Session): { output: string; exitCode: number | null } {
  session.start(0);
  let output = '';
  for (let i = 0; i < 10_000 && session.state === 'running'; i++) {
    session.runSlice(100_000, 0);
    output += Buffer.from(session.takeUartOutput()).toString('latin1');
  }
  const stop = session.stop;
  return { output, exitCode: stop?.reason === 'poweroff' ? stop.exitCode : null };
}

describe('building C in a session', () => {
  it('compiles, loads and runs a program that prints what gcc + QEMU print', () => {
    const src = join(FIXTURES, 'fib64.c');
    const gccElf = join(OUT, 'fib64.gcc.elf');
    buildWithGcc(src, gccElf);
    const reference = runOnQemu(gccElf);
    expect(reference.output).toContain('fib(90)');

    const session = new Session(() => createVirtBoard());
    const build = buildAndLoad(session, 'fib64.c', readFileSync(src, 'utf8'));
    expect(build.diagnostics).toEqual([]);
    expect(build.ok).toBe(true);
    expect(session.programName).toBe('fib64.c');
    expect(session.state).toBe('paused');
    expect(runToPowerOff(session)).toEqual(reference);
  });

  it('reports an error where it is, with gcc\'s text, and keeps the program loaded before', () => {
    const session = new Session(() => createVirtBoard());
    buildAndLoad(session, 'ok.c', 'int main(void) { return 7; }\n');
    const bad = 'int main(void)\n{\n\treturn count + 1;\n}\n';
    const build = buildAndLoad(session, 'bad.c', bad);
    expect(build.ok).toBe(false);
    expect(build.entry).toBeNull();
    const [first] = build.diagnostics;
    expect(first).toMatchObject({ severity: 'error', file: 'bad.c', line: 3, col: 9, length: 5, sourceLine: '\treturn count + 1;', sourceCol: 9 });
    expect(first.message).toContain("'count'");
    expect(first.text).toMatch(/^bad\.c:3:9: error: .*'count'.*\n +3 \| \treturn count \+ 1;\n +\| \t {7}\^~~~~$/);
    // The Build pane draws its caret with the protocol's helper: the same as the compiler's own text.
    expect(first.text.split('\n')[2]).toBe(`      | ${caretLine(first.sourceLine!, first.col, first.length)}`);
    expect(session.programName).toBe('ok.c');
    expect(runToPowerOff(session).exitCode).toBe(7);
  });

  it('sends a window of a 1 MB line, not the line, with the caret on the offending token', () => {
    const session = new Session(() => createVirtBoard());
    const bad = `int main(void) { int a = 1;${' '.repeat(1 << 20)}return b; }\n`;
    const [first] = buildAndLoad(session, 'wide.c', bad).diagnostics;
    expect(first).toMatchObject({ severity: 'error', line: 1, col: bad.indexOf('b;') + 1 });
    expect(first.sourceLine!.length).toBeLessThan(300);
    expect(first.sourceLine!.startsWith('…')).toBe(true);
    expect(first.sourceLine![first.sourceCol! - 1]).toBe('b');
    // The pane's caret, drawn with the protocol's helper, is the compiler's own caret line.
    expect(first.text.split('\n')[2]).toBe(`      | ${caretLine(first.sourceLine!, first.sourceCol!, first.length)}`);
  });

  it('keeps warnings when the build succeeds', () => {
    const session = new Session(() => createVirtBoard());
    const build = buildAndLoad(session, 'warn.c', 'int main(void)\n{\n\tint unused;\n\treturn 0;\n}\n');
    expect(build.ok).toBe(true);
    expect(build.diagnostics).toMatchObject([{ severity: 'warning', line: 3, col: 6, length: 6 }]);
    expect(session.programName).toBe('warn.c');
  });
});
