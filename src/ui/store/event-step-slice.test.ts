// Stepping by event and device watchpoints from the page's side: what goes
// to the worker, and what the student is told when it cannot act.
// The worker is replaced by the list of commands it would receive.

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import { runAnnouncement } from '../status/announcements.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

function storeWithFakeWorker() {
  const sent: MachineCommand[] = [];
  const store = create<PlaygroundState>()(playgroundState((c) => sent.push(c)));
  return { store, sent };
}

describe('event step slice', () => {
  it('sends the whole list of device watchpoints on each change, and does not add one twice', () => {
    const { store, sent } = storeWithFakeWorker();
    const s = () => store.getState();
    s().addDeviceWatch({ device: 'stopwatch', reg: 'command', kind: 'write', value: 1 });
    s().addDeviceWatch({ device: 'stopwatch', reg: 'status', kind: 'read' });
    s().addDeviceWatch({ device: 'stopwatch', reg: 'status', kind: 'read' });
    expect(s().actionNotice).toBe('A watchpoint on stopwatch status read is already set.');
    s().removeDeviceWatch(0);
    expect(s().actionNotice).toBe('Watchpoint on stopwatch command written as START removed.');
    expect(sent).toEqual([
      { type: 'set-device-watchpoints', watchpoints: [{ device: 'stopwatch', reg: 'command', kind: 'write', value: 1 }] },
      { type: 'set-device-watchpoints', watchpoints: [{ device: 'stopwatch', reg: 'command', kind: 'write', value: 1 }, { device: 'stopwatch', reg: 'status', kind: 'read' }] },
      { type: 'set-device-watchpoints', watchpoints: [{ device: 'stopwatch', reg: 'status', kind: 'read' }] },
    ]);
  });

  it('runs to an event while paused or running; says why not otherwise', () => {
    const { store, sent } = storeWithFakeWorker();
    const s = () => store.getState();
    s().runToEvent('exit');
    expect(sent).toEqual([]);
    expect(s().actionNotice).toBe('Cannot run to the next VM exit: load a program first.');
    s().receive({ type: 'status', state: 'running', stop: null, speed: 'fast', idle: true });
    s().runToEvent({ lane: 'bus' });
    s().receive({ type: 'status', state: 'halted', stop: { reason: 'poweroff', exitCode: 0 }, speed: 'fast', idle: false });
    s().runToEvent('irq');
    expect(sent).toEqual([{ type: 'run-to-event', target: { lane: 'bus' } }]);
    expect(s().actionNotice).toBe('Cannot run to the next IRQ: the machine has stopped for good: press Reset to boot it again.');
  });

  it('the run announcer says the machine stopped before a VM exit, and at which register', () => {
    const text = runAnnouncement({
      runState: 'paused', pc: 0x80100124,
      stop: { reason: 'event', target: 'exit', at: { kind: 'exit', hit: { pc: 0x80100124, addr: 0x4000090, size: 4, access: 'write', when: 'before', value: 3, device: 'stopwatch', reg: 'command' } } },
    });
    expect(text).toBe('Paused at 0x80100124 (next VM exit: about to write stopwatch command, before the device model runs)');
    const irq = runAnnouncement({
      runState: 'paused', pc: 0x80000010,
      stop: { reason: 'event', target: 'irq', at: { kind: 'event', event: { seq: 9, timeNs: 5, kind: 'irq-line', line: 'stopwatch', level: 1, source: 64 } } },
    });
    expect(irq).toBe('Paused at 0x80000010 (the next IRQ: irq 64 ↑ (stopwatch))');
  });
});
