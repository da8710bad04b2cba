// The Web Worker that owns the machine (the UI thread never runs guest
// code). It speaks the protocol of src/protocol/messages.ts.

/// <reference lib="webworker" />
import type { MachineCommand, MachineEvent } from '../protocol/messages.ts';
import { createSessionBoard } from '../session/create-board.ts';
import { Session } from '../session/session.ts';
import { MachineHost } from './machine-host.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = new MachineHost(new Session(createSessionBoard), {
  post: (event: MachineEvent, transfer: Transferable[]) => self.postMessage(event, transfer),
});
self.onmessage = (e: MessageEvent<MachineCommand>) => host.handle(e.data);
host.start();
