// The one zustand store of typed slices (one slice per concern), wired to the
// machine worker: commands go out through the client, events come back in.

import { create } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import { MachineClient } from '../connection/machine-client.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

export type { PlaygroundState } from './playground-state.ts';

let client: MachineClient | null = null;

/** The worker connection, started on first use (one per page). */
export function machineClient(): MachineClient {
  if (!client) {
    client = new MachineClient({ receive: (event) => usePlayground.getState().receive(event) });
    client.onRestart(machineRestarted);
  }
  return client;
}

/** A fresh worker replaced one that crashed: it has no program, and the board options the student chose are sent again. */
function machineRestarted(): void {
  usePlayground.setState({
    workerReady: false, programName: null, entry: null, runState: 'empty', stop: null, idle: false, registers: null, mips: null,
    building: null, buildingDriver: false, guestBooted: false, sourceLocation: null, // a build in the dead worker never answers
  });
  const s = usePlayground.getState();
  const send = (command: MachineCommand) => machineClient().send(command);
  send({ type: 'set-speed', mode: s.speed });
  send({ type: 'set-jit', enabled: s.jit });
  send({ type: 'set-stopwatch-on-error', onError: s.stopwatchOnError });
  send({ type: 'set-breakpoints', pcs: s.breakpoints });
  send({ type: 'set-device-watchpoints', watchpoints: s.deviceWatches });
  for (const [file, lines] of Object.entries(s.sourceBreakpoints)) send({ type: 'set-source-breakpoints', file, lines });
  // The new worker says 'ready', and the store boots the guest again as when the page opened.
}

export const usePlayground = create<PlaygroundState>()(playgroundState((command) => machineClient().send(command)));
