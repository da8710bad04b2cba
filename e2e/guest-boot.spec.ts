// The page a student opens, end to end in real Chromium: the guest (the
// Linux-like kernel with the stopwatch driver inserted) boots in the worker to
// a shell prompt with no click, typed commands run in it, Build & load swaps
// the driver in the running guest (rmmod, insmod, shown as typed), and
// Ctrl-C ends a command.

import { expect, test } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

/** lsmod's row for the stopwatch module: name, size, no users. */
const STOPWATCH_ROW = /^stopwatch\s+\d+\s+0\s*$/gm;

test('the guest boots to its prompt, runs commands, reloads the driver and takes Ctrl-C', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await playground.expectTerminalToContain('Run /bin/sh as init process');
  await playground.waitForPrompt();
  await expect(playground.runState).toContainText('Running');

  // No click: the terminal has the keyboard once the guest is up.
  await page.keyboard.type('lsmod', { delay: 20 });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await playground.terminalText()).match(STOPWATCH_ROW)?.length ?? 0).toBe(1);
  await playground.expectTerminalToContain('Module                  Size  Used by');

  await page.keyboard.type('cat /sys/kernel/debug/stopwatch/stopwatch', { delay: 10 });
  await page.keyboard.press('Enter');
  await expect.poll(() => playground.terminalText()).toMatch(/stopwatch\/stopwatch\s*\n\d+\.\d\d seconds\s*\n\/ #/);

  // Build & load of the unchanged driver: the old module goes, the new one comes, as if typed.
  await page.getByRole('button', { name: 'Build & load', exact: true }).click();
  await playground.expectTerminalToContain('/ # rmmod stopwatch');
  await playground.expectTerminalToContain('/ # insmod /root/stopwatch.ko');
  await expect(playground.buildSummary).toContainText('loaded it: the module stopwatch now runs in the guest');
  await playground.typeInTerminal('lsmod\n');
  await expect.poll(async () => (await playground.terminalText()).match(STOPWATCH_ROW)?.length ?? 0).toBe(2);

  // Ctrl-C interrupts the foreground command and the prompt comes back.
  await playground.typeInTerminal('sleep 100\n');
  await playground.expectTerminalToContain('/ # sleep 100');
  await page.keyboard.press('Control+c');
  await expect.poll(async () => (await playground.terminalText()).trimEnd()).toMatch(/\/ # sleep 100\s*\n\^C\s*\n\/ #$/);
  await playground.typeInTerminal('echo still here\n');
  await playground.expectTerminalToContain('\nstill here');
  await page.screenshot({ path: 'test-results/guest-boot.png' });
});
