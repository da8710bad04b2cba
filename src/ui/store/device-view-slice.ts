// The stopwatch as the Device and Host panes show it: the worker's latest
// snapshot, which bytes of the shared memory it changed, and a short history
// of the counters for the Host pane's chart. While the guest runs the worker
// may send a snapshot per slice; the store takes at most one per frame (the
// latest), so the panes redraw at the screen's pace, not the worker's.

import type { StateCreator } from 'zustand';
import type { DeviceView } from '../../protocol/device-view.ts';
import type { PlaygroundState } from './playground-state.ts';

/** Counter samples kept for the chart: enough for minutes of a guest that changes the device a few times a second. */
export const DEVICE_HISTORY_LIMIT = 300;

export interface CounterSample {
  timeNs: number;
  exits: number;
  passthrough: number;
  exitTimeNs: number;
}

export interface DeviceViewSlice {
  deviceView: DeviceView | null;
  /** Per byte of deviceView.memory: 1 where the byte differs from the view shown before. */
  deviceMemoryChanged: Uint8Array;
  /** The counters at each view shown, oldest first (bounded). */
  deviceHistory: CounterSample[];
  /** Takes a snapshot from the worker (shown on the next frame, or dropped for a newer one). */
  receiveDeviceView(view: DeviceView): void;
}

let pending: DeviceView | null = null;
let frameRequested = false;

function nextFrame(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
  else setTimeout(run, 16);
}

export const createDeviceViewSlice: StateCreator<PlaygroundState, [], [], DeviceViewSlice> = (set, get) => {
  const commit = (view: DeviceView): void => {
    const before = get().deviceView;
    const sample: CounterSample = {
      timeNs: view.timeNs, exits: view.exits.exits,
      passthrough: view.exits.passthroughReads + view.exits.passthroughWrites, exitTimeNs: view.exits.exitTimeNs,
    };
    // A machine that started over (reset, reboot, a new program) starts the chart over too.
    const restarted = !before || view.timeNs < before.timeNs || sample.exits < before.exits.exits;
    const history = restarted ? [sample] : [...get().deviceHistory, sample].slice(-DEVICE_HISTORY_LIMIT);
    set({ deviceView: view, deviceMemoryChanged: changedBytes(restarted ? null : before.memory, view.memory), deviceHistory: history });
  };
  return {
    deviceView: null,
    deviceMemoryChanged: new Uint8Array(0),
    deviceHistory: [],
    receiveDeviceView(view) {
      pending = view;
      if (frameRequested) return;
      frameRequested = true;
      nextFrame(() => {
        frameRequested = false;
        const latest = pending;
        pending = null;
        if (latest) commit(latest);
      });
    },
  };
};

/** 1 where `now` differs from `before` (nothing marked when there is no before). */
export function changedBytes(before: Uint8Array | null, now: Uint8Array): Uint8Array {
  const out = new Uint8Array(now.length);
  if (!before || before.length !== now.length) return out;
  for (let i = 0; i < now.length; i++) out[i] = before[i] !== now[i] ? 1 : 0;
  return out;
}
