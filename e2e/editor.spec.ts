// The driver editor, end to end in Chromium on the production build: the
// stopwatch driver the page opens with, a mistake typed into it marked on its
// line as you type (and gone once fixed), hover showing a kernel function's
// prototype, F12 opening the guest header read-only at the declaration, and
// breakpoints set from the gutter and with F9 that move with their line.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './support/test.ts';
import { gutterLinesWith } from './support/monaco.ts';

const DRIVER = readFileSync(join(import.meta.dirname, '../src/guest/drivers/stopwatch/stopwatch.c'), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const HEADER = readFileSync(join(import.meta.dirname, '../src/guest/include/linux/platform_device.h'), 'utf8');

class EditorPane {
  readonly pane;
  readonly check;
  readonly editor;

  constructor(private readonly page: Page) {
    this.pane = page.getByRole('region', { name: 'Driver source' });
    this.check = page.getByTestId('editor-check');
    this.editor = this.pane.locator('.monaco-editor');
  }

  tab(name: string) {
    return this.pane.getByRole('tab', { name });
  }

  /** Selects the first match of `text` after the cursor with Monaco's find widget, as a student would with Ctrl+F. */
  async select(text: string): Promise<void> {
    await this.editor.click({ position: { x: 140, y: 12 } });
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const input = this.pane.getByRole('textbox', { name: 'Find' });
    await input.fill(text);
    await input.press('Enter');
    await expect(this.pane.locator('.currentFindMatch').first()).toBeVisible();
    await input.press('Escape');
  }

  /** The line numbers, in the gutter, of the lines that carry `selector` (a squiggle, a breakpoint dot). */
  linesWith(selector: string): Promise<number[]> {
    return gutterLinesWith(this.editor, selector);
  }

  /** The line number the cursor is on. */
  async cursorLine(): Promise<number> {
    return Number(await this.editor.locator('.line-numbers.active-line-number').textContent());
  }
}

async function openStopwatch(page: Page): Promise<EditorPane> {
  await page.goto('/'); // the page opens the stopwatch driver when nothing else is open
  const editor = new EditorPane(page);
  await expect(editor.tab('stopwatch.c')).toHaveAttribute('aria-selected', 'true');
  await expect(editor.tab('stopwatch_hw-sw.h')).toBeVisible();
  await expect(editor.editor.locator('.view-lines')).toContainText('SPDX-License-Identifier: GPL-2.0');
  await expect(editor.check).toContainText('kernel-C:');
  await expect(editor.check).not.toContainText('error');
  return editor;
}

test('a mistake is marked on its line as you type, and the mark goes once it is fixed', async ({ page }) => {
  const editor = await openStopwatch(page);
  await expect(editor.editor.locator('.squiggly-error')).toHaveCount(0);

  await editor.select('platform_get_irq(pdev');
  await page.keyboard.press('ArrowRight'); // after "pdev"
  await page.keyboard.type('v');
  const line = lineOf(DRIVER, 'sw->irq = platform_get_irq(pdev');
  await expect(editor.check).toContainText('1 error');
  await expect.poll(() => editor.linesWith('.squiggly-error')).toEqual([line]);
  await page.screenshot({ path: 'test-results/editor-error-marker.png' });

  // Hovering the squiggle says what is wrong, in the compiler's words.
  // (Monaco's text layer lies over the squiggle, so the mouse goes to its place.)
  const squiggle = (await editor.editor.locator('.squiggly-error').first().boundingBox())!;
  await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'pdevv' }).first()).toBeVisible();

  await page.keyboard.press('Control+Z');
  await expect(editor.check).not.toContainText('error');
  await expect(editor.editor.locator('.squiggly-error')).toHaveCount(0);
});

test("hovering a kernel function shows its prototype from the guest's headers", async ({ page }) => {
  const editor = await openStopwatch(page);
  await editor.select('devm_request_irq(');
  const selected = editor.editor.locator('.selected-text').first();
  await expect(selected).toBeVisible();
  const match = await selected.boundingBox();
  expect(match).not.toBeNull();
  await page.mouse.move(match!.x + 20, match!.y + match!.height / 2);
  const hover = page.locator('.monaco-hover').filter({ hasText: 'devm_request_irq' }).first();
  await expect(hover).toContainText('static inline int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler, unsigned long irqflags, const char *devname, void *dev_id)');
  await expect(hover).toContainText('declared in linux/interrupt.h:');
  await page.screenshot({ path: 'test-results/editor-hover.png' });
});

test('F12 opens the guest header read-only at the declaration, in a tab that closes', async ({ page }) => {
  const editor = await openStopwatch(page);
  await editor.select('platform_get_irq(pdev');
  await page.keyboard.press('ArrowLeft'); // the cursor at the start of the name
  await page.keyboard.press('F12');

  const headerTab = editor.tab('<linux/platform_device.h> read-only');
  await expect(headerTab).toHaveAttribute('aria-selected', 'true');
  const declaration = lineOf(HEADER, 'extern int platform_get_irq(');
  await expect.poll(() => editor.cursorLine()).toBe(declaration);
  await expect(editor.editor.locator('.view-lines')).toContainText('extern int platform_get_irq(struct platform_device *, unsigned int);');
  await page.screenshot({ path: 'test-results/editor-definition.png' });

  // Typing in a header changes nothing, and says why.
  await page.keyboard.type('x');
  await expect(page.locator('.monaco-editor-overlaymessage')).toContainText('guest header: read-only');
  await expect(editor.editor.locator('.view-lines')).toContainText('extern int platform_get_irq(struct platform_device *, unsigned int);');

  await editor.pane.getByRole('button', { name: 'Close linux/platform_device.h' }).click();
  await expect(headerTab).toHaveCount(0);
  await expect(editor.tab('stopwatch.c')).toHaveAttribute('aria-selected', 'true');
  await expect(editor.check).not.toContainText('error');
});

test('breakpoints: F9 toggles one on the cursor line, a click in the gutter sets another', async ({ page }) => {
  const editor = await openStopwatch(page);
  await editor.select('sw->irq = platform_get_irq');
  const line = lineOf(DRIVER, 'sw->irq = platform_get_irq');
  await page.keyboard.press('F9');
  await expect.poll(() => editor.linesWith('.editor-breakpoint')).toEqual([line]);
  await page.keyboard.press('F9');
  await expect(editor.editor.locator('.editor-breakpoint')).toHaveCount(0);

  // A click in the glyph margin beside the line below.
  const below = editor.editor.locator('.line-numbers', { hasText: new RegExp(`^${line + 1}$`) });
  const box = (await below.boundingBox())!;
  const margin = (await editor.editor.locator('.glyph-margin').boundingBox())!;
  await page.mouse.click(margin.x + margin.width / 2, box.y + box.height / 2);
  await expect.poll(() => editor.linesWith('.editor-breakpoint')).toEqual([line + 1]);

  // A line typed above it: the breakpoint moves down with its line of code.
  await editor.select('sw->irq = platform_get_irq');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.linesWith('.editor-breakpoint')).toEqual([line + 2]);
  await expect(editor.editor.locator('.view-line').filter({ hasText: 'if (sw->irq < 0)' })).toHaveCount(1);
});
