// The Lessons panel, end to end in real Chromium on the production build, as
// a student follows a lesson: a teacher's link opens it, each step's button
// drives the playground (the pane is pointed at, the editor shows the line,
// the command waits on the shell's line for Enter, the breakpoint is set,
// Build & load runs), and Check reads what the machine did: it fails with the
// lesson's message while a step is not done, and passes once it is (lessons 1,
// 2, 3, 4 and 6). The panel at 1440×900 and 1024×768, every lesson's diagram
// and the passed lessons (lesson 6 with its chart) are saved as screenshots in
// the test's artefacts.

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
  await lessons.waitForPrompt(); // the booted guest takes the focus once; the keyboard checks below come after
  await expect(lessons.panel).toHaveCount(0);
  await lessons.toggle.click();
  await expect(lessons.toggle).toHaveAttribute('aria-pressed', 'true');
  const list = lessons.panel.getByRole('navigation', { name: 'Lesson list' }).getByRole('button');
  await expect(list.first()).toContainText('Boot and probe');
  expect(await list.count()).toBeGreaterThanOrEqual(4);
  await expect(list.nth(1)).toContainText('Trapping MMIO');
  // From the keyboard: the lesson opened takes the focus on its title, and All lessons comes back to its entry.
  await list.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(lessons.heading('Trapping MMIO')).toBeFocused();
  await expect(page).toHaveURL(/\?lesson=2$/); // the address follows the lesson open: a reload comes back to it
  await lessons.panel.getByRole('button', { name: 'All lessons' }).click();
  await expect(list.nth(1)).toBeFocused();
  await expect(page).not.toHaveURL(/lesson=/);

  // Every lesson's diagram, as the panel shows it and enlarged, kept as artefacts to look at.
  const count = await list.count();
  for (let i = 0; i < count; i++) {
    await list.nth(i).click();
    const figure = lessons.panel.getByTestId('lesson-diagram');
    if (await figure.count() === 0) {
      await lessons.panel.getByRole('button', { name: 'All lessons' }).click();
      continue;
    }
    await expect(lessons.diagram).toHaveAttribute('alt', /\w/);
    const path = testInfo.outputPath(`diagram-lesson-${i + 1}.png`);
    await figure.getByRole('button', { name: 'View larger' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('img')).toBeVisible();
    await dialog.screenshot({ path });
    await testInfo.attach(`diagram-lesson-${i + 1}`, { path, contentType: 'image/png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await lessons.panel.getByRole('button', { name: 'All lessons' }).click();
  }
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
    // The panel leaves the terminal room at a projector's size too: at 1024 px it keeps 38 of its 46 columns
    // (the hardware column gives most of the room).
    expect(await lessons.terminalColumns()).toBeGreaterThanOrEqual(36);
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

/** Does step `n` (which puts a command on the shell's line), presses Enter and waits for the prompt. */
async function runStepCommand(lessons: LessonsPage, n: number, command: string): Promise<void> {
  await lessons.doStep(n);
  await lessons.playground.expectTerminalToContain(`/ # ${command}`);
  await lessons.pressEnterInTerminal();
  await lessons.waitForPrompt();
}

test('lesson 3: the show copies the time from shared memory without an exit, and the check charts it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const lessons = new LessonsPage(page);
  await lessons.openFromLink(3);
  expect(await lessons.check()).toMatch(/^Not yet/);
  await expect(lessons.missing().first()).toContainText('No UPDATE command yet');

  await runStepCommand(lessons, 2, '/guest_fs/stopwatch_ctrl.sh show');
  // The status read of step 4 is not done yet: the check says so.
  expect(await lessons.check()).toMatch(/^Not yet: 1 of 3/);
  await expect(lessons.missing()).toContainText('You have not read status since the show');

  await runStepCommand(lessons, 4, 'cat /sys/module/stopwatch/parameters/stopwatch_status');
  await expect.poll(() => lessons.check()).toMatch(/^Passed/);
  const chart = lessons.checkResult.getByRole('img', { name: /Exits and virtual time per stretch: show \(shared memory\): 0 VM exits/ });
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
  await savePanel(lessons, testInfo, 'lesson-3-passed');
});

test('lesson 4: the interrupt goes line → PLIC → trap → handler → ACK; without the ACK the kernel reports a storm', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const lessons = new LessonsPage(page);
  await lessons.openFromLink(4);
  expect(await lessons.check()).toMatch(/^Not yet: 2 of 2/);

  await runStepCommand(lessons, 2, '/guest_fs/stopwatch_ctrl.sh timeout 1');
  await lessons.playground.expectTerminalToContain('stopwatch: timeout interrupt 1');
  // The stock driver acknowledges: the first half holds, the storm is still missing.
  await expect.poll(() => lessons.check()).toMatch(/^Not yet: 1 of 2/);
  await expect(lessons.missing()).toContainText('No interrupt storm yet');

  // The broken driver, built and loaded by the step's button; then the timeout again.
  await lessons.doStep(4);
  await expect(page.getByRole('combobox', { name: 'Example' })).toHaveValue('stopwatch-noack');
  await expect(page.getByTestId('build-summary')).toContainText('now runs in the guest', { timeout: 60_000 });
  await lessons.waitForPrompt();
  await runStepCommand(lessons, 5, '/guest_fs/stopwatch_ctrl.sh timeout 1');
  await expect.poll(() => lessons.check(), { timeout: 60_000 }).toMatch(/^Passed/);
  await savePanel(lessons, testInfo, 'lesson-4-passed');
});

test('lesson 6: the same text read through a trapped register and from shared memory, compared in a chart', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  const lessons = new LessonsPage(page);
  await lessons.openFromLink(6);
  expect(await lessons.check()).toMatch(/^Not yet: 2 of 2/);

  // Step 1 opens the lesson's own driver; step 2 builds and loads it.
  await lessons.doStep(1);
  await expect(page.getByRole('combobox', { name: 'Example' })).toHaveValue('price');
  await lessons.doStep(2);
  await expect(page.getByTestId('build-summary')).toContainText('now runs in the guest', { timeout: 60_000 });
  await lessons.waitForPrompt();

  await runStepCommand(lessons, 3, 'cat /sys/kernel/debug/stopwatch/trapped');
  expect(await lessons.check()).toMatch(/^Not yet: 1 of 2/);
  await expect(lessons.missing()).toContainText('No read from shared memory yet');
  await runStepCommand(lessons, 4, 'cat /sys/kernel/debug/stopwatch/shared');
  await expect.poll(() => lessons.check()).toMatch(/^Passed/);

  // The chart: many exits for the trapped read, none for the copy.
  const chart = lessons.checkResult.getByRole('img', { name: /Exits and virtual time per stretch/ });
  await expect(chart).toHaveAttribute('aria-label', /one trapped read per byte: (\d{2,}) VM exits.*one copy from shared memory: 0 VM exits/);
  await chart.scrollIntoViewIfNeeded();
  await savePanel(lessons, testInfo, 'lesson-6-chart');

  // Copy link: the clipboard gets the link to this lesson.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await lessons.panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(lessons.panel.getByRole('status').filter({ hasText: 'Link to lesson 6 copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/\?lesson=6$/);
});
