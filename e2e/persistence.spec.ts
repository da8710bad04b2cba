// Work is never lost: saved work comes back after a reload, a damaged record
// or a broken link costs nothing already saved, a share link shows code and
// runs nothing, Reset asks first in a real dialog, and a crashed machine is
// restarted with the code kept. Saved records are put into the page's
// IndexedDB directly, as an earlier visit would have left them.

import { expect, test, type Page } from './support/test.ts';
import { SAVED_FORMAT, type SavedWorkspace } from '../src/ui/store/persistence.ts';
import { decodeShare, encodeShare, SHARE_PREFIX, type SharedWork } from '../src/ui/store/share-link.ts';
import type { Project } from '../src/ui/store/workspace-slice.ts';
import { PlaygroundPage } from './pages/playground-page.ts';
import { buildBaremetal, qemuOutput } from './support/baremetal.ts';

const mine: Project = {
  kind: 'driver', example: 'stopwatch', name: 'mydriver', main: 'mydriver.c',
  files: { 'mydriver.c': '#include "mydriver.h"\n/* my own work */\n', 'mydriver.h': '#define MY_REG 0x04\n' },
};
const shared: SharedWork = {
  project: { ...mine, name: 'friend', main: 'friend.c', files: { 'friend.c': 'int init_module(void) { return 0; }\n' } },
  board: { speed: 'fast', jit: false, stopwatchOnError: 'log' },
};

/** Writes a record into the playground's database, where the page saves the current work. */
async function leaveSavedRecord(page: Page, record: unknown): Promise<void> {
  await page.evaluate((value) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('paravirt-playground');
    open.onupgradeneeded = () => open.result.createObjectStore('workspace');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('workspace', 'readwrite');
      tx.objectStore('workspace').put(value, 'workspace');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), record);
}

const savedRecord = (project: Project): SavedWorkspace => ({ format: SAVED_FORMAT, project, activeFile: project.main });

function shareHash(work: SharedWork): string {
  const encoded = encodeShare(work);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.hash;
}

function workBar(page: Page) {
  return {
    message: page.getByTestId('persistence-message'),
    share: page.getByRole('button', { name: 'Share', exact: true }),
    reset: page.getByRole('button', { name: 'Reset example…' }),
    dialog: page.getByRole('dialog', { name: 'Reset to the default driver?' }),
  };
}

test('saved work comes back after a reload, and Share copies a link that opens it with the board settings', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const playground = new PlaygroundPage(page);
  const bar = workBar(page);
  await playground.open();
  await leaveSavedRecord(page, savedRecord(mine));
  await page.reload();
  await expect(bar.message).toHaveText('Your saved work was restored (mydriver.c).');

  await page.getByLabel('Translate hot code (JIT)').uncheck();
  await bar.share.click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${new URL(page.url()).origin}/${SHARE_PREFIX}`)).toBe(true);
  expect(decodeShare(link.slice(link.indexOf('#')))).toEqual({ kind: 'ok', work: { project: mine, board: { speed: 'realtime', jit: false, stopwatchOnError: 'stop' } } });
});

test('when the browser refuses the clipboard, the link is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const playground = new PlaygroundPage(page);
  await playground.open();
  await leaveSavedRecord(page, savedRecord(mine));
  await page.reload();
  await workBar(page).share.click();
  const field = page.getByLabel('Share link');
  await expect(field).toBeFocused();
  const link = await field.inputValue();
  expect(decodeShare(link.slice(link.indexOf('#')))).toMatchObject({ kind: 'ok', work: { project: mine } });
});

test('a damaged or old-format record is set aside with a notice, and the page works', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await leaveSavedRecord(page, { format: 0, text: 'from an older playground' });
  await page.reload();
  await expect(workBar(page).message).toHaveText(/^Your saved work could not be opened \(it was saved by a different version of the playground\), so the example is shown instead\./);
  // The page works: the guest boots to its prompt as on a first visit.
  await playground.expectTerminalToContain('/ # ');
  await expect(playground.runState).toContainText('Running');
});

test('a share link shows its code and board settings, runs nothing, and leaves the saved work alone', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  const bar = workBar(page);
  await playground.open();
  await leaveSavedRecord(page, savedRecord(mine));

  await page.goto(`/${shareHash(shared)}`);
  await expect(bar.message).toHaveText('Opened shared code (friend.c). Nothing runs until you build it. Your own saved work is kept until you edit this code.');
  await expect(page.getByTestId('save-state')).toHaveText('Shared code: not saved until you edit it');
  await expect(page.getByLabel('Translate hot code (JIT)')).not.toBeChecked();
  await expect(page.getByLabel('Stopwatch on a device error')).toHaveValue('log');
  // Nothing of the link was built or loaded: the guest runs with the shipped driver only.
  await playground.expectTerminalToContain('/ # ');
  await expect(playground.runState).toContainText('Running');
  await expect(playground.buildPane).not.toContainText('friend.c');
  expect(await playground.terminalText()).not.toContain('friend');

  await page.goto('/');
  await page.reload(); // a fresh start without the link: the student's own work is back
  await expect(bar.message).toHaveText('Your saved work was restored (mydriver.c).');
});

test('a broken share link says what to do, and the saved work is restored', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await leaveSavedRecord(page, savedRecord(mine));
  const hash = shareHash(shared);
  await page.goto(`/${hash.slice(0, hash.length - 20)}`);
  await expect(workBar(page).message).toHaveText(/^This share link is broken or incomplete, so its code could not be opened \(.+\)\. Ask for the link again, copied whole\. Nothing was changed\. Your saved work was restored \(mydriver\.c\)\.$/);
});

test('Reset asks first in a modal dialog: focus stays inside, Escape cancels, the focus comes back', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  const bar = workBar(page);
  await playground.open();
  await leaveSavedRecord(page, savedRecord(mine));
  await page.reload();
  await expect(bar.message).toHaveText('Your saved work was restored (mydriver.c).');

  await bar.reset.focus();
  await page.keyboard.press('Enter');
  await expect(bar.dialog).toBeVisible();
  await expect(bar.dialog).toContainText('Your edits are discarded and cannot be brought back.');
  await expect(bar.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(await bar.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(bar.dialog).toBeHidden();
  await expect(bar.reset).toBeFocused();
  await expect(bar.message).toHaveText('Your saved work was restored (mydriver.c).'); // nothing was reset

  // Confirmed: the shipped driver replaces the student's code, and is what a reload brings back.
  await bar.reset.click();
  await bar.dialog.getByRole('button', { name: 'Reset my code' }).click();
  await expect(bar.dialog).toBeHidden();
  await expect(bar.message).toHaveText('Your code was reset to the shipped stopwatch example. Your edits were discarded.');
  await page.reload();
  await expect(bar.message).toHaveText('Your saved work was restored (stopwatch.c).');
});

test('a machine that crashes is restarted, the page says the code is kept, and programs run again', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await leaveSavedRecord(page, savedRecord(mine));
  await page.reload();
  await playground.expectTerminalToContain('/ # ');
  // The page has other workers too (the editor's): the machine's is the one from machine-worker.
  const machineWorkers = () => page.workers().filter((w) => w.url().includes('machine-worker'));
  const [machine] = machineWorkers();
  await machine.evaluate(() => { setTimeout(() => { throw new Error('simulated crash in the machine'); }); });

  await expect(playground.error).toContainText('The machine stopped unexpectedly and was restarted; your code is kept.');
  await expect.poll(() => machineWorkers().length).toBe(1);
  expect(machineWorkers()[0]).not.toBe(machine);
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toBeEnabled(); // the project is still open

  const elf = buildBaremetal('hello');
  await playground.openProgram(elf);
  await playground.button('Run').click();
  await playground.expectTerminalToContain(qemuOutput(elf).split('\n')[0].trimEnd());
});
