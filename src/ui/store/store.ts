// The one zustand store of typed slices (DESIGN.md, "React"), wired to the
// machine worker: commands go out through the client, events come back in.

import { create } from 'zustand';
import { MachineClient } from '../connection/machine-client.ts';
import { createBuildSlice, type BuildSlice } from './build-slice.ts';
import { createMachineSlice, type MachineSlice } from './machine-slice.ts';
import { createNoticeSlice, type NoticeSlice } from './notice-slice.ts';

export type PlaygroundState = MachineSlice & BuildSlice & NoticeSlice;

let client: MachineClient | null = null;

/** The worker connection, started on first use (one per page). */
export function machineClient(): MachineClient {
  client ??= new MachineClient({ receive: (event) => usePlayground.getState().receive(event) });
  return client;
}

export const usePlayground = create<PlaygroundState>()((...a) => ({
  ...createNoticeSlice(...a),
  ...createMachineSlice((command) => machineClient().send(command))(...a),
  ...createBuildSlice((command) => machineClient().send(command))(...a),
}));
