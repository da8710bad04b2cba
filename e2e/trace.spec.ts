// The Trace pane, end to end in real Chromium on the production build: a shell
// command becomes a trapped register write in the event list, `show` a
// pass-through read of the text the device wrote, clicking the START event
// highlights the driver's writel line in the editor, the timeline's text
// alternative follows what it shows, and the Perfetto export holds the START.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/test.ts';
import { gutterLinesWith } from './support/monaco.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

const DRIVER = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../src/guest/drivers/stopwatch/stopwatch.c'), 'utf8');
/** The line of the driver whose writel sends a command: where a write to `command` comes from. */
const WRITEL_LINE = DRIVER.split('\n').findIndex((l) => /writel\(command,/.test(l)) + 1;

/** Types a command in the guest terminal and waits for the prompt after it; what it printed. */
async function shell(playground: PlaygroundPage, command: string): Promise<string> {
  await playground.typeInTerminal(`${command}\n`);
  let output = '';
  await expect.poll(async () => {
    const t = await playground.terminalText();
    const at = t.lastIndexOf(`# ${command}`);
    const after = at < 0 ? '' : t.slice(at + command.length + 2);
    output = after.replace(/\n\/ #\s*$/, '');
    return at >= 0 && /\n\/ #\s*$/.test(after);
  }, { message: `the prompt after ${command}` }).toBe(true);
  return output.trim();
}

test('the trace pane follows a shell command to the device and back to the C line', async ({ page }) => {
  expect(WRITEL_LINE).toBeGreaterThan(0);
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await playground.waitForPrompt();

  const trace = page.getByRole('region', { name: 'Trace' });
  const log = trace.getByRole('log', { name: 'Trace events' });
  const timeline = trace.getByRole('img', { name: /^Timeline from/ });
  const filter = trace.getByRole('searchbox', { name: 'Filter events' });
  await expect(log).toHaveAttribute('aria-live', 'off');
  const labelAtBoot = await timeline.getAttribute('aria-label');

  await shell(playground, '/guest_fs/stopwatch_ctrl.sh start');
  await filter.fill('command = START');
  const start = log.getByText('exit · write command = START (1)', { exact: true });
  await expect(start).toBeVisible();
  await expect.poll(() => timeline.getAttribute('aria-label'), { message: 'the timeline counts the new events' }).not.toBe(labelAtBoot);

  // Clicking it selects it everywhere: the writel line in Monaco, the store in the Code pane.
  await start.click();
  const editor = page.getByRole('region', { name: 'Driver source' }).locator('.monaco-editor');
  await expect.poll(() => gutterLinesWith(editor, '.editor-trace-marker'), { message: 'the traced line in the editor' }).toEqual([WRITEL_LINE]);
  await expect(trace.getByLabel('Selected event')).toContainText(`stopwatch.c:${WRITEL_LINE}`);
  await expect(page.getByLabel('Instruction of the selected trace event').locator('li[aria-current="true"] .text')).toHaveText(/^sw /); // the store that trapped

  // The selected event is marked on the timeline; zooming in changes the window it describes.
  const selectedLabel = await timeline.getAttribute('aria-label');
  await timeline.focus();
  await page.keyboard.press('+');
  await expect.poll(() => timeline.getAttribute('aria-label')).not.toBe(selectedLabel);
  await trace.getByRole('button', { name: 'Fit' }).click();

  // show: the device writes the text into the shared buffer, and the driver copies it out with no exit.
  await filter.fill('');
  const shown = (await shell(playground, '/guest_fs/stopwatch_ctrl.sh show')).match(/^\d+\.\d\d seconds$/);
  expect(shown).not.toBeNull();
  await filter.fill('pass-through · read data[');
  await expect(log.getByText(`pass-through · read data[0..13] "${shown![0]}"`, { exact: true })).toBeVisible();

  // timeout 1: a second later the IRQ line goes up, the trap names the driver's handler, the PLIC claims and completes.
  await filter.fill('');
  await shell(playground, '/guest_fs/stopwatch_ctrl.sh timeout 1; sleep 2');
  for (const text of ['irq 64 ↑ (stopwatch.timeout)', 'trap scause=0x80000009 → stopwatch_timeout_irq', 'plic claim 64',
    'exit · write command = TIMEOUT_ACK (5)', 'irq 64 ↓ (stopwatch.timeout)', 'complete 64']) {
    await filter.fill(text);
    await expect(log.getByText(text, { exact: true }).first()).toBeVisible();
  }
  await filter.fill('pass-through · read data[');

  await page.screenshot({ path: 'test-results/trace/page-1440x900.png' });
  await trace.screenshot({ path: 'test-results/trace/trace-pane-1440x900.png' });

  // The Perfetto export: a JSON trace with the START write in it.
  await filter.fill('');
  await trace.getByRole('button', { name: 'Export ▾' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), trace.getByRole('button', { name: 'Trace for Perfetto (.json)' }).click()]);
  expect(download.suggestedFilename()).toBe('paravirt-trace.json');
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { traceEvents: { name: string; args?: { valueName?: string } }[] };
  expect(json.traceEvents.some((e) => e.name === 'exit write stopwatch.command' && e.args?.valueName === 'START')).toBe(true);

  // The keyboard moves the selection in the list; Follow keeps the newest event selected as the guest runs.
  await log.focus();
  await page.keyboard.press('Home');
  const first = log.locator('[aria-current="true"] .trace-text');
  await expect(first).toBeVisible();
  await expect(trace.getByLabel('Selected event')).toContainText((await first.textContent())!);
  await trace.getByRole('checkbox', { name: 'Follow' }).check();
  await shell(playground, '/guest_fs/stopwatch_ctrl.sh pause');
  await expect(log.getByText('exit · write command = PAUSE (2)', { exact: true })).toBeVisible();
  const newest = log.locator('.trace-row').last();
  await expect(newest).toHaveAttribute('aria-current', 'true');

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(timeline).toBeVisible();
  await page.screenshot({ path: 'test-results/trace/page-1024x768.png' });
  await trace.screenshot({ path: 'test-results/trace/trace-pane-1024x768.png' });
});
