// Stepping by event in real Chromium, on the production build: a watchpoint
// on the stopwatch's command register, set with the form above the trace,
// stops `show` at the driver's store instruction before the VM exit (the
// status says so, the Code pane's current instruction is the `sw`, and the
// shell has printed nothing yet); Run finishes the command. Then "Next exit"
// on the running, idle guest, and a command typed after it: the machine
// stops at the first trapping access the command makes.

import { expect, test, type Page } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

async function bootToPrompt(page: Page, playground: PlaygroundPage): Promise<void> {
  await page.goto('/');
  await playground.waitForPrompt();
  await expect(playground.runState).toContainText('Running');
}

/** What the terminal printed after the last line that contains `marker`. */
async function outputAfter(playground: PlaygroundPage, marker: string): Promise<string> {
  const text = await playground.terminalText();
  return text.slice(text.lastIndexOf(marker) + marker.length);
}

test('a watchpoint on command stops show at the store, before the VM exit; Run completes it', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await bootToPrompt(page, playground);

  const form = page.getByRole('form', { name: 'Add a device watchpoint' });
  await form.getByLabel('Register').selectOption({ label: 'stopwatch command' });
  await expect(form.getByLabel('Access')).toHaveValue('write'); // command is write-only
  await form.getByRole('button', { name: 'Add watchpoint' }).click();
  const list = page.getByRole('list', { name: 'Device watchpoints' });
  await expect(list).toContainText('stopwatch command written');

  await playground.typeInTerminal('/guest_fs/stopwatch_ctrl.sh show\n');
  await expect(playground.runState).toContainText('Paused');
  await expect(playground.stopReason).toContainText('before the VM exit');
  await expect(playground.stopReason).toContainText('is about to write 0x3 (UPDATE) to stopwatch command');
  await expect(playground.stopReason).toContainText('the device model has not run yet');
  await expect(playground.codeLineAtPc.locator('.text')).toHaveText(/^sw\s/);
  expect(await outputAfter(playground, 'stopwatch_ctrl.sh show')).not.toMatch(/seconds/); // the command has not finished
  await page.locator('.area-trace').screenshot({ path: 'test-results/event-step-watchpoint-trace-1440.png' });
  await page.screenshot({ path: 'test-results/event-step-watchpoint-1440.png' });

  await playground.button('Run').click();
  await expect.poll(() => outputAfter(playground, 'stopwatch_ctrl.sh show')).toMatch(/^\s*\n\d+\.\d\d seconds\s*\n\/ #\s*$/);
  await expect(playground.runState).toContainText('Running');

  await list.getByRole('button', { name: 'Remove the watchpoint on stopwatch command written' }).click();
  await expect(page.getByRole('list', { name: 'Device watchpoints' })).toHaveCount(0);
});

test('Next exit on the running guest, then a command: it stops at the command\'s first trapping access', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const playground = new PlaygroundPage(page);
  await bootToPrompt(page, playground);

  const bar = page.getByRole('group', { name: 'Step by event' });
  await bar.getByRole('button', { name: 'Next exit' }).click();
  await expect(playground.runState).toContainText('Running'); // armed; the idle guest makes no exit
  await playground.typeInTerminal('/guest_fs/stopwatch_ctrl.sh start\n');
  await expect(playground.runState).toContainText('Paused');
  await expect(playground.stopReason).toContainText(/^Stopped at the next VM exit: the instruction at 0x[0-9a-f]+ is about to (write 0x\w+ \(\w+\) to|read) stopwatch (command|status)/);
  await expect(playground.codeLineAtPc.locator('.text')).toHaveText(/^(sw|lw)\s/);
  await page.locator('.area-trace').screenshot({ path: 'test-results/event-step-next-exit-trace-1024.png' });
  await page.screenshot({ path: 'test-results/event-step-next-exit-1024.png' });

  await playground.button('Run').click();
  await expect.poll(async () => (await playground.terminalText()).trimEnd()).toMatch(/stopwatch_ctrl\.sh start\s*\n\/ #$/);

  // Running again: the buttons can act (they are marked aria-disabled, with the reason shown, only when they cannot).
  await expect(bar.getByRole('button', { name: 'Next IRQ' })).toHaveAttribute('aria-disabled', 'false');
  await expect(bar.getByText(/^Not now:/)).toHaveCount(0);
});
