// The page as the driver's workbench, end to end in Chromium on the production
// build: a mistake is marked in the editor and Build & load refuses it while
// the old module keeps running; fixed, Build & load swaps the new module in;
// a breakpoint on a line of the read function stops `cat` there, Step line
// moves one C line with the registers changing; and the edit survives a reload.

import { expect, test } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';


test('edit, refuse a broken build, load a fixed one, stop on a C line and step, keep the edit across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await playground.waitForPrompt();
  const check = page.getByTestId('editor-check');
  await expect(check).toContainText('kernel-C:');

  // A mistake: the marker sits on its line, and Build & load loads nothing.
  await playground.findInEditor('return simple_read_from_buffer');
  await page.keyboard.press('End');
  await page.keyboard.type(' oops');
  const brokenLine = Number(await playground.editor.locator('.line-numbers.active-line-number').textContent());
  await expect.poll(() => playground.editorLinesWith('.squiggly-error')).toContain(brokenLine);
  await page.keyboard.press('Control+s');
  await expect(playground.buildSummary).toContainText('does not compile');
  await playground.typeInTerminal('lsmod\n');
  await expect.poll(() => playground.terminalText()).toMatch(/lsmod\s*\n.*\nstopwatch\s+\d+/);

  // Fixed, with a change the student can see: the new module says so when it probes.
  await playground.findInEditor(' oops');
  await page.keyboard.press('Backspace');
  await playground.findInEditor('"stopwatch ready: irq');
  await page.keyboard.press('Home');
  await playground.findInEditor('stopwatch ready');
  await page.keyboard.type('my stopwatch ready');
  await page.keyboard.press('Delete');
  await expect.poll(() => playground.editorLinesWith('.squiggly-error')).toEqual([]);
  await page.getByRole('button', { name: 'Build & load', exact: true }).click();
  await expect(playground.buildSummary).toContainText('now runs in the guest');
  await playground.expectTerminalToContain('my stopwatch ready');
  await playground.typeInTerminal('lsmod\n');
  await playground.expectTerminalToContain('/ # lsmod');

  // A breakpoint on the read function's first line, then cat: the hart stops there.
  const line = await playground.findInEditor('if (*ppos == 0)');
  await page.keyboard.press('F9');
  await expect.poll(() => playground.editorLinesWith('.editor-breakpoint')).toEqual([line]);
  await playground.typeInTerminal('cat /sys/kernel/debug/stopwatch/stopwatch\n');
  await expect(playground.runState).toContainText('Paused', { timeout: 30_000 });
  await expect.poll(() => playground.editorLinesWith('.editor-current-line')).toEqual([line]);
  const pcAtStop = await playground.pc.innerText();
  await page.screenshot({ path: 'test-results/workbench-stopped.png' });

  // Step line: the next C line of the same function, and the pc moved.
  await page.keyboard.press('F10');
  await expect.poll(() => playground.editorLinesWith('.editor-current-line')).toEqual([line + 1]);
  await expect(playground.pc).not.toHaveText(pcAtStop);

  // Remove the breakpoint and run on: cat finishes.
  await playground.findInEditor('if (*ppos == 0)');
  await page.keyboard.press('F9');
  await page.keyboard.press('F5');
  await expect.poll(() => playground.terminalText()).toMatch(/\d+\.\d\d seconds\s*\n\/ #\s*$/);

  // Reload: the edit is still in the editor.
  await page.reload();
  await expect(page.getByTestId('editor-check')).toContainText('kernel-C:');
  await playground.findInEditor('my stopwatch ready'); // Monaco draws only the lines in view: find scrolls there
  await expect(playground.editor.locator('.view-lines')).toContainText('my stopwatch ready');
});
