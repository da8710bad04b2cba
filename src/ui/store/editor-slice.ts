// What the editor adds to the page's state: breakpoints on C lines (by file,
// set from the editor's gutter or F9) and the newest as-you-type check of the
// driver (its diagnostics become the editor's markers). Data only: the editor
// pane draws it, the debugger will turn breakpoints into addresses.

import type { StateCreator } from 'zustand';
import type { BuildDiagnostic } from '../../protocol/build.ts';
import type { SourceLocation } from '../../protocol/driver.ts';
import type { CommandSender } from './machine-slice.ts';
import type { PlaygroundState } from './playground-state.ts';

export interface EditorCheck {
  diagnostics: BuildDiagnostic[];
  /** Wall time of the compile, in the editor worker. */
  checkMs: number;
}

export interface EditorSlice {
  /** File name → 1-based lines with a breakpoint, ascending. */
  sourceBreakpoints: Record<string, number[]>;
  toggleSourceBreakpoint(file: string, line: number): void;
  /** The newest check of the driver being edited; null before the first one. */
  editorCheck: EditorCheck | null;
  setEditorCheck(check: EditorCheck | null): void;
  /** Where the stopped hart is in the driver's C (the editor highlights it); null while running or outside it. */
  sourceLocation: SourceLocation | null;
  setSourceLocation(location: SourceLocation | null): void;
  /** The worker placed a file's breakpoints: these lines have code (a line without moves to the next that has). */
  breakpointsResolved(file: string, lines: number[]): void;
}

export const createEditorSlice = (send: CommandSender): StateCreator<PlaygroundState, [], [], EditorSlice> => (set, get) => ({
  sourceBreakpoints: {},
  toggleSourceBreakpoint: (file, line) => {
    if (!Number.isInteger(line) || line < 1) return;
    const lines = get().sourceBreakpoints[file] ?? [];
    const next = lines.includes(line) ? lines.filter((l) => l !== line) : [...lines, line].sort((a, b) => a - b);
    const all = { ...get().sourceBreakpoints, [file]: next };
    if (next.length === 0) delete all[file];
    set({ sourceBreakpoints: all });
    send({ type: 'set-source-breakpoints', file, lines: next });
  },
  editorCheck: null,
  setEditorCheck: (check) => set({ editorCheck: check }),
  sourceLocation: null,
  setSourceLocation: (location) => set({ sourceLocation: location }),
  breakpointsResolved: (file, lines) => {
    const asked = get().sourceBreakpoints[file] ?? [];
    // Show each breakpoint where it really is; a line that got no address at all keeps its mark.
    const moved = [...new Set([...lines, ...asked.filter((l) => !lines.some((r) => r >= l))])].sort((a, b) => a - b);
    if (moved.join() === asked.join()) return;
    const all = { ...get().sourceBreakpoints, [file]: moved };
    if (moved.length === 0) delete all[file];
    set({ sourceBreakpoints: all });
  },
});
