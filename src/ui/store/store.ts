// The one zustand store of typed slices (one slice per concern), wired to the
// machine worker: commands go out through the client, events come back in.

import { create } from 'zustand';
import { MachineClient } from '../connection/machine-client.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

export type { PlaygroundState } from './playground-state.ts';

let client: MachineClient | null = null;

/** The worker connection, started on first use (one per page). */
export function machineClient(): MachineClient {
  client ??= new MachineClient({ receive: (event) => usePlayground.getState().receive(event) });
  return client;
}

export const usePlayground = create<PlaygroundState>()(playgroundState((command) => machineClient().send(command)));
