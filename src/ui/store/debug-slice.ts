// The debugger's keyboard actions that go beyond Run/Pause/Step: stepping by C
// line (over, into, out of a call) and Build & load. The worker that runs the
// Linux-like guest answers them; a worker that does not know a command ignores
// it, so pressing F10 on a bare-metal ELF does no harm. What cannot act now
// says so in `actionNotice`, which the page's live region reads out.

import type { StateCreator } from 'zustand';
import type { MachineCommand } from '../../protocol/messages.ts';
import type { CommandSender } from './machine-slice.ts';
import type { PlaygroundState } from './playground-state.ts';
import { driverSources } from './workspace-slice.ts';

/** Step to the next C line, into the call on this line, or out of this function. */
export type SourceStep = 'line' | 'into' | 'out';

/** The guest host's commands this slice sends. The protocol gains them with the guest
 * host (another part of the page's work); until then they travel as plain data. */
type GuestHostCommand =
  | { type: 'step-source'; how: SourceStep }
  | { type: 'build-driver'; driver: ReturnType<typeof driverSources> };

export interface DebugSlice {
  /** The last thing an action could not do, in words (null: nothing to say). */
  actionNotice: string | null;
  stepLine(): void;
  stepInto(): void;
  stepOut(): void;
  /** Builds the open project: a bare-metal program is compiled and loaded, a driver rebuilt and reinserted. */
  buildAndLoad(): void;
  /** What a control or shortcut could not do now, in words (null: clears it). */
  setActionNotice(message: string | null): void;
}

const STEP_WORDS: Record<SourceStep, string> = { line: 'Step line', into: 'Step into', out: 'Step out' };

export const createDebugSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], DebugSlice> => (set, get) => {
  const sendToGuestHost = (command: GuestHostCommand) => send(command as unknown as MachineCommand);
  const stepSource = (how: SourceStep) => {
    const s = get();
    if (s.runState !== 'paused') {
      const why = s.runState === 'running' ? 'pause the machine first (F6)' : s.runState === 'halted' ? 'press Reset to boot again' : 'load a program first';
      set({ actionNotice: `${STEP_WORDS[how]} works while the machine is paused: ${why}.` });
      return;
    }
    set({ actionNotice: null });
    sendToGuestHost({ type: 'step-source', how });
  };
  return {
    actionNotice: null,
    stepLine: () => stepSource('line'),
    stepInto: () => stepSource('into'),
    stepOut: () => stepSource('out'),
    buildAndLoad() {
      const s = get();
      const project = s.project;
      if (!project) {
        set({ actionNotice: 'Nothing to build yet: open a C program or a driver first, then press Ctrl+S or Ctrl+B.' });
        return;
      }
      set({ actionNotice: null });
      if (project.kind === 'driver') return sendToGuestHost({ type: 'build-driver', driver: driverSources(project) });
      set({ building: project.main });
      send({ type: 'compile', name: project.main, source: project.files[project.main] ?? '', output: 'bare-metal-elf' });
    },
    setActionNotice: (message) => set({ actionNotice: message }),
  };
};
