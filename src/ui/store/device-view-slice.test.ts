// The store shows the worker's device snapshots at the screen's pace: the
// latest per frame, with the shared-memory bytes it changed marked, and a
// counter history that starts over with the machine.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { DeviceView } from '../../protocol/device-view.ts';
import { changedBytes } from './device-view-slice.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

function view(timeNs: number, exits: number, memory: number[]): DeviceView {
  return {
    device: 'stopwatch', timeNs, registers: [], memory: Uint8Array.from(memory), memoryBase: 0x0400_0000,
    irq: { line: 'stopwatch.timeout', level: false, source: 64 }, plic: null,
    host: { status: 'RUNNING', accumulatedNs: 0, startMarkNs: 0, timeout: 'none', deadlineNs: null },
    exits: { exits, exitReads: 0, exitWrites: exits, exitTimeNs: exits * 5000, passthroughReads: 0, passthroughWrites: 0, registers: [], allDevicesExits: exits },
    dtNode: { path: '/x', dts: '', ranges: [] },
  };
}

const frame = () => new Promise((r) => setTimeout(r, 40));

describe('device-view slice', () => {
  it('shows the latest snapshot of a frame, marks the bytes it changed, and charts the counters', async () => {
    const store = create<PlaygroundState>()(playgroundState(() => {}));
    store.getState().receiveDeviceView(view(1, 0, [0, 0, 0]));
    await frame();
    expect(store.getState().deviceMemoryChanged).toEqual(new Uint8Array(3)); // nothing before it to compare with
    store.getState().receiveDeviceView(view(2, 1, [0, 7, 0]));
    store.getState().receiveDeviceView(view(3, 2, [0, 7, 9])); // same frame: only this one is shown
    expect(store.getState().deviceView!.timeNs).toBe(1);
    await frame();
    expect(store.getState().deviceView!.timeNs).toBe(3);
    expect([...store.getState().deviceMemoryChanged]).toEqual([0, 1, 1]);
    expect(store.getState().deviceHistory.map((s) => s.exits)).toEqual([0, 2]);

    store.getState().receiveDeviceView(view(0, 0, [0, 0, 0])); // a reboot: time and counters start over
    await frame();
    expect(store.getState().deviceHistory.map((s) => s.timeNs)).toEqual([0]);
    expect([...store.getState().deviceMemoryChanged]).toEqual([0, 0, 0]);
  });

  it('compares bytes only against a view of the same size', () => {
    expect([...changedBytes(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))]).toEqual([0, 1]);
    expect([...changedBytes(null, Uint8Array.from([1]))]).toEqual([0]);
  });
});
