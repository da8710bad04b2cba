// The Web Worker that owns the machine (the UI thread never runs guest
// code). It speaks the protocol of src/protocol/messages.ts. Two front ends
// share it: the Linux-like guest (after boot-guest) and a bare-metal program
// on the board (after load-elf or compile); the other commands go to
// whichever of the two the page chose last.

/// <reference lib="webworker" />
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { GUEST_DRIVER_FILES, GUEST_HEADERS } from './guest-files.ts';
import { GuestHost } from './guest-host.ts';
import { MachineHost } from './machine-host.ts';

declare const self: DedicatedWorkerGlobalScope;

const port = { post: (event: MachineEvent, transfer: Transferable[]) => self.postMessage(event, transfer) };
const bareMetal = new MachineHost(new Session(createSessionBoard), port);
const guest = new GuestHost(port, { headers: GUEST_HEADERS, driverFiles: GUEST_DRIVER_FILES });
let mode: 'bare-metal' | 'guest' = 'bare-metal';

self.onmessage = (e: MessageEvent<MachineCommand>) => {
  const command = e.data;
  if (command.type === 'boot-guest' && mode === 'bare-metal') {
    bareMetal.handle({ type: 'pause' }); // one machine runs at a time
    mode = 'guest';
  } else if ((command.type === 'load-elf' || command.type === 'compile') && mode === 'guest') {
    guest.shutdown();
    mode = 'bare-metal';
  }
  (mode === 'guest' ? guest : bareMetal).handle(command);
};
bareMetal.start();
guest.sendShippedDrivers();
