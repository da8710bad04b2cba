// The debugger's keyboard actions that go beyond Run/Pause/Step: stepping by C
// line (over, into, out of a call), and running on to a line (Run to cursor).
// Both machines answer them: the guest's driver, and a bare-metal program
// built here (an ELF without a line table gets a message saying so). While a
// step runs, Pause (F6) stops it where the hart is. What cannot act now says
// so in `actionNotice`, which the page's live region reads out.

import type { StateCreator } from 'zustand';
import type { CommandSender } from './machine-slice.ts';
import type { PlaygroundState } from './playground-state.ts';

/** Step to the next C line, into the call on this line, or out of this function. */
export type SourceStep = 'line' | 'into' | 'out';

export interface DebugSlice {
  /** The last thing an action could not do, in words (null: nothing to say). */
  actionNotice: string | null;
  stepLine(): void;
  stepInto(): void;
  stepOut(): void;
  /** Runs on from a stop until the hart reaches `file`:`line` (1-based). */
  runToLine(file: string, line: number): void;
  /** What a control or shortcut could not do now, in words (null: clears it). */
  setActionNotice(message: string | null): void;
}

const STEP_WORDS: Record<SourceStep, string> = { line: 'Step line', into: 'Step into', out: 'Step out' };

export const createDebugSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], DebugSlice> => (set, get) => {
  const stepSource = (how: SourceStep) => {
    const s = get();
    if (s.runState !== 'paused') {
      const why = s.runState === 'running' ? 'pause the machine first (F6)' : s.runState === 'halted' ? 'press Reset to boot again' : 'load a program first';
      set({ actionNotice: `${STEP_WORDS[how]} works while the machine is paused: ${why}.` });
      return;
    }
    set({ actionNotice: null });
    send({ type: 'step-source', how });
  };
  return {
    actionNotice: null,
    stepLine: () => stepSource('line'),
    stepInto: () => stepSource('into'),
    stepOut: () => stepSource('out'),
    runToLine: (file, line) => {
      set({ actionNotice: null });
      send({ type: 'run-to-line', file, line });
    },
    setActionNotice: (message) => set({ actionNotice: message }),
  };
};
