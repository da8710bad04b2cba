// Classroom mode: whether the page is in the presenter view (large type, high
// contrast, only the lesson's panes), and the slow-motion replay of one access
// or one interrupt. The replay's events are not here: they stay in the
// machine client's trace buffer; the slice only says which event the replay
// was opened on, so every button that opens it (the presenter banner, the
// Trace pane) opens the same thing.

import type { StateCreator } from 'zustand';
import type { PlaygroundState } from './playground-state.ts';

/** How fast the replay moves: 1 is one hop every two seconds of wall time. */
export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** What the replay shows: one access through the bus, or one interrupt through the PLIC. */
export type JourneyKind = 'access' | 'interrupt';

export interface ReplayRequest {
  /** The event the replay was opened on (the selection), or null: the newest one of `kind`. */
  anchorSeq: number | null;
  /** The journey asked for; null: the kind of the anchor, or whichever happened last. */
  kind: JourneyKind | null;
}

export interface ClassroomSlice {
  presenter: boolean;
  /** The replay panel, or null while it is closed. */
  replay: ReplayRequest | null;
  replaySpeed: ReplaySpeed;
  /** Each hop of the replay selects its event, so every pane shows where the replay is. */
  replayFollows: boolean;
  setPresenter(on: boolean): void;
  togglePresenter(): void;
  /** Opens the replay on the selected trace event (or, without one, the newest access or interrupt). */
  openReplay(kind?: JourneyKind | null): void;
  closeReplay(): void;
  setReplaySpeed(speed: ReplaySpeed): void;
  setReplayFollows(follows: boolean): void;
}

export const createClassroomSlice: StateCreator<PlaygroundState, [], [], ClassroomSlice> = (set, get) => ({
  presenter: false,
  replay: null,
  replaySpeed: 0.5,
  replayFollows: true,
  setPresenter: (on) => set({ presenter: on }),
  togglePresenter: () => set({ presenter: !get().presenter }),
  openReplay(kind = null) {
    set({ replay: { anchorSeq: get().selectedTrace?.seq ?? null, kind } });
  },
  closeReplay: () => set({ replay: null }),
  setReplaySpeed(speed) {
    if ((REPLAY_SPEEDS as readonly number[]).includes(speed)) set({ replaySpeed: speed });
  },
  setReplayFollows: (follows) => set({ replayFollows: follows }),
});
