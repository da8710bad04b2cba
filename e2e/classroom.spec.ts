// Classroom mode in real Chromium on the production build: a teacher turns
// the presenter view on (larger type, the high-contrast theme, a banner) and
// off again, runs the stopwatch script, and replays in slow motion the access
// it made (guest → bus → host → back, with the device model's callback) and
// the interrupt a timeout raised (device → PLIC → CPU → handler → ACK →
// complete), while the panes follow the hop shown. Screenshots of the
// presenter view and of the replay are kept with the test's results, at a
// laptop's 1440×900 and a projector's 1024×768.

import type { TestInfo } from '@playwright/test';
import { expect, test, type Page } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

const SCRIPT = '/guest_fs/stopwatch_ctrl.sh';
let commands = 0;

/** Types a command line and waits for the prompt after it (its `echo done-N` marker, then the prompt). */
async function command(playground: PlaygroundPage, line: string): Promise<void> {
  const marker = `done-${++commands}`;
  await playground.typeInTerminal(`${line}; echo ${marker}\n`);
  await expect.poll(async () => (await playground.terminalText()).trimEnd(), { message: `the prompt after '${line}'` })
    .toMatch(new RegExp(`(?<!echo )${marker}\\s*\\n/ #$`));
}

async function bootToPrompt(page: Page): Promise<PlaygroundPage> {
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await expect.poll(async () => (await playground.terminalText()).trimEnd(), { message: 'the shell prompt' }).toMatch(/\/ #$/);
  return playground;
}

const rootFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the presenter view: larger type, its own theme, every pane without a lesson; Escape and F4 leave it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await bootToPrompt(page);
  const toggle = page.getByRole('button', { name: 'Presenter view', exact: true });
  const banner = page.getByRole('region', { name: 'Presenter view' });
  const everyday = await rootFontPx(page);
  const everydayBackground = await bodyBackground(page);

  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(banner.getByRole('heading', { name: 'Presenter view' })).toBeVisible();
  await expect(banner).toContainText('Open a lesson in the Lessons panel');
  expect(await rootFontPx(page) / everyday, 'type about 1.5× larger').toBeGreaterThanOrEqual(1.4);
  expect(await bodyBackground(page)).toBe('rgb(0, 0, 0)');
  expect(await bodyBackground(page)).not.toBe(everydayBackground);
  // No lesson is open: every pane stays.
  for (const region of ['Guest', 'Device', 'Host', 'Trace']) await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
  await expect(page.getByTestId('terminal')).toBeVisible();
  await shoot(page, testInfo, 'presenter-view-1440x900');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('region', { name: 'Trace', exact: true })).toBeVisible();
  await shoot(page, testInfo, 'presenter-view-1024x768');

  // Escape from a button (not from the terminal, where Escape is the guest's) leaves it.
  await toggle.focus();
  await page.keyboard.press('Escape');
  await expect(banner).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await rootFontPx(page)).toBe(everyday);
  expect(await bodyBackground(page)).toBe(everydayBackground);

  // F4 turns it on and off, from anywhere (the terminal too).
  await page.getByTestId('terminal').click();
  await page.keyboard.press('F4');
  await expect(banner).toBeVisible();
  await page.keyboard.press('Escape'); // the guest's key in the terminal: the view stays
  await expect(banner).toBeVisible();
  await page.keyboard.press('F4');
  await expect(banner).toHaveCount(0);
});

test('Replay shows a real access hop by hop with its callback, then a real interrupt, and the panes follow', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const playground = await bootToPrompt(page);
  const replay = page.getByRole('region', { name: 'Slow-motion replay' });
  const hops = replay.getByRole('list', { name: 'Hops' });
  const caption = replay.getByTestId('replay-caption');
  const device = page.getByRole('region', { name: 'Device' });
  const host = page.getByRole('region', { name: 'Host' });

  await command(playground, `${SCRIPT} reset`);
  await command(playground, `${SCRIPT} start`);
  await page.getByRole('button', { name: 'Presenter view', exact: true }).click();

  // Nothing selected: Replay takes the newest trapped access, the START the script just wrote.
  await page.getByRole('region', { name: 'Trace', exact: true }).getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(replay).toBeVisible();
  await expect(replay).toContainText('write command = START → stopwatch_io_write');
  await expect(hops.getByRole('listitem')).toHaveText([
    /Guest CPU: the instruction/, /Bus: the address is an io region/, /Host: stopwatch_io_write/, /Back to the guest/,
  ]);
  await replay.getByRole('button', { name: 'Pause' }).click();
  await hops.getByRole('button', { name: /Guest CPU/ }).click();
  await expect(caption).toContainText('1/4');
  await expect(caption).toContainText(/store instruction at pc 0x[0-9a-f]+: exit · write command = START \(1\)/);
  await replay.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(caption).toContainText('vm exit → stopwatch write command (5 µs)');
  await replay.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(caption).toContainText('Host: stopwatch_io_write');
  await expect(caption).toContainText('host · stopwatch_io_write: COMMAND value: 0x1 (START)');
  await expect(caption).toContainText(/t = \d+\.\d{6} s \(\+5 µs\)/);
  // The panes follow the hop: the access is selected in the Device pane (its register) and the Host pane (its exit).
  await expect(device.getByTestId('device-register-command')).toHaveAttribute('aria-current', 'true');
  await expect(host.getByRole('list', { name: 'VM exits' }).locator('li[aria-current="true"]')).toContainText('stopwatch_io_write');
  await expect(page.getByTestId('presenter-following')).toContainText('exit · write command = START (1)');
  await shoot(page, testInfo, 'replay-access-host-1440x900');
  await replay.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(caption).toContainText('vm entry ← stopwatch: back to the guest; the store completes after 5 µs in the host');
  await expect(replay.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();

  // An interrupt: none yet, and the replay says how to make one.
  await replay.getByRole('button', { name: 'One interrupt' }).click();
  await expect(replay).toContainText('No interrupt in the trace yet: run stopwatch_ctrl.sh timeout 1');
  await command(playground, `${SCRIPT} timeout 1`);
  await expect(device.getByTestId('irq-text')).toHaveText(/fell at/, { timeout: 20_000 });
  await replay.getByRole('button', { name: 'One interrupt' }).click();
  await expect(replay).toContainText('IRQ 64 → stopwatch_timeout_irq');
  await expect(hops.getByRole('listitem')).toHaveText([
    /Device: line 64 rises/, /PLIC: pending/, /CPU: trap/, /PLIC: claim/, /Handler: stopwatch_timeout_irq/,
    /ACK: the line falls/, /PLIC: complete/, /CPU: back to what it ran/,
  ]);
  await expect(hops).not.toContainText('not in the trace');
  await hops.getByRole('button', { name: /ACK: the line falls/ }).click();
  await expect(caption).toContainText('exit · write command = TIMEOUT_ACK (5) → stopwatch_io_write · irq 64 ↓');
  await hops.getByRole('button', { name: /CPU: trap/ }).click();
  await expect(caption).toContainText(/trap scause=0x80000009 \(supervisor external interrupt\)/);
  await shoot(page, testInfo, 'replay-interrupt-1440x900');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(replay.getByRole('img')).toBeVisible();
  await shoot(page, testInfo, 'replay-interrupt-1024x768');

  // With reduced motion asked for, the hops still change but the token jumps instead of gliding.
  const token = replay.locator('.replay-token');
  expect(Number.parseFloat(await token.evaluate((el) => getComputedStyle(el).transitionDuration))).toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await hops.getByRole('button', { name: /PLIC: claim/ }).click();
  await expect(caption).toContainText('4/8 PLIC: claim');
  expect(await token.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');

  // Escape closes the replay first; the presenter view stays.
  await replay.getByRole('button', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(replay).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Presenter view' })).toBeVisible();
});

test('with a lesson open, the presenter view shows only the lesson\'s panes under its title, and all of them again after', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/?lesson=2'); // a teacher's link: lesson 2 lists editor, terminal, code, cpu, host and trace
  await expect(page.getByRole('region', { name: 'Lessons' })).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Presenter view', exact: true });
  const banner = page.getByRole('region', { name: 'Presenter view' });
  await toggle.click();
  await expect(banner.getByRole('heading', { name: 'Lesson 2 · Trapping MMIO' })).toBeVisible();
  await expect(banner).toContainText('VM exit');
  // The lesson's panes, and the lesson itself (the class follows its steps and its Check); not the Device pane.
  for (const shown of ['Lessons', 'Host', 'Trace', 'CPU registers']) await expect(page.getByRole('region', { name: shown, exact: true })).toBeVisible();
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  await expect(page.getByTestId('terminal')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Device', exact: true })).toBeHidden();
  await shoot(page, testInfo, 'presenter-lesson-2-1440x900');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('region', { name: 'Host', exact: true })).toBeVisible();
  await shoot(page, testInfo, 'presenter-lesson-2-1024x768');

  await toggle.click();
  await expect(banner).toHaveCount(0);
  for (const region of ['Device', 'Lessons', 'Host', 'Trace']) await expect(page.getByRole('region', { name: region, exact: true })).toBeVisible();
  await expect(page.getByTestId('terminal')).toBeVisible();
});
