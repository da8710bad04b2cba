// Every spec's `test`: Playwright's, with one more check that runs for every
// test. An uncaught error in the page fails the test even when what the test
// looks at still shows: a React effect that throws can blank the whole page
// after the assertions passed, and a student would see exactly that.

import { expect, test as base } from '@playwright/test';

export const test = base.extend<{ pageErrors: Error[] }>({
  pageErrors: [async ({ page }, use) => {
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await use(errors);
    expect(errors.map((e) => e.message), 'uncaught errors in the page').toEqual([]);
  }, { auto: true }],
});

export { expect };
export type { Locator, Page } from '@playwright/test';
