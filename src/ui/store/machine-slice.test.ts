// The store turns clicks into worker commands and worker events into what the
// panes show; checked here without a browser, with the worker replaced by a
// list of the commands it would receive.

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

function storeWithFakeWorker() {
  const sent: MachineCommand[] = [];
  const store = create<PlaygroundState>()(playgroundState((c) => sent.push(c)));
  return { store, sent };
}

describe('machine slice', () => {
  it('sends the file as a load-elf command, and refuses a file far too big for the board', async () => {
    const { store, sent } = storeWithFakeWorker();
    await store.getState().loadElfFile(new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46])], 'prog.elf'));
    expect(sent).toMatchObject([{ type: 'load-elf', name: 'prog.elf' }]);
    const huge = { name: 'movie.mkv', size: 700 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('not read')) } as unknown as File;
    await store.getState().loadElfFile(huge);
    expect(sent).toHaveLength(1);
    expect(store.getState().error).toMatch(/"movie\.mkv" is 700 MiB: too big/);
  });

  it('keeps breakpoints as a sorted set and sends the whole set each time', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().toggleBreakpoint(0x80000010);
    store.getState().toggleBreakpoint(0x80000004);
    store.getState().toggleBreakpoint(0x80000010);
    expect(store.getState().breakpoints).toEqual([0x80000004]);
    expect(sent.at(-1)).toEqual({ type: 'set-breakpoints', pcs: [0x80000004] });
  });

  it('shows what the worker reports: state, stop reason, errors', () => {
    const { store } = storeWithFakeWorker();
    const s = store.getState();
    s.receive({ type: 'status', state: 'halted', stop: { reason: 'poweroff', exitCode: 3 }, speed: 'fast', idle: false });
    s.receive({ type: 'error', message: 'Could not load the program: "x" is not an ELF file.' });
    expect(store.getState()).toMatchObject({ runState: 'halted', stop: { reason: 'poweroff', exitCode: 3 } });
    expect(store.getState().error).toContain('not an ELF file');
    store.getState().clearError();
    expect(store.getState().error).toBeNull();
  });

  it('keeps the latest guest errors newest first, counts all of them, and forgets them on a new boot', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().setStopwatchOnError('log');
    store.getState().setStopwatchOnError('log');
    expect(sent).toEqual([{ type: 'set-stopwatch-on-error', onError: 'log' }]);
    const messages = (from: number, n: number) => Array.from({ length: n }, (_, i) => `error ${from + i}`);
    store.getState().receive({ type: 'guest-errors', messages: messages(1, 3), more: 0 });
    store.getState().receive({ type: 'guest-errors', messages: messages(4, 4), more: 10 });
    expect(store.getState().guestErrorCount).toBe(17);
    expect(store.getState().guestErrors).toEqual(['error 7', 'error 6', 'error 5', 'error 4', 'error 3']);
    store.getState().receive({ type: 'loaded', name: 'prog.elf', entry: 0x80000000 });
    expect(store.getState()).toMatchObject({ guestErrors: [], guestErrorCount: 0, stopwatchOnError: 'log' });
  });

  it('keeps the machine notices until the program boots again', () => {
    const { store } = storeWithFakeWorker();
    store.getState().receive({ type: 'notice', message: 'this board has no FPU: build with -march=rv32imac -mabi=ilp32' });
    expect(store.getState().notices).toEqual(['this board has no FPU: build with -march=rv32imac -mabi=ilp32']);
    store.getState().reset();
    expect(store.getState().notices).toEqual([]);
  });

  it('step asks for at least one whole instruction', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().step(0);
    store.getState().step(2.7);
    expect(sent).toEqual([{ type: 'step', count: 1 }, { type: 'step', count: 2 }]);
  });

  it('marks the registers a new snapshot changed, however often the pane renders it', () => {
    const { store } = storeWithFakeWorker();
    const x = new Array<number>(32).fill(0);
    const snap = (pc: number, a0: number, instret: number) =>
      ({ pc, x: x.map((v, i) => (i === 10 ? a0 : v)), priv: 'M' as const, csr: { mcause: 0 }, instret, timeNs: instret, code: [] });
    store.getState().receive({ type: 'registers', registers: snap(0x80000000, 0, 1) });
    expect(store.getState().registerChanges).toEqual({ pc: false, x: [], csr: [] });
    store.getState().receive({ type: 'registers', registers: snap(0x80000004, 42, 2) });
    expect(store.getState().registerChanges).toEqual({ pc: true, x: [10], csr: [] });
  });

  it('asks for slow motion as a slowdown of real time, and shows the one the worker reports', () => {
    const { store, sent } = storeWithFakeWorker();
    store.getState().setSpeed('realtime', 10);
    store.getState().setSpeed('realtime');
    store.getState().setSpeed('fast');
    expect(sent).toEqual([
      { type: 'set-speed', mode: 'realtime', slowdown: 10 },
      { type: 'set-speed', mode: 'realtime' },
      { type: 'set-speed', mode: 'fast' },
    ]);
    store.getState().receive({ type: 'status', state: 'running', stop: null, speed: 'realtime', idle: false, slowdown: 100 });
    expect(store.getState()).toMatchObject({ speed: 'realtime', slowdown: 100 });
    store.getState().receive({ type: 'status', state: 'running', stop: null, speed: 'fast', idle: false });
    expect(store.getState().slowdown).toBe(1);
  });
});
