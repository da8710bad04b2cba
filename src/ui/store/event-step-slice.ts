// Stepping by event and watchpoints on device registers, as the page keeps
// them: the register watchpoints the student set (sent to the worker whole on
// every change, and kept across Reset there), and "run to the next exit, IRQ
// or lane event". What cannot act now says why in `actionNotice`, which the
// page's live region reads out.

import type { StateCreator } from 'zustand';
import { registerInfo, registerValueName } from '../../protocol/device-registers.ts';
import { describeEventStepTarget, type EventStepTarget, type TraceLane } from '../../protocol/trace-lanes.ts';
import type { DeviceRegisterWatch } from '../../protocol/watchpoints.ts';
import type { CommandSender } from './machine-slice.ts';
import type { PlaygroundState } from './playground-state.ts';

export interface EventStepSlice {
  /** Watchpoints on device registers, in the order they were added. */
  deviceWatches: DeviceRegisterWatch[];
  /** The lane "Next in lane" runs to. */
  eventLane: TraceLane;
  /** Adds a watchpoint (an identical one is not added twice). */
  addDeviceWatch(watch: DeviceRegisterWatch): void;
  removeDeviceWatch(index: number): void;
  setEventLane(lane: TraceLane): void;
  /** Runs to the next VM exit, IRQ or event of a lane; says why not when it cannot. */
  runToEvent(target: EventStepTarget): void;
}

/** Why stepping by event cannot act now, or null when it can (paused or running). */
export function eventStepBlocked(s: Pick<PlaygroundState, 'runState' | 'guestMode' | 'guestBooted'>): string | null {
  switch (s.runState) {
    case 'empty':
      return s.guestMode ? 'the guest is still booting: wait for its prompt' : 'load a program first';
    case 'halted':
      return 'the machine has stopped for good: press Reset to boot it again';
    default:
      return s.guestMode && !s.guestBooted ? 'the guest is still booting: wait for its prompt' : null;
  }
}

/** "command written with START", "status read", for lists and announcements. */
export function describeDeviceWatch(w: DeviceRegisterWatch): string {
  const verb = w.kind === 'write' ? 'written' : w.kind === 'read' ? 'read' : 'accessed';
  const value = w.value === undefined ? '' : ` as ${registerValueName(w.device, w.reg, w.value) ?? `0x${(w.value >>> 0).toString(16)}`}`;
  const device = registerInfo(w.device, w.reg) ? `${w.device} ` : '';
  return `${device}${w.reg} ${verb}${value}`;
}

const same = (a: DeviceRegisterWatch, b: DeviceRegisterWatch) =>
  a.device === b.device && a.reg === b.reg && a.kind === b.kind && a.value === b.value;

export const createEventStepSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], EventStepSlice> => (set, get) => {
  const update = (deviceWatches: DeviceRegisterWatch[]) => {
    set({ deviceWatches });
    send({ type: 'set-device-watchpoints', watchpoints: deviceWatches });
  };
  return {
    deviceWatches: [],
    eventLane: 'irq',
    addDeviceWatch: (watch) => {
      const watches = get().deviceWatches;
      if (watches.some((w) => same(w, watch))) {
        set({ actionNotice: `A watchpoint on ${describeDeviceWatch(watch)} is already set.` });
        return;
      }
      set({ actionNotice: `Watchpoint set: the machine stops when ${describeDeviceWatch(watch)}.` });
      update([...watches, { ...watch }]);
    },
    removeDeviceWatch: (index) => {
      const watches = get().deviceWatches;
      const gone = watches[index];
      if (!gone) return;
      set({ actionNotice: `Watchpoint on ${describeDeviceWatch(gone)} removed.` });
      update(watches.filter((_, i) => i !== index));
    },
    setEventLane: (lane) => set({ eventLane: lane }),
    runToEvent: (target) => {
      const blocked = eventStepBlocked(get());
      if (blocked) {
        set({ actionNotice: `Cannot run to ${describeEventStepTarget(target)}: ${blocked}.` });
        return;
      }
      set({ actionNotice: null });
      send({ type: 'run-to-event', target });
    },
  };
};
