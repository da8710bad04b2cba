// The Code pane reads like `objdump -dl` of the student's driver, end to end in
// Chromium on the production build: stopped at a breakpoint in the stopwatch's
// read function, the pane names the function and shows the C line right before
// the instruction the hart is about to run; Run to cursor (Ctrl+F10) runs on to
// a later line and the editor's current line follows; the editor's text grows
// with the page's A+. Screenshots of the stop at 1440×900 and 1024×768 go to
// test-results/.

import { expect, test, type Page } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

/** The Code pane's printed C line for stopwatch.c:`line`. */
const sourceRow = (page: Page, line: number) => page.getByTestId('code-source').filter({ hasText: new RegExp(`^stopwatch\\.c:${line}(?!\\d)`) });

test('the Code pane shows the driver\'s C beside its instructions, and Run to cursor moves the stop to a later line', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await playground.waitForPrompt();
  await expect(page.getByTestId('editor-check')).toContainText('kernel-C:');

  // While the guest runs, Run to cursor says why it cannot act, and pressing it says so out loud.
  const runToCursor = page.getByRole('button', { name: /^Run to cursor/ });
  await expect(runToCursor).toHaveAttribute('aria-disabled', 'true');
  await expect(runToCursor).toHaveAttribute('title', /pause it at a breakpoint first/);
  await expect(runToCursor).toHaveAttribute('aria-keyshortcuts', 'Control+F10');

  // A breakpoint on the read function's test of *ppos, then cat: the hart stops there.
  const ifLine = await playground.findInEditor('if (*ppos == 0)');
  await page.keyboard.press('F9');
  await expect.poll(() => playground.editorLinesWith('.editor-breakpoint')).toEqual([ifLine]);
  await playground.typeInTerminal('cat /sys/kernel/debug/stopwatch/stopwatch\n');
  await expect(playground.runState).toContainText('Paused', { timeout: 30_000 });
  await expect.poll(() => playground.editorLinesWith('.editor-current-line')).toEqual([ifLine]);

  // The pane: the function's name, and the C line printed right before the instruction at pc.
  const code = page.getByTestId('code');
  await expect(code.getByTestId('code-function').first()).toHaveText('stopwatch_time_read():');
  const ifRow = sourceRow(page, ifLine);
  await expect(ifRow).toHaveCount(1);
  await expect(ifRow).toContainText('if (*ppos == 0)');
  await expect(ifRow.locator('xpath=following-sibling::li[1]')).toHaveClass(/\bat-pc\b/);

  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    await code.scrollIntoViewIfNeeded();
    const path = `test-results/code-pane-${width}x${height}.png`;
    await page.screenshot({ path });
    console.log(`screenshot: ${path}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Run to cursor, from the keyboard in the editor: to the return two lines down.
  const returnLine = await playground.findInEditor('return simple_read_from_buffer');
  expect(returnLine).toBeGreaterThan(ifLine + 1);
  await expect(runToCursor).toHaveAttribute('aria-disabled', 'false');
  await expect(runToCursor).toHaveAttribute('title', new RegExp(`line ${returnLine} of stopwatch\\.c`));
  const pcAtIf = await playground.pc.innerText();
  await page.keyboard.press('Control+F10');
  await expect.poll(() => playground.editorLinesWith('.editor-current-line')).toEqual([returnLine]);
  await expect(playground.runState).toContainText('Paused');
  await expect(playground.pc).not.toHaveText(pcAtIf);
  const returnRow = sourceRow(page, returnLine);
  await expect(returnRow).toContainText('return simple_read_from_buffer(buf, count, ppos, sw->text, sw->text_len);');
  await expect(returnRow.locator('xpath=following-sibling::li[1]')).toHaveClass(/\bat-pc\b/);
  await page.screenshot({ path: 'test-results/code-pane-run-to-cursor.png' });

  // The editor's text follows A+ as the rest of the page does.
  const editorFontPx = () => playground.editor.locator('.view-lines').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await editorFontPx();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect.poll(editorFontPx).toBeGreaterThan(before);

  // Clear the breakpoint and run on: cat finishes with the time.
  await playground.findInEditor('if (*ppos == 0)');
  await page.keyboard.press('F9');
  await page.keyboard.press('F5');
  await expect.poll(() => playground.terminalText()).toMatch(/\d+\.\d\d seconds\s*\n\/ #\s*$/);
});
