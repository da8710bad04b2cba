// The Linux-like guest as the page knows it: the page boots it as soon as the
// worker is ready (no click), with the student's driver if one is open (else
// the worker's shipped stopwatch driver), and Build & load sends the project's
// driver to the worker, which compiles it and swaps the module in the running
// guest. The driver build's result goes to the Build pane like a program's.

import type { StateCreator } from 'zustand';
import type { MachineEvent } from '../../protocol/messages.ts';
import type { CommandSender } from './machine-slice.ts';
import type { PlaygroundState } from './playground-state.ts';
import { driverSources } from './workspace-slice.ts';

export type GuestEvent = Extract<MachineEvent, { type: 'guest-booted' | 'driver-built' }>;

export interface GuestSlice {
  /** The machine is the guest (not a bare-metal program): the terminal is its shell's tty. */
  guestMode: boolean;
  /** The guest reached its shell prompt since the last boot-guest or reset. */
  guestBooted: boolean;
  /** The last Build & load (or the boot's build): loaded = the module runs in the guest now. */
  driverBuild: { module: string; ok: boolean; loaded: boolean; message: string } | null;
  /** A Build & load is under way. */
  buildingDriver: boolean;
  /** Boots the guest with the project's driver (a driver project), else the shipped one. */
  bootGuest(): void;
  /** Build & load: compiles the project's driver and swaps it into the running guest. */
  buildAndLoad(): void;
  receiveGuest(event: GuestEvent): void;
}

/** Whether Build & load can start now: nothing is building, and a driver has a booted guest
 * to go into (or a bare-metal program ran, and the guest boots again with it). */
export function canBuildNow(s: Pick<PlaygroundState, 'project' | 'building' | 'buildingDriver' | 'guestBooted' | 'guestMode'>): boolean {
  return s.project !== null && !s.buildingDriver && s.building === null
    && (s.project.kind === 'bare-metal' || s.guestBooted || !s.guestMode);
}

export const createGuestSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], GuestSlice> => (set, get) => ({
  guestMode: false,
  guestBooted: false,
  driverBuild: null,
  buildingDriver: false,

  bootGuest() {
    const { project, projectFromLink } = get();
    set({ guestMode: true, guestBooted: false, programName: null, entry: null });
    // Code from a share link is shown, not run: the guest boots with the shipped driver until it is built.
    send({ type: 'boot-guest', driver: project?.kind === 'driver' && !projectFromLink ? driverSources(project) : null });
  },

  buildAndLoad() {
    const project = get().project;
    if (!project) {
      get().showError('Nothing to build yet: pick an example in the Example menu, then press Build & load (Ctrl+S).');
      return;
    }
    if (get().buildingDriver || get().building !== null) return; // Ctrl+S again while a build is under way
    get().clearError();
    if (project.kind === 'bare-metal') {
      // A bare-metal program is the whole machine: it replaces the guest until the guest is booted again.
      set({ building: project.main });
      send({ type: 'compile', name: project.main, source: project.files[project.main] ?? '', output: 'bare-metal-elf', files: project.files });
      return;
    }
    if (!get().guestMode) {
      // A bare-metal program ran last: boot the guest again, with this driver built and inserted at boot.
      set({ projectFromLink: false }); // pressing Build & load is the student's choice to run the shown code
      get().bootGuest();
      return;
    }
    set({ buildingDriver: true, building: project.main, projectFromLink: false });
    send({ type: 'build-driver', driver: driverSources(project) });
  },

  receiveGuest(event) {
    switch (event.type) {
      case 'guest-booted':
        return set({ guestBooted: true });
      case 'driver-built': {
        const main = get().project?.main ?? `${event.module}.c`;
        return set({
          buildingDriver: false,
          building: null,
          driverBuild: { module: event.module, ok: event.ok, loaded: event.loaded, message: event.message },
          build: { name: main, ok: event.ok, diagnostics: event.diagnostics, buildMs: event.buildMs, keptProgram: null, message: event.message },
        });
      }
    }
  },
});
