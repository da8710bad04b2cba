// C in the browser, end to end in Chromium: a .c file opened in the page is
// compiled by the kernel-C compiler in the worker. Its errors appear in the
// Build pane where gcc puts them, with the caret under the token; a program
// that builds runs and prints what the same file built by gcc prints on QEMU.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';
import { buildBaremetal, qemuOutput } from './support/baremetal.ts';
import { FIXTURES, gccDiagnostics, gccOnQemu } from './support/gcc-oracle.ts';

test('a C file with an error: the Build pane points at the token, and the program loaded before stays', async ({ page }) => {
  const src = join(FIXTURES, 'struct-pointer-dot.c');
  const [expected] = gccDiagnostics(src).filter((d) => d.severity === 'error');
  expect(expected, 'gcc finds the error too').toBeDefined();
  const elf = buildBaremetal('hello');
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openProgram(elf);
  await expect(playground.runState).toHaveText('Paused');

  await playground.openProgram(src);
  await expect(playground.buildSummary).toContainText('struct-pointer-dot.c did not compile (1 error)');
  await expect(playground.buildSummary).toContainText('hello.elf is still the loaded program');
  await expect(playground.diagnostics).toHaveCount(1);
  const d = await playground.diagnostic(0);
  expect(d.location).toBe(`struct-pointer-dot.c:${expected.line}:${expected.col}`);
  expect(d.severity).toBe('error');
  expect(d.message).toBe("'regs' is a pointer to struct StopWatch_regs; use '->' instead of '.'");
  const sourceLine = readFileSync(src, 'utf8').split('\n')[expected.line - 1];
  expect(d.source).toBe(sourceLine);
  expect(d.token).toBe('.');
  expect(d.caret.indexOf('^')).toBe(expected.col - 1); // the caret line keeps the tabs, so it sits under the '.'
  await expect(playground.buildPane.getByRole('heading')).toHaveText('Build — kernel-C compiler, in your browser');
  await page.screenshot({ path: 'test-results/build-error.png' });
  await playground.buildPane.screenshot({ path: 'test-results/build-pane.png' });

  // The page stays usable: the old program still runs.
  await expect(playground.programName).toHaveText('hello.elf');
  await playground.button('Run').click();
  for (const line of qemuOutput(elf).split('\n').filter((l) => l.trim())) await playground.expectTerminalToContain(line.trimEnd());
  await expect(playground.exitStatus).toHaveText('exit status 0');
});

test('a valid C program compiles in the page, runs, and prints what gcc + QEMU print', async ({ page }) => {
  const src = join(FIXTURES, 'fib64.c');
  const reference = gccOnQemu(src);
  expect(reference.lines.length, 'the program prints under QEMU').toBeGreaterThan(3);
  expect(reference.exitCode).not.toBe(0); // main's return value, taken from its checksum
  const playground = new PlaygroundPage(page);
  await playground.open();

  await playground.openProgram(src);
  await expect(playground.buildSummary).toHaveText(/^fib64\.c compiled in \d+ ms and was loaded as the program\.$/);
  await expect(playground.diagnostics).toHaveCount(0);
  await expect(playground.programName).toHaveText('fib64.c');
  await expect(playground.runState).toHaveText('Paused');
  await playground.button('Run').click();
  await expect(playground.runState).toHaveText('Stopped');
  for (const line of reference.lines) await playground.expectTerminalToContain(line);
  await expect(playground.exitStatus).toHaveText(`exit status ${reference.exitCode}`);
  await page.screenshot({ path: 'test-results/build-run.png' });
});

test('warnings show even when the build succeeds, and a dropped .c file is compiled too', async ({ page }) => {
  const src = join(FIXTURES, 'unused-variable.c');
  const [expected] = gccDiagnostics(src).filter((d) => d.severity === 'warning');
  expect(expected?.message).toContain("unused variable 'count'");
  const reference = gccOnQemu(src);
  const playground = new PlaygroundPage(page);
  await playground.open();

  await playground.dropFile('unused-variable.c', readFileSync(src));
  await expect(playground.buildSummary).toContainText('unused-variable.c compiled in');
  await expect(playground.buildSummary).toContainText('(1 warning) and was loaded');
  const d = await playground.diagnostic(0);
  expect(d).toMatchObject({ location: `unused-variable.c:${expected.line}:${expected.col}`, severity: 'warning', token: 'count' });
  expect(d.message).toContain("unused variable 'count'");
  await playground.button('Run').click();
  for (const line of reference.lines) await playground.expectTerminalToContain(line);
  await expect(playground.exitStatus).toHaveText(`exit status ${reference.exitCode}`);
});
