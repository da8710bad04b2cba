// Page object for the playground: what a student sees and does, in words,
// so the specs read as the story they test.

import { expect, type Locator, type Page } from '@playwright/test';
import { gutterLinesWith } from '../support/monaco.ts';

export class PlaygroundPage {
  readonly terminal: Locator;
  readonly runState: Locator;
  readonly stopReason: Locator;
  readonly exitStatus: Locator;
  readonly error: Locator;
  readonly pc: Locator;
  readonly registers: Locator;
  readonly breakpoints: Locator;
  readonly codeLineAtPc: Locator;
  readonly buildPane: Locator;
  readonly buildSummary: Locator;
  readonly diagnostics: Locator;
  readonly programName: Locator;
  readonly guestErrors: Locator;
  readonly guestErrorCount: Locator;
  /** Monaco, in the region named "Driver source". */
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByTestId('terminal');
    this.runState = page.getByTestId('run-state');
    this.stopReason = page.getByTestId('stop-reason');
    this.exitStatus = page.getByTestId('exit-status');
    // The page's error banner; Monaco keeps alert regions of its own for screen readers.
    this.error = page.getByRole('alert').and(page.locator('.error-banner'));
    this.pc = page.getByTestId('pc');
    this.registers = page.getByRole('region', { name: 'CPU registers' });
    this.breakpoints = page.getByTestId('breakpoints');
    this.codeLineAtPc = page.locator('.code-line.at-pc');
    this.buildPane = page.getByRole('region', { name: 'Build' });
    this.buildSummary = page.getByTestId('build-summary');
    this.diagnostics = page.getByTestId('diagnostic');
    this.programName = page.getByTitle('The loaded program');
    this.guestErrors = page.getByTestId('guest-error');
    this.guestErrorCount = page.getByTestId('guest-error-count');
    this.editor = page.getByRole('region', { name: 'Driver source' }).locator('.monaco-editor');
  }

  /** Waits until the guest's shell shows its prompt as the terminal's last line. */
  async waitForPrompt(timeout = 30_000): Promise<void> {
    await expect.poll(async () => (await this.terminalText()).trimEnd(), { message: 'the shell prompt', timeout }).toMatch(/\/ #$/);
  }

  /** Finds `text` with Monaco's find widget and leaves the cursor (and the focus) on it; returns its line. */
  async findInEditor(text: string): Promise<number> {
    await this.editor.click({ position: { x: 140, y: 12 } });
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const input = this.page.getByRole('region', { name: 'Driver source' }).getByRole('textbox', { name: 'Find' });
    await input.fill(text);
    await input.press('Enter');
    await input.press('Escape');
    return Number(await this.editor.locator('.line-numbers.active-line-number').textContent());
  }

  /** The editor's line numbers whose gutter or line carries `selector` (".editor-breakpoint", ".editor-current-line"). */
  editorLinesWith(selector: string): Promise<number[]> {
    return gutterLinesWith(this.editor, selector);
  }

  /** Opens the page, which boots the guest (kernel and shell) by itself; a program opened later replaces it. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('button', { name: 'Build & load', exact: true })).toBeVisible();
  }

  button(name: 'Open program…' | 'Run' | 'Pause' | 'Step instruction' | 'Reset' | 'Dismiss'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens a file (an ELF, or a C source to compile) through the "Open program…" file input. */
  async openProgram(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('program-input').setInputFiles(file);
  }

  /** Chooses what the stopwatch does on a device error (its on_error); the machine boots again with it. */
  async setStopwatchOnError(choice: 'stop the machine' | 'log and ignore'): Promise<void> {
    const select = this.page.getByLabel('Stopwatch on a device error');
    const value = choice === 'stop the machine' ? 'stop' : 'log';
    await select.selectOption(value);
  }

  /** Drops a file onto the page, as dragging it from the desktop does. */
  async dropFile(name: string, bytes: Buffer): Promise<void> {
    const data = await this.page.evaluateHandle(({ name, b64 }) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name));
      return transfer;
    }, { name, b64: bytes.toString('base64') });
    const target = this.page.locator('.playground');
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await target.dispatchEvent('drop', { dataTransfer: data });
  }

  /** The terminal's visible text, rows joined by newlines. */
  /** The terminal's text, with the lines the terminal wrapped at its right edge joined again
   * (a row is a wrapped one when its text fills every column). */
  async terminalText(): Promise<string> {
    const { rows, cols } = await this.terminal.locator('.xterm-rows').evaluate((el) => {
      const divs = Array.from(el.children) as HTMLElement[];
      const texts = divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' '));
      // Columns: the screen's width over one character's, measured on the longest row.
      const longest = divs.reduce((a, d, i) => (texts[i].length > texts[a].length ? i : a), 0);
      const range = document.createRange();
      range.selectNodeContents(divs[longest]);
      const charWidth = texts[longest].length ? range.getBoundingClientRect().width / texts[longest].length : 0;
      const screen = el.closest('.xterm')?.querySelector('.xterm-screen') as HTMLElement | null;
      return { rows: texts, cols: charWidth && screen ? Math.floor(screen.getBoundingClientRect().width / charWidth + 0.01) : Infinity };
    });
    let text = '';
    rows.forEach((row, i) => { text += row + (row.length >= cols && i + 1 < rows.length ? '' : '\n'); });
    return text;
  }

  async expectTerminalToContain(text: string): Promise<void> {
    await expect.poll(() => this.terminalText(), { message: `terminal shows ${JSON.stringify(text)}` }).toContain(text);
  }

  /** Clicks into the terminal and types, as a student at the keyboard. */
  async typeInTerminal(text: string): Promise<void> {
    await this.terminal.click();
    await this.page.keyboard.type(text, { delay: 20 });
  }

  async addBreakpoint(addr: number): Promise<void> {
    await this.page.getByLabel('Breakpoint address (hex)').fill(addr.toString(16));
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }

  async removeBreakpoint(addr: number): Promise<void> {
    await this.page.getByRole('button', { name: `Remove breakpoint 0x${addr.toString(16).padStart(8, '0')}` }).click();
  }

  /** The value shown for a register, by ABI or CSR name ("a0", "mcause"), as 8 hex digits. */
  async register(name: string): Promise<string> {
    return this.registers.locator('.reg', { has: this.page.locator('.reg-name', { hasText: new RegExp(`^${name}$`) }) })
      .locator('.val').innerText();
  }

  /** One row of the Build pane as the student reads it: where, how bad, what, and the caret under the source. */
  async diagnostic(index: number): Promise<{ location: string; severity: string; message: string; source: string; token: string; caret: string }> {
    const row = this.diagnostics.nth(index);
    const text = (testId: string) => row.getByTestId(testId).innerText();
    return {
      location: await text('diagnostic-location'),
      severity: await row.locator('.diag-severity').textContent() ?? '',
      message: await text('diagnostic-message'),
      source: await row.getByTestId('diagnostic-source').textContent() ?? '',
      token: await row.getByTestId('diagnostic-token').textContent() ?? '',
      caret: await row.getByTestId('diagnostic-caret').textContent() ?? '',
    };
  }
}
