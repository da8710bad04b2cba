// The first page, end to end in real Chromium: a bare-metal ELF built with
// Debian's gcc runs in the worker, its UART output reaches the terminal,
// typed keys reach the guest through the UART receive path, and bad input
// gets a clear message while the page stays usable.

import { readFileSync } from 'node:fs';
import { expect, test } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';
import { buildAsm, buildBaremetal, qemuOutput, symbolAddress } from './support/baremetal.ts';

/** The lines a program prints before it reads input, as QEMU shows them. QEMU is sent a
 * Ctrl-D so that it finishes: echo.c then says bye (not part of its banner) and powers off. */
function printedLines(elf: string): string[] {
  const lines = qemuOutput(elf, '\x04').split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);
  return lines.includes('bye') ? lines.slice(0, lines.indexOf('bye')) : lines;
}

test('an ELF runs in the worker: its banner shows, and typed keys echo back through UART RX', async ({ page }) => {
  const elf = buildBaremetal('echo');
  const banner = printedLines(elf);
  expect(banner.length, 'echo.c prints a banner under QEMU').toBeGreaterThan(0);
  const playground = new PlaygroundPage(page);
  await playground.open();

  await playground.openProgram(elf);
  await expect(playground.runState).toHaveText('Paused');
  await expect(playground.pc).toHaveText('0x00001000'); // the boot ROM, as on QEMU's virt

  await playground.button('Run').click();
  for (const line of banner) await playground.expectTerminalToContain(line);
  await expect(playground.runState).toContainText('Running');

  await playground.typeInTerminal('hello, paravirt');
  await playground.expectTerminalToContain('hello, paravirt');
  await page.screenshot({ path: 'test-results/echo.png' });

  // Paused in wfi, a typed key makes the UART interrupt pending; one Step
  // takes it: the hart enters trap_entry with mcause = machine external interrupt.
  await playground.button('Pause').click();
  await expect(playground.runState).toHaveText('Paused');
  await expect(playground.stopReason).toHaveText('Paused.');
  await playground.typeInTerminal('!');
  await playground.button('Step instruction').click();
  await expect(playground.stopReason).toHaveText('Stepped 1 instruction.');
  const trapEntry = symbolAddress(elf, 'trap_entry');
  const pc = parseInt(await playground.pc.innerText(), 16);
  expect(pc).toBeGreaterThanOrEqual(trapEntry);
  expect(pc).toBeLessThan(trapEntry + 16);
  expect(await playground.register('mcause')).toBe('8000000b');
  await playground.button('Run').click();
  await playground.expectTerminalToContain('hello, paravirt!');

  // Ctrl-D: echo.c says bye and powers off through the finisher.
  await playground.terminal.click();
  await page.keyboard.press('Control+d');
  await playground.expectTerminalToContain('bye');
  await expect(playground.runState).toHaveText('Stopped');
  await expect(playground.exitStatus).toHaveText('exit status 0');
  await expect(playground.button('Run')).toBeDisabled();

  await playground.button('Reset').click();
  await expect(playground.pc).toHaveText('0x00001000');
  expect(await playground.terminalText()).not.toContain('hello, paravirt');
});

test('a file that is not an ELF gets a clear message, and the page stays usable', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();

  await playground.openProgram({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('my lecture notes\n') });
  await expect(playground.error).toContainText('"notes.txt" is not an ELF file');
  await expect(playground.runState).toContainText('Running'); // the guest the page opened with runs on
  await expect(playground.button('Run')).toBeDisabled();
  await page.screenshot({ path: 'test-results/not-elf.png' });

  await playground.button('Dismiss').click();
  await expect(playground.error).toHaveCount(0);
  const elf = buildBaremetal('hello');
  await playground.openProgram(elf);
  await playground.button('Run').click();
  for (const line of printedLines(elf)) await playground.expectTerminalToContain(line);
  await expect(playground.runState).toHaveText('Stopped');
  await expect(playground.exitStatus).toHaveText('exit status 0');
});

test('dropping an ELF onto the page loads it', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const elf = buildBaremetal('hello');
  await playground.dropFile('hello.elf', readFileSync(elf));
  await expect(page.getByText('hello.elf', { exact: true })).toBeVisible();
  await playground.button('Run').click();
  for (const line of printedLines(elf)) await playground.expectTerminalToContain(line);
});

test('Pause stops a guest that computes forever, and the page stays responsive meanwhile', async ({ page }) => {
  const spin = buildAsm('spin', '  .globl _start\n_start:\n  addi a0, a0, 1\n  j _start\n');
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openProgram(spin);
  await playground.button('Run').click();
  await expect(playground.runState).toHaveText('Running');
  const a0 = () => playground.register('a0');
  const first = await a0();
  await expect.poll(a0, { message: 'a0 keeps counting while running' }).not.toBe(first);
  await expect(page.getByTestId('mips')).toHaveText(/^[1-9]\d* MIPS$/);
  await page.screenshot({ path: 'test-results/spin.png' });
  await playground.button('Pause').click();
  await expect(playground.runState).toHaveText('Paused');
  const paused = await a0();
  await page.waitForTimeout(300);
  expect(await a0()).toBe(paused);
});

test('a guest that prints without end cannot flood the page: Pause still works at once', async ({ page }) => {
  const flood = buildAsm('flood', '  .globl _start\n_start:\n  li t0, 0x10000000\n  li a0, 0x2e\n1: sb a0, 0(t0)\n  j 1b\n');
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openProgram(flood);
  await playground.button('Run').click();
  await playground.expectTerminalToContain('.'.repeat(40));
  await page.waitForTimeout(1000);
  await playground.button('Pause').click();
  await expect(playground.runState).toHaveText('Paused'); // within expect's time limit, a hang guard, not a measurement
  await expect(playground.button('Step instruction')).toBeEnabled();
});

test('a breakpoint on the UART interrupt handler stops the hart when a key arrives', async ({ page }) => {
  const elf = buildBaremetal('echo');
  const handler = symbolAddress(elf, 'trap_handler');
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openProgram(elf);
  await playground.addBreakpoint(handler);
  await expect(playground.breakpoints).toContainText(hex(handler));
  await playground.button('Run').click();
  for (const line of printedLines(elf)) await playground.expectTerminalToContain(line);
  await playground.typeInTerminal('k');
  await expect(playground.runState).toHaveText('Paused');
  await expect(playground.stopReason).toHaveText(`Stopped at the breakpoint at pc 0x${hex(handler)}.`);
  await expect(playground.pc).toHaveText(`0x${hex(handler)}`);
  await expect(playground.codeLineAtPc).toContainText(hex(handler));
  await page.screenshot({ path: 'test-results/breakpoint.png' });

  await playground.removeBreakpoint(handler);
  await playground.button('Run').click();
  await playground.expectTerminalToContain('k');
  await expect(playground.runState).toContainText('Running');
});

function hex(addr: number): string {
  return addr.toString(16).padStart(8, '0');
}

test('a device error stops the machine with the device message, and Reset boots again', async ({ page }) => {
  const elf = buildBaremetal('stopwatch_error');
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openProgram(elf);
  await playground.button('Run').click();
  await playground.expectTerminalToContain('writing command 99');
  await expect(playground.runState).toHaveText('Stopped');
  await expect(playground.stopReason).toContainText('Device error in stopwatch');
  await expect(playground.stopReason).toContainText('press Reset');
  await expect(playground.stopReason).not.toContainText('stopwatch: stopwatch:');
  expect(await playground.terminalText()).not.toContain('not reached');
  await expect(playground.button('Run')).toBeDisabled();
  await page.screenshot({ path: 'test-results/device-error.png' });

  await playground.button('Reset').click();
  await expect(playground.runState).toHaveText('Paused');
  await playground.button('Run').click();
  await expect(playground.runState).toHaveText('Stopped');
});

test('with "log and ignore" a device error is a guest error shown in the machine panel, and the program runs to its end', async ({ page }) => {
  const elf = buildBaremetal('stopwatch_error');
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setStopwatchOnError('log and ignore');
  await playground.openProgram(elf);
  await expect(playground.runState).toHaveText('Paused');
  await playground.button('Run').click();
  await playground.expectTerminalToContain('not reached');
  await expect(playground.runState).toHaveText('Stopped');
  await expect(playground.exitStatus).toContainText('exit status 0');
  await expect(playground.guestErrorCount).toHaveText('1');
  await expect(playground.guestErrors).toHaveCount(1);
  await expect(playground.guestErrors.first()).toContainText('The stopwatch logged a guest error and ignored the access (on_error=log)');
  await expect(playground.guestErrors.first()).toContainText('0x63');
  await page.getByRole('region', { name: 'Machine status' }).screenshot({ path: 'test-results/guest-error-panel.png' });
  await page.screenshot({ path: 'test-results/guest-error.png' });

  // Back to "stop": the board is built again, the same program boots paused, and now stops on the error.
  await playground.setStopwatchOnError('stop the machine');
  await expect(playground.runState).toHaveText('Paused');
  await expect(playground.guestErrors).toHaveCount(0);
  await playground.button('Run').click();
  await expect(playground.runState).toHaveText('Stopped');
  await expect(playground.stopReason).toContainText('Device error in stopwatch');
});
