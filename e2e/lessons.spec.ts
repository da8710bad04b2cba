// The Lessons panel, end to end in real Chromium on the production build, as
// a student follows a lesson: a teacher's link opens it, each step's button
// drives the playground (the pane is pointed at, the editor shows the line,
// the command waits on the shell's line for Enter, the breakpoint is set,
// Build & load runs), and Check reads what the machine did: it fails with the
// lesson's message while a step is not done, and passes once it is. The
// panel, with a lesson's diagram, is saved as a screenshot at 1440×900 and
// 1024×768 in the test's artefacts.

import type { TestInfo } from '@playwright/test';
import { expect, test, type Page } from './support/test.ts';
import { LessonsPage } from './pages/lessons-page.ts';
import { gutterLinesWith } from './support/monaco.ts';

const editorOf = (page: Page) => page.getByRole('region', { name: 'Driver source' }).locator('.monaco-editor');

async function savePanel(lessons: LessonsPage, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await lessons.panel.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  const pagePath = testInfo.outputPath(`${name}-page.png`);
  await lessons.page.screenshot({ path: pagePath });
  await testInfo.attach(`${name}-page`, { path: pagePath, contentType: 'image/png' });
}

test('the panel opens from its button and lists the course; a link opens a lesson with its diagram', async ({ page }, testInfo) => {
  const lessons = new LessonsPage(page);
  await page.goto('/');
  await expect(lessons.panel).toHaveCount(0);
  await lessons.toggle.click();
  await expect(lessons.toggle).toHaveAttribute('aria-pressed', 'true');
  const list = lessons.panel.getByRole('navigation', { name: 'Lesson list' }).getByRole('button');
  await expect(list.first()).toContainText('Boot and probe');
  expect(await list.count()).toBeGreaterThanOrEqual(4);
  await expect(list.nth(1)).toContainText('Trapping MMIO');
  await list.nth(1).click();
  await expect(lessons.heading('Trapping MMIO')).toBeVisible();
  await lessons.panel.getByRole('button', { name: 'All lessons' }).click();
  await expect(list.first()).toBeVisible();
  await lessons.panel.getByRole('button', { name: 'Close the Lessons panel' }).click();
  await expect(lessons.panel).toHaveCount(0);

  // A teacher's link: the panel opens on that lesson, the diagram has a name a screen reader reads.
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize(size);
    await page.goto('/?lesson=1');
    await expect(lessons.heading('Boot and probe')).toBeVisible();
    await expect(lessons.diagram).toBeVisible();
    await expect(lessons.diagram).toHaveAttribute('alt', /\w/);
    expect(await lessons.diagram.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await lessons.waitForPrompt();
    // The panel leaves the terminal room for a shell line at a projector's size too.
    expect(await lessons.terminalColumns()).toBeGreaterThanOrEqual(40);
    await savePanel(lessons, testInfo, `lesson-1-${size.width}x${size.height}`);
  }

  // A link to a lesson that does not exist says so, and shows the list.
  await page.goto('/?lesson=99');
  await expect(lessons.panel.getByRole('status').filter({ hasText: 'This link opens lesson 99' })).toBeVisible();
  await expect(list.first()).toBeVisible();
});

test('lesson 1: Check says what is missing until the student has reloaded the driver and started the stopwatch', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);
  await lessons.openFromLink(1);
  await expect(lessons.heading('Boot and probe')).toBeVisible();

  // Nothing done yet: Check fails, and says what is missing.
  expect(await lessons.check()).toMatch(/^Not yet/);
  await expect(lessons.missing().filter({ hasText: 'The driver has not been probed since the page started' })).toBeVisible();

  // Step 1 points at the Device pane: it is outlined for a moment.
  await lessons.doStep(1);
  await expect(page.locator('section.device-pane')).toHaveClass(/lesson-spotlight/);
  // Step 2 opens the probe in the editor, on its line.
  await lessons.doStep(2);
  const probeLine = editorOf(page).locator('.view-line', { hasText: 'static int stopwatch_probe(' });
  await expect(probeLine).toBeVisible();
  await expect.poll(() => gutterLinesWith(editorOf(page), '.lesson-line-marker')).toHaveLength(1);
  await lessons.tickStep(1);
  await lessons.tickStep(2);

  // Step 4: Build & load (the kernel removes the driver and probes it again).
  await lessons.doStep(4);
  await expect(page.getByTestId('build-summary')).toContainText('now runs in the guest', { timeout: 60_000 });
  await lessons.waitForPrompt();
  // Not all done yet: the stopwatch was reset by the reload.
  expect(await lessons.check()).toMatch(/^Not yet: 1 of 3/);
  await expect(lessons.missing()).toContainText('The stopwatch is not running');

  // Step 5 puts the command on the shell's line; the student reads it and presses Enter.
  await lessons.doStep(5);
  await lessons.playground.expectTerminalToContain('/ # /guest_fs/stopwatch_ctrl.sh start');
  await lessons.pressEnterInTerminal();
  await lessons.waitForPrompt();
  await expect.poll(() => lessons.check()).toMatch(/^Passed/);
  await expect(lessons.missing()).toHaveCount(0);
  await savePanel(lessons, testInfo, 'lesson-1-passed');

  // Progress is kept: after a reload the list shows the lesson passed and the ticks are still there.
  await page.goto('/?lesson=1');
  await expect(lessons.panel.getByText('✓ passed')).toBeVisible();
  await expect(lessons.panel.getByTestId('lesson-step').nth(1).getByRole('checkbox')).toBeChecked();
  await lessons.panel.getByRole('button', { name: 'Reset lesson' }).click();
  await expect(lessons.panel.getByText('✓ passed')).toHaveCount(0);
  await expect(lessons.panel.getByTestId('lesson-step').nth(1).getByRole('checkbox')).not.toBeChecked();
});

test('lesson 2: stopping on the store to `command` and stepping over it passes the check; skipping the step fails it', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const lessons = new LessonsPage(page);
  await lessons.openFromLink(2);
  await expect(lessons.heading('Trapping MMIO')).toBeVisible();
  await expect(page.getByTestId('editor-check')).toContainText('kernel-C:');

  // Steps 1 and 2: the editor shows the writel of `command`, and a breakpoint is set on it.
  await lessons.doStep(1);
  const writeLine = editorOf(page).locator('.view-line', { hasText: 'writel(command, &sw->regs->command)' });
  await expect(writeLine).toBeVisible();
  await lessons.doStep(2);
  await expect.poll(() => gutterLinesWith(editorOf(page), '.editor-breakpoint')).toHaveLength(1);

  // Step 3: the command waits on the shell's line; Enter runs it and the hart stops at the breakpoint.
  await lessons.doStep(3);
  await lessons.playground.expectTerminalToContain('/ # /guest_fs/stopwatch_ctrl.sh pause');
  await lessons.pressEnterInTerminal();
  await expect(lessons.playground.runState).toContainText('Paused', { timeout: 30_000 });

  // Stopped, but the store has not run: Check says the step over it is missing.
  expect(await lessons.check()).toMatch(/^Not yet/);
  await expect(lessons.missing().filter({ hasText: 'You have not stepped over the store to' })).toBeVisible();

  // Step 4, by hand: Step instruction until one step makes the VM exit (the Host pane counts it); the
  // instruction it stepped over is the store to `command`.
  const host = page.getByRole('region', { name: 'Host' });
  const exits = async () => Number(await host.getByTestId('host-exits').locator('.counter-value').innerText());
  const exitsAtBreakpoint = await exits();
  let steppedOver = '';
  for (let i = 0; i < 80 && await exits() === exitsAtBreakpoint; i++) {
    steppedOver = await page.locator('.code-line.at-pc .text').innerText();
    const before = await lessons.playground.pc.innerText();
    await lessons.playground.button('Step instruction').click();
    await expect(lessons.playground.pc).not.toHaveText(before);
  }
  expect(await exits()).toBe(exitsAtBreakpoint + 1);
  expect(steppedOver).toMatch(/^sw\s/);

  // Run on: the pause command finishes, and the check passes.
  await lessons.playground.button('Run').click();
  await lessons.waitForPrompt();
  await expect.poll(() => lessons.check()).toMatch(/^Passed/);
  await savePanel(lessons, testInfo, 'lesson-2-passed');
});
