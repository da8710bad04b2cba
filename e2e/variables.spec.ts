// The Variables view, end to end in Chromium on the production build: stopped
// at a breakpoint in the stopwatch driver's read function under `cat`, the
// machine column lists the function's arguments (file, buf, count, ppos) with
// their values and types and its local `sw`; Step line assigns `sw`, and the
// view marks it as changed in words and by its ◆, not by colour alone.

import { expect, test } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

test('stopped in the read function, the Variables view shows its arguments and locals, and Step line marks the local it assigned', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await playground.waitForPrompt();
  await expect(page.getByTestId('editor-check')).toContainText('kernel-C:');
  const variables = page.getByRole('region', { name: 'Variables' });
  await expect(variables).toHaveCount(0); // running: no frame to show

  // A breakpoint on the read function's first line, then cat: the hart stops there.
  const line = await playground.findInEditor('struct stopwatch *sw = file->private_data;');
  await page.keyboard.press('F9');
  await expect.poll(() => playground.editorLinesWith('.editor-breakpoint')).toEqual([line]);
  await playground.typeInTerminal('cat /sys/kernel/debug/stopwatch/stopwatch\n');
  await expect(playground.runState).toContainText('Paused', { timeout: 30_000 });

  await expect(variables.getByRole('heading', { name: 'Variables' })).toBeVisible();
  await expect(variables).toContainText('in stopwatch_time_read()');
  const row = (name: string) => variables.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) });
  for (const name of ['file', 'buf', 'count', 'ppos', 'sw']) await expect(row(name), name).toHaveCount(1);
  await expect(row('count')).toContainText('size_t');
  // cat asks for a buffer's worth: a positive count, shown in decimal and hex.
  const count = await row('count').locator('.var-value').innerText();
  expect(count).toMatch(/^[1-9]\d* \(0x[0-9a-f]{8}\)$/);
  await expect(row('file')).toContainText('struct file *');
  await expect(row('file').locator('.var-value')).toHaveText(/^0x[0-9a-f]{8}$/);
  await expect(row('ppos')).toContainText('loff_t *');
  await expect(row('sw')).toContainText('struct stopwatch *');
  const swBefore = await row('sw').locator('.var-value').innerText();
  await expect(variables.locator('tr.changed')).toHaveCount(0); // the first stop: nothing to compare with
  await page.screenshot({ path: 'test-results/variables-stopped.png' });

  // Step line: the line assigns sw (the stopwatch, from file->private_data); it is marked as changed.
  await page.keyboard.press('F10');
  await expect.poll(() => playground.editorLinesWith('.editor-current-line')).toEqual([line + 2]);
  await expect(row('sw').locator('.var-value')).not.toHaveText(swBefore);
  await expect(row('sw').locator('.var-value')).toHaveText(/^0x[0-9a-f]{8}, changed$/);
  await expect(row('sw')).toHaveClass(/changed/);
  await expect(row('sw')).toContainText('◆');
  await expect(row('count')).not.toHaveClass(/changed/); // the arguments kept their values
  await expect(row('count').locator('.var-value')).toHaveText(count);
  await expect(variables).toContainText('◆ and bold: changed since the last stop');
  await page.screenshot({ path: 'test-results/variables-stepped.png' });

  // Run on: cat finishes, and the view goes away with the stop.
  await playground.findInEditor('struct stopwatch *sw = file->private_data;');
  await page.keyboard.press('F9');
  await page.keyboard.press('F5');
  await expect.poll(() => playground.terminalText()).toMatch(/\d+\.\d\d seconds\s*\n\/ #\s*$/);
  await expect(variables).toHaveCount(0);
});
