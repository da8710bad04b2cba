// The Variables view's data: the frame the worker sent with the current stop,
// and the frame of the stop before it, so the view can mark what changed.
// Between stops (while the guest runs) there is no frame, but the last one is
// kept as the one to compare the next stop with.

import type { StateCreator } from 'zustand';
import type { FrameView } from '../../protocol/frame.ts';
import type { PlaygroundState } from './playground-state.ts';

export interface FrameSlice {
  /** The C function the hart is stopped in, with its arguments and locals; null while running or outside C. */
  frame: FrameView | null;
  /** The frame shown at the previous stop (null: none yet). */
  previousFrame: FrameView | null;
  receiveFrame(frame: FrameView | null): void;
}

export const createFrameSlice: StateCreator<PlaygroundState, [], [], FrameSlice> = (set, get) => {
  let lastShown: FrameView | null = null;
  return {
    frame: null,
    previousFrame: null,
    receiveFrame(frame) {
      if (!frame) {
        if (get().frame) set({ frame: null });
        return;
      }
      set({ frame, previousFrame: lastShown });
      lastShown = frame;
    },
  };
};
