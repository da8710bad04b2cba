// The Web Worker that owns the machine (the UI thread never runs guest
// code). It speaks the protocol of src/protocol/messages.ts. Two front ends
// share it (front-ends.ts): the Linux-like guest, which the page boots as it
// opens, and a bare-metal program once one has loaded.

/// <reference lib="webworker" />
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { DEFAULT_EXAMPLE_ID } from '../protocol/examples.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { exampleCatalog } from './examples.ts';
import { FrontEnds } from './front-ends.ts';
import { GUEST_HEADERS } from './guest-files.ts';
import { GuestHost } from './guest-host.ts';
import { MachineHost } from './machine-host.ts';

declare const self: DedicatedWorkerGlobalScope;

const stopwatch = exampleCatalog().find((e) => e.id === DEFAULT_EXAMPLE_ID && e.kind === 'driver');
const defaultDriver = stopwatch ? { module: stopwatch.name, main: stopwatch.main, files: stopwatch.files } : null;

const machine = new FrontEnds({ post: (event: MachineEvent, transfer: Transferable[]) => self.postMessage(event, transfer) }, {
  guest: (port) => new GuestHost(port, { headers: GUEST_HEADERS, defaultDriver }),
  bareMetal: (port) => new MachineHost(new Session(createSessionBoard), port),
});
self.onmessage = (e: MessageEvent<MachineCommand>) => machine.handle(e.data);
machine.start();
