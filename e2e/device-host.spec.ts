// The Device and Host panes, end to end in real Chromium on the production
// build: the stopwatch script's commands, typed at the guest's prompt, show
// up as the guest sees the device (decoded registers, the shared memory, the
// IRQ line) and as the host handled them (VM exits with their callbacks,
// pass-through accesses that cost none, the host log).
//
// The exit counts asserted are the driver's, read from stopwatch.c:
// - `start` writes 1 to stopwatch_status: stopwatch_command → one writel of
//   `command`: one exit;
// - `show` reads debugfs: stopwatch_update_text → one writel of `command`
//   (UPDATE): one exit; then readl of data_len and memcpy_fromio of `data`:
//   shared memory, pass-through, no exit (the copy is counted in the pieces
//   Linux's __memcpy_fromio makes: 32-bit words, then the last bytes).

import { expect, test, type Locator, type Page } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';

const SCRIPT = '/guest_fs/stopwatch_ctrl.sh';

let commands = 0;

/** Types a command line and waits for the prompt after it. The line ends with `echo done-N`: the
 * terminal shows only its last rows, so "the prompt came back" is told by that marker's output. */
async function command(playground: PlaygroundPage, line: string): Promise<string> {
  const marker = `done-${++commands}`;
  await playground.typeInTerminal(`${line}; echo ${marker}\n`);
  await expect.poll(async () => (await playground.terminalText()).trimEnd(), { message: `the prompt after '${line}'` })
    .toMatch(new RegExp(`(?<!echo )${marker}\\s*\\n/ #$`)); // a full-width line before it is joined to it
  return playground.terminalText();
}

async function counter(pane: Locator, testId: string): Promise<number> {
  return Number(await pane.getByTestId(testId).locator('.counter-value').innerText());
}

/** How many stopwatch interrupts /proc/interrupts counts (its last listing in the terminal). */
async function stopwatchInterrupts(playground: PlaygroundPage): Promise<number> {
  const text = await command(playground, 'grep stopwatch /proc/interrupts');
  const counts = [...text.matchAll(/^\s*\d+:\s+(\d+)\s+SiFive PLIC\s+64\b.*stopwatch timeout/gm)].map((m) => Number(m[1]));
  expect(counts.length, 'a /proc/interrupts line for the stopwatch').toBeGreaterThan(0);
  return counts.at(-1)!;
}

async function screenshots(page: Page, device: Locator, host: Locator, size: string): Promise<void> {
  await device.screenshot({ path: `test-results/device-pane-${size}.png` });
  await host.screenshot({ path: `test-results/host-pane-${size}.png` });
  await host.getByRole('list', { name: 'Host log' }).scrollIntoViewIfNeeded(); // the exits and the log, further down
  await host.screenshot({ path: `test-results/host-pane-lists-${size}.png` });
  await page.screenshot({ path: `test-results/device-host-page-${size}.png` });
}

test('the stopwatch script seen from the Device and Host panes: registers, exits, pass-through, the IRQ line', async ({ page }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  await page.goto('/');
  await playground.waitForPrompt();
  const device = page.getByRole('region', { name: 'Device' });
  const host = page.getByRole('region', { name: 'Host' });
  const status = device.getByTestId('device-register-status');
  const commandRow = device.getByTestId('device-register-command');

  // The probed driver: each reg range of the node linked to its ioremap.
  await expect(device.getByTestId('dt-range-mem')).toContainText('→ ioremap 0x04000000');
  await expect(device.getByTestId('dt-range-regs')).toContainText('→ ioremap 0x04000090');

  await command(playground, `${SCRIPT} reset`);
  await expect(status).toContainText('status = RESET (1)');
  const exitsBefore = await counter(host, 'host-exits');

  await command(playground, `${SCRIPT} start`);
  await expect(status).toContainText('status = RUNNING (0)');
  await expect(commandRow).toContainText('command = START (1)');
  await expect.poll(() => counter(host, 'host-exits'), { message: 'one exit for the writel of command' }).toBe(exitsBefore + 1);
  const exitList = host.getByRole('list', { name: 'VM exits' });
  await expect(exitList.getByRole('listitem').last()).toContainText('write command → stopwatch_io_write');
  await expect(host.getByRole('list', { name: 'Host log' })).toContainText('stopwatch_io_write: COMMAND value: 0x1 (START)');
  await expect(host.getByTestId('host-model')).toContainText('RUNNING');

  // Selecting the exit selects it everywhere: its row here, the register it trapped on, and that reg range.
  const startExit = exitList.getByRole('listitem').last();
  await startExit.getByRole('button').click();
  await expect(startExit).toHaveAttribute('aria-current', 'true');
  await expect(commandRow).toHaveAttribute('aria-current', 'true');
  await expect(status).not.toHaveAttribute('aria-current', 'true');
  await expect(device.getByTestId('dt-range-regs')).toHaveAttribute('aria-current', 'true');

  const exitsBeforeShow = await counter(host, 'host-exits');
  const passBeforeShow = await counter(host, 'host-passthrough');
  const shown = await command(playground, `${SCRIPT} show`);
  const time = /\n(\d+\.\d\d seconds)\s*\ndone-\d+\s*\n\/ #\s*$/.exec(shown)?.[1];
  expect(time, 'show prints N.NN seconds').toBeDefined();
  // readl(data_len), then memcpy_fromio of the text and its NUL from offset 8 (word-aligned): words, then bytes.
  const copied = time!.length + 1;
  const reads = 1 + Math.floor(copied / 4) + (copied % 4);
  await expect.poll(() => counter(host, 'host-passthrough'), { message: 'pass-through reads of data_len and data' }).toBe(passBeforeShow + reads);
  expect(await counter(host, 'host-exits'), 'only UPDATE trapped: data was read without an exit').toBe(exitsBeforeShow + 1);
  await expect(exitList.getByRole('listitem').last()).toContainText('write command → stopwatch_io_write');
  await expect(exitList).not.toContainText('data');
  // The text the host wrote is in the dump, and the bytes it changed are marked.
  const dump = device.getByRole('table', { name: 'Shared memory, hex and ASCII' });
  await expect(dump).toContainText('sec');
  await expect(dump.locator('.byte.changed').first()).toBeVisible();
  await screenshots(page, device, host, '1440x900');

  const irqsBefore = await stopwatchInterrupts(playground);
  await command(playground, `${SCRIPT} timeout 1`);
  const irqText = device.getByTestId('irq-text');
  await expect(irqText).toHaveText(/^IRQ 64 low · last rose at \d+\.\d{3} s, fell at \d+\.\d{3} s$/, { timeout: 20_000 });
  const [rose, fell] = [...(await irqText.innerText()).matchAll(/(\d+\.\d{3}) s/g)].map((m) => Number(m[1]));
  expect(fell).toBeGreaterThanOrEqual(rose);
  expect(await stopwatchInterrupts(playground)).toBe(irqsBefore + 1);
  await expect(device.getByTestId('plic-row')).not.toContainText('in service'); // the claim was completed

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(status).toBeVisible();
  await screenshots(page, device, host, '1024x768');
});
