// Which trace event the student is looking at. Selecting an event selects it
// in every pane (the C line in the editor, the instruction in the Code pane,
// the register or bytes in the Device pane, the callback in the Host pane);
// "follow" keeps the newest event selected while the machine runs. The events
// themselves are not here: they live in the machine client's TraceBuffer.

import type { StateCreator } from 'zustand';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import type { PlaygroundState } from './playground-state.ts';

export interface TraceSlice {
  /** The event selected in the trace (null: none). */
  selectedTrace: TraceEvent | null;
  /** Keep the newest event selected while running. */
  followTrace: boolean;
  selectTraceEvent(event: TraceEvent | null): void;
  setFollowTrace(follow: boolean): void;
}

export const createTraceSlice: StateCreator<PlaygroundState, [], [], TraceSlice> = (set) => ({
  selectedTrace: null,
  followTrace: false,
  selectTraceEvent: (event) => set({ selectedTrace: event }),
  setFollowTrace: (follow) => set({ followTrace: follow }),
});
