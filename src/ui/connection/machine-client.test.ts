// A worker that crashes after it started is replaced: the page is told in
// words, the new worker gets the commands from then on, and the store's
// onRestart hook runs so it can set the machine up again. A worker that
// cannot even start is not restarted in a loop.

import { describe, expect, it, vi } from 'vitest';
import type { MachineCommand, MachineEvent } from '../../protocol/messages.ts';
import { MachineClient, RESTARTED_MESSAGE } from './machine-client.ts';

class FakeWorker {
  onmessage: ((e: MessageEvent<MachineEvent>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly received: MachineCommand[] = [];
  terminated = false;
  postMessage(command: MachineCommand) { this.received.push(command); }
  terminate() { this.terminated = true; }
  tell(event: MachineEvent) { this.onmessage?.({ data: event } as MessageEvent<MachineEvent>); }
  crash(message: string) { this.onerror?.({ message } as ErrorEvent); }
}

function client() {
  const workers: FakeWorker[] = [];
  const events: MachineEvent[] = [];
  const c = new MachineClient({ receive: (e) => events.push(e) }, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { c, workers, events };
}

describe('machine client crash recovery', () => {
  it('replaces a worker that crashes after it started, says so, and runs the restart hook', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { c, workers, events } = client();
    const restarted = vi.fn();
    c.onRestart(restarted);
    workers[0].tell({ type: 'ready' });
    workers[0].crash('RangeError: Maximum call stack size exceeded');

    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(events).toContainEqual({ type: 'error', message: RESTARTED_MESSAGE });
    expect(restarted).toHaveBeenCalledTimes(1);

    c.send({ type: 'run' });
    expect(workers[1].received).toEqual([{ type: 'run' }]);
    workers[0].tell({ type: 'notice', message: 'late words from the dead worker' });
    expect(events).not.toContainEqual({ type: 'notice', message: 'late words from the dead worker' });
  });

  it('does not restart a worker that failed before it was ready (it would fail again), and says to reload', () => {
    const { c, workers, events } = client();
    const restarted = vi.fn();
    c.onRestart(restarted);
    workers[0].crash('SyntaxError: Unexpected token');
    expect(workers).toHaveLength(1);
    expect(restarted).not.toHaveBeenCalled();
    expect(events).toEqual([{ type: 'error', message: 'The machine worker failed to start: SyntaxError: Unexpected token. Reload the page; if it happens again, try another browser.' }]);
  });

  it('a flow-control ack for bytes of the crashed worker is not sent to the new one', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { c, workers } = client();
    let ack: (() => void) | null = null;
    c.uart.subscribe({ data: (_bytes, done) => { ack = done; }, clear: () => {} });
    workers[0].tell({ type: 'ready' });
    workers[0].tell({ type: 'uart-out', bytes: new Uint8Array([0x41]) });
    workers[0].crash('boom');
    ack!();
    expect(workers[1].received).toEqual([]);
  });
});
