// Source-level debugging of a bare-metal program, end to end in Chromium on
// the production build: the "hello" example opened from the Example menu, a
// breakpoint set with a click in the editor's gutter, Build & load and Run:
// the run stops on that line (highlighted in the editor), Step line moves one
// line, Step into enters uart_putdec in uart.c (the editor switches file),
// Step out returns to main. Then "echo": a Step line over uart_getc() waits
// for a key, and Pause stops it in uart_getc and says so.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';
import { gutterLinesWith } from './support/monaco.ts';

const source = (path: string) => readFileSync(join(import.meta.dirname, '../examples/bare-metal', path), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const HELLO = source('hello/hello.c');
const ECHO = source('echo/echo.c');
const UART = source('lib/uart.c');

const editorPane = (page: Page) => page.getByRole('region', { name: 'Driver source' });
const editorOf = (page: Page) => editorPane(page).locator('.monaco-editor');
const linesWith = (page: Page, selector: string) => gutterLinesWith(editorOf(page), selector);
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Machine controls' }).getByRole('button', { name: new RegExp(`^${name}`) });

/** Opens a bare-metal example from the Example menu; its main file shows in the editor. */
async function openExample(page: Page, title: string, main: string): Promise<void> {
  await page.getByLabel('Example').selectOption({ label: title });
  await expect(editorPane(page).getByRole('tab', { name: main })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('editor-check')).toContainText('kernel-C:');
}

/** A click in the glyph margin beside `line` (it must be in view). */
async function clickGutter(page: Page, line: number): Promise<void> {
  const number = editorOf(page).locator('.line-numbers', { hasText: new RegExp(`^${line}$`) });
  const box = (await number.boundingBox())!;
  const margin = (await editorOf(page).locator('.glyph-margin').boundingBox())!;
  await page.mouse.click(margin.x + margin.width / 2, box.y + box.height / 2);
  await expect.poll(() => linesWith(page, '.editor-breakpoint')).toEqual([line]);
}

async function buildAndRun(page: Page, playground: PlaygroundPage, main: string): Promise<void> {
  await page.getByRole('button', { name: 'Build & load', exact: true }).click();
  await expect(playground.programName).toHaveText(main, { timeout: 30_000 });
  await expect(playground.runState).toHaveText('Paused');
  await playground.button('Run').click();
}

test('hello: a gutter breakpoint stops the run on its line; Step line, Step into uart.c, Step out', async ({ page }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  await playground.open();
  await openExample(page, 'Bare-metal hello', 'hello.c');
  const second = lineOf(HELLO, 'uart_puts("2 + 40 = ");');
  await clickGutter(page, second);
  await buildAndRun(page, playground, 'hello.c');

  // The run stops before the line runs: nothing of it is printed yet.
  await expect(playground.runState).toHaveText('Paused');
  await expect.poll(() => linesWith(page, '.editor-current-line')).toEqual([second]);
  await expect(playground.stopReason).toContainText('breakpoint');
  await playground.expectTerminalToContain('Hello from bare metal');
  expect(await playground.terminalText()).not.toContain('2 + 40');

  // Step line: the call runs (its text appears), and the next line is the current one.
  await toolbarButton(page, 'Step line').click();
  await expect.poll(() => linesWith(page, '.editor-current-line')).toEqual([second + 1]);
  await playground.expectTerminalToContain('2 + 40 = ');

  // Step into uart_putdec: the editor shows uart.c at the function's first statement.
  await toolbarButton(page, 'Step into').click();
  await expect(editorPane(page).getByRole('tab', { name: 'uart.c' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => linesWith(page, '.editor-current-line')).toEqual([lineOf(UART, 'int n = 0;')]);
  await expect(playground.stopReason).toContainText('Stepped into the function. Now in uart_putdec, uart.c:');
  await page.screenshot({ path: 'test-results/baremetal-debug-stepped-into.png' });

  // Step out: back in main, in hello.c, where the call returns (the next line: the call ends its line).
  await toolbarButton(page, 'Step out').click();
  await expect(editorPane(page).getByRole('tab', { name: 'hello.c' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => linesWith(page, '.editor-current-line')).toEqual([second + 2]);
  await expect(playground.stopReason).toContainText(`Returned to the caller. Now in main, hello.c:${second + 2}.`);
  await playground.expectTerminalToContain('2 + 40 = 42');
  await page.screenshot({ path: 'test-results/baremetal-debug-stepped-out.png' });

  // Run: the program ends, and the current line goes with the run.
  await playground.button('Run').click();
  await expect(playground.runState).toHaveText('Stopped');
});

test('echo: Pause stops a Step line that waits for a key in uart_getc, and says where the hart is', async ({ page }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  await playground.open();
  await openExample(page, 'Bare-metal echo', 'echo.c');
  const getc = lineOf(ECHO, 'char c = uart_getc();');
  await clickGutter(page, getc);
  await buildAndRun(page, playground, 'echo.c');
  await expect(playground.runState).toHaveText('Paused');
  await expect.poll(() => linesWith(page, '.editor-current-line')).toEqual([getc]);

  await page.keyboard.press('F10'); // Step line over uart_getc(): no key comes
  await expect(playground.runState).toHaveText('Running');
  await page.keyboard.press('F6');
  await expect(playground.runState).toHaveText('Paused');
  await expect(playground.stopReason).toContainText('Paused during Step line: the hart is in uart_getc, uart.c:');
  await expect(editorPane(page).getByRole('tab', { name: 'uart.c' })).toHaveAttribute('aria-selected', 'true');
  const poll = lineOf(UART, 'while (!(UART0[UART_LSR] & UART_LSR_DR))');
  await expect.poll(async () => (await linesWith(page, '.editor-current-line'))[0]).toBeGreaterThanOrEqual(poll);
  expect((await linesWith(page, '.editor-current-line'))[0]).toBeLessThanOrEqual(poll + 1);
  await page.screenshot({ path: 'test-results/baremetal-debug-paused-step.png' });
});
