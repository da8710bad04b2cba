// The Web Worker that owns the machine (the UI thread never runs guest
// code). It speaks the protocol of src/protocol/messages.ts. Two front ends
// share it: the Linux-like guest (after boot-guest) and a bare-metal program
// on the board (once load-elf or compile has really loaded one); the other
// commands go to whichever of the two runs.

/// <reference lib="webworker" />
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { DEFAULT_EXAMPLE_ID } from '../protocol/examples.ts';
import { exampleCatalog } from './examples.ts';
import { GUEST_HEADERS } from './guest-files.ts';
import { GuestHost } from './guest-host.ts';
import { MachineHost } from './machine-host.ts';

declare const self: DedicatedWorkerGlobalScope;

const port = { post: (event: MachineEvent, transfer: Transferable[]) => self.postMessage(event, transfer) };
let mode: 'bare-metal' | 'guest' = 'bare-metal';
const stopwatch = exampleCatalog().find((e) => e.id === DEFAULT_EXAMPLE_ID && e.kind === 'driver');
const guest = new GuestHost(port, {
  headers: GUEST_HEADERS,
  defaultDriver: stopwatch ? { module: stopwatch.name, main: stopwatch.main, files: stopwatch.files } : null,
});
const bareMetal = new MachineHost(new Session(createSessionBoard), {
  post(event, transfer) {
    if (mode === 'guest') {
      // The guest goes only once a program has really loaded: a file that is not a
      // program, or C that does not compile, leaves the student's guest running.
      if (event.type === 'loaded') {
        guest.shutdown();
        mode = 'bare-metal';
      } else if (event.type === 'status' || event.type === 'registers') {
        return; // the page shows the guest's machine until then
      }
    }
    port.post(event, transfer);
  },
});

self.onmessage = (e: MessageEvent<MachineCommand>) => {
  const command = e.data;
  if (command.type === 'boot-guest' && mode === 'bare-metal') {
    bareMetal.handle({ type: 'pause' }); // one machine runs at a time
    mode = 'guest';
  }
  const toBareMetal = mode === 'bare-metal' || command.type === 'load-elf' || command.type === 'compile';
  (toBareMetal ? bareMetal : guest).handle(command);
};
bareMetal.start();
