// The last build of a C program, as the Build pane shows it: which file, how
// long it took, its diagnostics, and — when it failed — which program stays
// loaded. Data only; "Open program…" decides here whether a file is compiled
// (a .c source) or loaded as it is (anything else: an ELF, or the worker says why not).

import type { StateCreator } from 'zustand';
import type { BuildDiagnostic } from '../../protocol/build.ts';
import type { MachineEvent } from '../../protocol/messages.ts';
import type { CommandSender } from './machine-slice.ts';
import type { PlaygroundState } from './playground-state.ts';

/** A driver source is a few hundred lines; a megabyte of C is not a file meant for this. */
const MAX_SOURCE_BYTES = 1024 * 1024;

export interface BuildReport {
  name: string;
  ok: boolean;
  diagnostics: BuildDiagnostic[];
  buildMs: number;
  /** After a failed build: the program still loaded from before (null: none). */
  keptProgram: string | null;
  /** What happened, in the worker's words (a driver's Build & load); the pane's own summary otherwise. */
  message?: string;
}

export interface BuildSlice {
  /** The C file the worker is compiling now. */
  building: string | null;
  build: BuildReport | null;
  /** "Open program…" and drag-and-drop: compiles a .c file, loads anything else as an ELF. */
  openProgramFile(file: File): Promise<void>;
  receiveBuild(event: Extract<MachineEvent, { type: 'compiled' }>): void;
}

export function isCSource(fileName: string): boolean {
  return /\.c$/i.test(fileName);
}

export const createBuildSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], BuildSlice> => (set, get) => ({
  building: null,
  build: null,

  async openProgramFile(file) {
    if (!isCSource(file.name)) {
      set({ build: null });
      return get().loadElfFile(file);
    }
    if (file.size > MAX_SOURCE_BYTES) {
      get().showError(`"${file.name}" is ${(file.size / 1024).toFixed(0)} KiB: too big for a C source the playground compiles. Open a driver or a small program.`);
      return;
    }
    get().clearError();
    const source = await file.text();
    set({ building: file.name });
    send({ type: 'compile', name: file.name, source, output: 'bare-metal-elf' });
  },

  receiveBuild(event) {
    const keptProgram = event.ok ? null : get().programName;
    set({ building: null, build: { name: event.name, ok: event.ok, diagnostics: event.diagnostics, buildMs: event.buildMs, keptProgram } });
  },
});
