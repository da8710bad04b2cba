// The production build is a static site a teacher can put anywhere: served
// under a sub-path by a plain file server it starts and runs a program, and
// after one visit it reloads and runs with the network off.

import { join } from 'node:path';
import { expect, test, type Page } from './support/test.ts';
import { PlaygroundPage } from './pages/playground-page.ts';
import { buildBaremetal, qemuOutput } from './support/baremetal.ts';
import { serveStatic, type StaticHost } from './support/static-host.ts';

const DIST = join(import.meta.dirname, '..', 'dist');

/** Waits until the service worker has taken control of the page (it claims pages as soon as it is installed). */
async function offlineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The machine worker is really there: a bare-metal program runs and prints what QEMU prints. */
async function runHello(playground: PlaygroundPage): Promise<void> {
  const elf = buildBaremetal('hello');
  const firstLine = qemuOutput(elf).split('\n')[0].trimEnd();
  await playground.openProgram(elf);
  await expect(playground.runState).toHaveText('Paused');
  await playground.button('Run').click();
  await playground.expectTerminalToContain(firstLine);
  await expect(playground.exitStatus).toHaveText('exit status 0');
}

test('after one visit, the page reloads with the network off and the machine still runs a program', async ({ page, context }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await offlineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Paravirt Playground' })).toBeVisible();
  await expect(playground.runState).toHaveText('No program'); // the machine worker came from the cache and said it is ready
  await runHello(playground);
  await context.setOffline(false);
});

test.describe('served under a sub-path by a plain static server', () => {
  let host: StaticHost;
  test.beforeAll(async () => { host = await serveStatic(DIST, '/teaching/paravirt/'); });
  test.afterAll(async () => { await host.close(); });

  test('the page starts, runs a program, and works offline there too', async ({ page, context }) => {
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
    const playground = new PlaygroundPage(page);
    await page.goto(host.url);
    await expect(playground.runState).toHaveText('No program');
    await runHello(playground);
    expect(failed, 'every file of the build is found under the sub-path').toEqual([]);

    await offlineReady(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(host.url);
    await context.setOffline(true);
    await page.reload();
    await expect(playground.runState).toHaveText('No program');
    await context.setOffline(false);
  });
});
