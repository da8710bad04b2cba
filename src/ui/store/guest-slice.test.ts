// The page and the guest: it boots as soon as the worker is ready (with the
// student's driver if one is open), and Build & load sends the project's
// driver; the worker's answer is what the Build pane shows.
// The worker is replaced by the list of commands it would receive.

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { Example } from '../../protocol/examples.ts';
import type { MachineCommand } from '../../protocol/messages.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

function storeWithFakeWorker() {
  const sent: MachineCommand[] = [];
  const store = create<PlaygroundState>()(playgroundState((c) => sent.push(c)));
  return { store, sent };
}

const stopwatch: Example = {
  id: 'stopwatch', title: 'Stopwatch driver', summary: 'the driver', kind: 'driver', name: 'stopwatch', main: 'stopwatch.c',
  files: { 'stopwatch.c': '/* driver */', 'stopwatch_hw-sw.h': '/* registers */' },
};

describe('guest slice', () => {
  it('boots the guest with the shipped driver when the worker is ready and no project is open', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().receive({ type: 'ready' });
    expect(sent).toEqual([{ type: 'set-trace', enabled: true }, { type: 'boot-guest', driver: null }]);
    expect(store.getState().guestMode).toBe(true);
    store.getState().receive({ type: 'examples', examples: [stopwatch] });
    expect(store.getState().project).toEqual({ kind: 'driver', example: 'stopwatch', name: 'stopwatch', main: 'stopwatch.c', files: stopwatch.files });
    expect(store.getState().activeFile).toBe('stopwatch.c');
    store.getState().receive({ type: 'guest-booted' });
    expect(store.getState().guestBooted).toBe(true);
  });

  it('boots with the student\'s own driver when one is open, and does not replace it with the shipped one', () => {
    const { store, sent } = storeWithFakeWorker();
    const mine = { kind: 'driver' as const, example: 'stopwatch', name: 'stopwatch', main: 'stopwatch.c', files: { 'stopwatch.c': '/* mine */' } };
    store.getState().openProject(mine);
    store.getState().receive({ type: 'ready' });
    expect(sent).toEqual([{ type: 'set-trace', enabled: true }, { type: 'boot-guest', driver: { module: 'stopwatch', main: 'stopwatch.c', files: { 'stopwatch.c': '/* mine */' } } }]);
    store.getState().receive({ type: 'examples', examples: [stopwatch] });
    expect(store.getState().project).toEqual(mine);
  });

  it('Build & load sends the edited driver, and shows the worker\'s answer in the Build pane', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().receive({ type: 'ready' });
    store.getState().receive({ type: 'examples', examples: [stopwatch] });
    store.getState().editFile('stopwatch.c', '/* edited */');
    store.getState().buildAndLoad();
    expect(sent.at(-1)).toEqual({ type: 'build-driver', driver: { module: 'stopwatch', main: 'stopwatch.c', files: { ...stopwatch.files, 'stopwatch.c': '/* edited */' } } });
    expect(store.getState()).toMatchObject({ buildingDriver: true, building: 'stopwatch.c' });
    const message = 'Built stopwatch.c and loaded it: the module stopwatch now runs in the guest.';
    store.getState().receive({ type: 'driver-built', module: 'stopwatch', ok: true, loaded: true, diagnostics: [], buildMs: 40, message });
    expect(store.getState()).toMatchObject({ buildingDriver: false, building: null, driverBuild: { loaded: true, message } });
    expect(store.getState().build).toMatchObject({ name: 'stopwatch.c', ok: true, message });
  });

  it('says what to do when there is no driver to build, and leaves guest mode for a bare-metal program', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().receive({ type: 'ready' });
    store.getState().buildAndLoad();
    expect(sent.map((c) => c.type)).toEqual(['set-trace', 'boot-guest']); // no build
    expect(store.getState().error).toMatch(/pick an example in the Example menu/);
    store.getState().receive({ type: 'loaded', name: 'prog.elf', entry: 0x80000000 });
    expect(store.getState()).toMatchObject({ guestMode: false, programName: 'prog.elf' });
  });
});
