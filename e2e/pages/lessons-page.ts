// Page object for the Lessons panel: what a student reads and presses there,
// in words, so the lessons spec reads as a student following a lesson.

import { expect, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playground-page.ts';

export class LessonsPage {
  readonly playground: PlaygroundPage;
  readonly panel: Locator;
  readonly toggle: Locator;
  readonly diagram: Locator;
  readonly checkResult: Locator;
  readonly verdict: Locator;

  constructor(readonly page: Page) {
    this.playground = new PlaygroundPage(page);
    this.panel = page.getByRole('region', { name: 'Lessons' });
    this.toggle = page.getByRole('button', { name: 'Lessons', exact: true });
    this.diagram = this.panel.getByTestId('lesson-diagram').getByRole('img');
    this.checkResult = this.panel.getByTestId('lesson-check-result');
    this.verdict = this.checkResult.locator('.lesson-verdict');
  }

  /** Opens the page from a teacher's link to lesson `n`, and waits for the guest's prompt. */
  async openFromLink(n: number): Promise<void> {
    await this.page.goto(`/?lesson=${n}`);
    await this.waitForPrompt();
  }

  async waitForPrompt(): Promise<void> {
    await expect.poll(async () => (await this.playground.terminalText()).trimEnd(), { message: 'the shell prompt', timeout: 30_000 }).toMatch(/\/ #$/);
  }

  heading(title: string): Locator {
    return this.panel.getByRole('heading', { name: new RegExp(title) });
  }

  /** Presses a step's button ("Do step 3") and waits until it says what it did. */
  async doStep(n: number): Promise<string> {
    const step = this.panel.getByTestId('lesson-step').nth(n - 1);
    await step.getByRole('button', { name: `Do step ${n}` }).click();
    const outcome = step.locator('.lesson-step-outcome');
    await expect(outcome).not.toBeEmpty();
    return outcome.innerText();
  }

  /** Ticks a step's box, as the student does once it is done. */
  async tickStep(n: number): Promise<void> {
    await this.panel.getByTestId('lesson-step').nth(n - 1).getByRole('checkbox').check();
  }

  /** Presses Check and returns the verdict's text once this check's result is shown. */
  async check(): Promise<string> {
    const before = await this.verdict.count() ? await this.verdict.innerText() : '';
    await this.panel.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(this.verdict).not.toHaveText(before);
    return this.verdict.innerText();
  }

  /** The rules a check found missing, as the student reads them. */
  missing(): Locator {
    return this.checkResult.locator('.lesson-rule-missing');
  }

  /** Types Enter into the terminal (the step put the command there and gave it the focus). */
  async pressEnterInTerminal(): Promise<void> {
    await expect(this.page.locator('[data-testid="terminal"] textarea')).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  /** The terminal's width in character columns. */
  terminalColumns(): Promise<number> {
    return this.page.locator('[data-testid="terminal"] .xterm-screen').evaluate((screen) => {
      const row = screen.closest('.xterm')!.querySelector('.xterm-rows > div') as HTMLElement;
      const probe = document.createElement('span');
      probe.textContent = 'M'.repeat(20);
      row.appendChild(probe);
      const width = probe.getBoundingClientRect().width / 20;
      probe.remove();
      return Math.floor(screen.getBoundingClientRect().width / width);
    });
  }
}
