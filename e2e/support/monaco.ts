// Reading Monaco's drawing in e2e tests: which gutter line numbers carry a
// decoration (a squiggle, a breakpoint dot, the current-line highlight).
// Monaco draws only the lines in view, so a line scrolled away is not listed.

import type { Locator } from '@playwright/test';

/** The line numbers, in the gutter of `editor` (a `.monaco-editor`), of the lines that carry `selector`. */
export function gutterLinesWith(editor: Locator, selector: string): Promise<number[]> {
  return editor.evaluate((root, sel) => {
    const numbers = Array.from(root.querySelectorAll<HTMLElement>('.line-numbers'));
    return Array.from(root.querySelectorAll<HTMLElement>(sel)).map((el) => {
      const top = el.getBoundingClientRect().top;
      const n = numbers.find((num) => Math.abs(num.getBoundingClientRect().top - top) < 4);
      return n ? Number(n.textContent) : -1;
    });
  }, selector);
}
