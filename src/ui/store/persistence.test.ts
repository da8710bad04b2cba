// The student's work survives: edits are saved after a pause in typing and
// when the page is hidden, come back at the next start (over the default
// example), and a damaged record or a broken link never costs what was saved.
// IndexedDB is replaced by a Map that can be told to fail.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import { CURRENT_KEY, exampleKey, SAVED_FORMAT, UNREADABLE_KEY, WorkspacePersistence, type KeyValueStore } from './persistence.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';
import { decodeShare, encodeShare } from './share-link.ts';
import type { Project } from './workspace-slice.ts';

const shipped: Project = {
  kind: 'driver', example: 'stopwatch', name: 'stopwatch', main: 'stopwatch.c',
  files: { 'stopwatch.c': '// shipped driver\n', 'stopwatch_hw-sw.h': '#define SW_CMD 0\n' },
};
const other: Project = { kind: 'bare-metal', example: 'hello', name: 'hello', main: 'hello.c', files: { 'hello.c': 'int main(void) { return 0; }\n' } };

class FakeIdb implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  failing = false;
  writes = 0;
  get(key: string) {
    return this.failing ? Promise.reject(new Error('no IndexedDB')) : Promise.resolve(structuredClone(this.data.get(key)));
  }
  set(key: string, value: unknown) {
    if (this.failing) return Promise.reject(new Error('QuotaExceededError'));
    this.writes++;
    this.data.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

function page(idb: FakeIdb) {
  const sent: MachineCommand[] = [];
  const store = create<PlaygroundState>()(playgroundState((c) => sent.push(c)));
  let hide: (() => void) | null = null;
  const sharedEdited = vi.fn();
  const persistence = new WorkspacePersistence(store, {
    storage: idb,
    defaultFor: (example) => ({ stopwatch: shipped, hello: other })[example] ?? null,
    onPageHide: (flush) => { hide = flush; return () => { hide = null; }; },
    onSharedEdited: sharedEdited,
  });
  return { store, sent, persistence, hidePage: () => hide?.(), sharedEdited };
}

const saved = (project: Project, activeFile: string | null = project.main) => ({ format: SAVED_FORMAT, project, activeFile });
const text = (s: { getState(): PlaygroundState }) => s.getState().project?.files['stopwatch.c'];

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('workspace persistence', () => {
  it('saves about 300 ms after the typing stops, not at every keystroke', async () => {
    const idb = new FakeIdb();
    const { store, persistence } = page(idb);
    await persistence.start();
    store.getState().openProject(shipped);
    for (const t of ['i', 'in', 'int']) {
      store.getState().editFile('stopwatch.c', t);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(idb.data.get(CURRENT_KEY)).toBeUndefined();
    expect(persistence.status.getState().save).toBe('pending');
    await vi.advanceTimersByTimeAsync(300);
    expect(idb.data.get(CURRENT_KEY)).toEqual(saved({ ...shipped, files: { ...shipped.files, 'stopwatch.c': 'int' } }));
    expect(idb.writes).toBe(2); // the current record and the example's copy, once
    expect(persistence.status.getState().save).toBe('saved');
  });

  it('does not write the example the page opens by itself, only what the student changes', async () => {
    const idb = new FakeIdb();
    const { store, persistence } = page(idb);
    await persistence.start();
    store.getState().openProject(shipped);
    await vi.advanceTimersByTimeAsync(1000);
    expect(idb.writes).toBe(0);
    store.getState().editFile('stopwatch.c', 'changed');
    await vi.advanceTimersByTimeAsync(400);
    expect((idb.data.get(CURRENT_KEY) as { project: Project }).project.files['stopwatch.c']).toBe('changed');
  });

  it('saves at once when the page is hidden or closed', async () => {
    const idb = new FakeIdb();
    const { store, persistence, hidePage } = page(idb);
    await persistence.start();
    store.getState().openProject(shipped);
    store.getState().editFile('stopwatch.c', 'last words');
    hidePage();
    await vi.advanceTimersByTimeAsync(0);
    expect((idb.data.get(CURRENT_KEY) as { project: Project }).project.files['stopwatch.c']).toBe('last words');
  });

  it('restores the saved work at start, over the default the page opened, with its tab', async () => {
    const idb = new FakeIdb();
    const mine = { ...shipped, files: { ...shipped.files, 'stopwatch.c': 'my driver' } };
    idb.data.set(CURRENT_KEY, saved(mine, 'stopwatch_hw-sw.h'));
    const { store, persistence } = page(idb);
    store.getState().openProject(shipped); // the page's default, opened before the database answered
    await persistence.start();
    expect(text(store)).toBe('my driver');
    expect(store.getState().activeFile).toBe('stopwatch_hw-sw.h');
    expect(persistence.status.getState()).toMatchObject({ origin: 'restored', restored: true, message: 'Your saved work was restored (stopwatch.c).' });
  });

  it('sets a record of another format aside with a notice, shows the example and does not crash', async () => {
    for (const record of [{ format: 0, files: { 'a.c': 'x' } }, 'garbage', saved({ ...shipped, main: 'gone.c' })]) {
      const idb = new FakeIdb();
      idb.data.set(CURRENT_KEY, record);
      const { store, persistence } = page(idb);
      store.getState().openProject(shipped);
      await persistence.start();
      expect(text(store)).toBe('// shipped driver\n');
      expect(persistence.status.getState().message).toMatch(/^Your saved work could not be opened \(.+\), so the example is shown instead\./);
      expect(idb.data.get(UNREADABLE_KEY)).toEqual(record);
    }
  });

  it('without storage (a private window) the page still starts and says edits last only for this tab', async () => {
    const idb = new FakeIdb();
    idb.failing = true;
    const { store, persistence } = page(idb);
    await persistence.start();
    expect(persistence.status.getState().message).toMatch(/does not let the playground store anything/);
    store.getState().openProject(shipped);
    store.getState().editFile('stopwatch.c', 'x');
    await vi.advanceTimersByTimeAsync(400);
    expect(persistence.status.getState()).toMatchObject({ save: 'failed', message: expect.stringMatching(/could not be saved.*Share/) });
  });

  it('keeps one copy per example, so switching examples and back loses no edits', async () => {
    const idb = new FakeIdb();
    const { store, persistence } = page(idb);
    await persistence.start();
    store.getState().openProject(shipped);
    store.getState().editFile('stopwatch.c', 'edited stopwatch');
    await persistence.openExample('hello'); // before the debounce: the stopwatch edits are written anyway
    await vi.advanceTimersByTimeAsync(400);
    expect(store.getState().project?.main).toBe('hello.c');
    await persistence.openExample('stopwatch');
    expect(text(store)).toBe('edited stopwatch');
    expect((idb.data.get(exampleKey('hello')) as { project: Project }).project).toEqual(other);
  });

  it('Reset puts the shipped driver back and saves it; without the shipped example it says to wait', async () => {
    const idb = new FakeIdb();
    const { store, persistence } = page(idb);
    await persistence.start();
    store.getState().openProject({ ...shipped, files: { ...shipped.files, 'stopwatch.c': 'broken' } });
    expect(await persistence.resetToDefault()).toBe(true);
    expect(text(store)).toBe('// shipped driver\n');
    expect((idb.data.get(CURRENT_KEY) as { project: Project }).project).toEqual(shipped);
    expect(persistence.status.getState().message).toBe('Your code was reset to the shipped stopwatch example. Your edits were discarded.');

    const unknown = { ...other, example: 'from-a-newer-menu' };
    store.getState().openProject(unknown);
    expect(await persistence.resetToDefault()).toBe(false);
    expect(store.getState().project).toEqual(unknown);
    expect(persistence.status.getState().message).toMatch(/have not arrived from the machine yet/);
  });
});

describe('opening a share link', () => {
  const board = { speed: 'realtime', jit: false, stopwatchOnError: 'log' } as const;
  const sharedProject = { ...shipped, files: { ...shipped.files, 'stopwatch.c': 'shared driver' } };
  const link = () => {
    const e = encodeShare({ project: sharedProject, board });
    if (!e.ok) throw new Error(e.message);
    return decodeShare(e.hash);
  };

  it('shows the shared code and board options, runs nothing, and leaves the saved work alone until an edit', async () => {
    const idb = new FakeIdb();
    const mine = saved({ ...shipped, files: { ...shipped.files, 'stopwatch.c': 'my own work' } });
    idb.data.set(CURRENT_KEY, mine);
    const { store, sent, persistence, sharedEdited, hidePage } = page(idb);
    await persistence.start(link());
    expect(text(store)).toBe('shared driver');
    expect(store.getState()).toMatchObject({ jit: false, stopwatchOnError: 'log' });
    expect(sent.map((c) => c.type)).toEqual(['set-speed', 'set-jit', 'set-stopwatch-on-error']); // no compile, no load, no run
    expect(persistence.status.getState()).toMatchObject({ origin: 'shared', viewingShared: true });

    store.getState().setActiveFile('stopwatch_hw-sw.h'); // looking is not editing
    hidePage();
    await vi.advanceTimersByTimeAsync(1000);
    expect(idb.data.get(CURRENT_KEY)).toEqual(mine);

    store.getState().editFile('stopwatch.c', 'shared driver, changed');
    await vi.advanceTimersByTimeAsync(400);
    expect(sharedEdited).toHaveBeenCalledTimes(1);
    expect(persistence.status.getState().viewingShared).toBe(false);
    expect((idb.data.get(CURRENT_KEY) as { project: Project }).project.files['stopwatch.c']).toBe('shared driver, changed');
  });

  it('a broken link says so, and the saved work is restored untouched', async () => {
    const idb = new FakeIdb();
    const mine = saved({ ...shipped, files: { ...shipped.files, 'stopwatch.c': 'my own work' } });
    idb.data.set(CURRENT_KEY, mine);
    const { store, persistence } = page(idb);
    const e = encodeShare({ project: sharedProject, board });
    if (!e.ok) throw new Error(e.message);
    await persistence.start(decodeShare(e.hash.slice(0, e.hash.length / 2)));
    expect(text(store)).toBe('my own work');
    expect(persistence.status.getState().message).toMatch(/^This share link is broken or incomplete.*Nothing was changed\. Your saved work was restored/);
    expect(idb.data.get(CURRENT_KEY)).toEqual(mine);
  });
});
