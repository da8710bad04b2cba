// Messages for the student that are not machine state: the last error
// (a file that is not an ELF, a command that cannot run now).

import type { StateCreator } from 'zustand';
import type { PlaygroundState } from './playground-state.ts';

export interface NoticeSlice {
  error: string | null;
  showError(message: string): void;
  clearError(): void;
}

export const createNoticeSlice: StateCreator<PlaygroundState, [], [], NoticeSlice> = (set) => ({
  error: null,
  showError: (message) => set({ error: message }),
  clearError: () => set({ error: null }),
});
