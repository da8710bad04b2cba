// The page's JIT box: switching translation off and on while a CPU-bound
// guest runs keeps it running and computing, and the page shows its speed
// either way (the figures are printed, not asserted: timing belongs in benchmarks).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';
import { buildWithCorpusRuntime } from '../tests/support/oracles.ts';

const OUT = join(import.meta.dirname, '..', 'test-results', 'e2e-elf');

function buildCpuBound(): string {
  mkdirSync(OUT, { recursive: true });
  return buildWithCorpusRuntime([join(import.meta.dirname, '..', 'scripts', 'bench', 'cpu-bound.c')], join(OUT, 'cpu-bound.elf'),
    { opt: '-O2', flags: ['-DROUNDS=100000'], libc: false });
}

test('the JIT box switches translation off and on while a guest runs', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openProgram(buildCpuBound());
  const jit = page.getByLabel('Translate hot code (JIT)');
  await expect(jit).toBeChecked();
  await playground.button('Run').click();
  await expect(playground.runState).toHaveText('Running');
  const mips = page.getByTestId('mips');
  const figures: string[] = [];
  for (const on of [true, false, true]) {
    if ((await jit.isChecked()) !== on) await jit.click();
    await expect(jit).toBeChecked({ checked: on });
    // The program goes on printing: the screen changes (once it is full it scrolls, so its length may not grow).
    const before = await playground.terminalText();
    await expect.poll(() => playground.terminalText(), { timeout: 60_000 }).not.toBe(before);
    await page.waitForTimeout(3000);
    await expect(mips).toHaveText(/^[1-9]\d* MIPS$/);
    figures.push(`JIT ${on ? 'on' : 'off'}: ${await mips.textContent()}`);
  }
  console.log(`page speed while running: ${figures.join(', ')}`);
  await expect(playground.runState).toHaveText('Running');
});
