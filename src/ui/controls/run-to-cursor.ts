// Run to cursor (Ctrl+F10, as in VS Code): run the stopped driver on until it
// reaches the line the editor's cursor is on. The editor reports its cursor
// here (a store of its own: moving the cursor must not re-render the page),
// and the button and the shortcut ask the same question: can it run now, and
// if not, why not, in words a student can act on.

import { create } from 'zustand';
import type { PlaygroundState } from '../store/store.ts';

/** Where the editor's cursor is: a project file and its 1-based line; null in a guest header or with no editor. */
export interface EditorCursor {
  file: string;
  line: number;
}

interface CursorState {
  cursor: EditorCursor | null;
  setCursor(cursor: EditorCursor | null): void;
}

export const useEditorCursor = create<CursorState>()((set, get) => ({
  cursor: null,
  setCursor: (cursor) => {
    const had = get().cursor;
    if (had?.file === cursor?.file && had?.line === cursor?.line) return;
    set({ cursor });
  },
}));

export type RunToCursorState = Pick<PlaygroundState, 'runState' | 'sourceLocation' | 'project'>;

/** Why Run to cursor cannot run now (null: it can). */
export function runToCursorBlocked(s: RunToCursorState, cursor: EditorCursor | null): string | null {
  const stopAtLine = 'set a breakpoint on a line of your code (click the editor\'s gutter or press F9), then make it run that line (for a driver: cat its file in the terminal)';
  if (s.runState === 'running') return `Run to cursor works while the machine is stopped at a C line: pause it at a breakpoint first (${stopAtLine}).`;
  if (s.runState !== 'paused') return s.runState === 'halted'
    ? 'Run to cursor: the machine has stopped. Press Reset to boot it again.'
    : 'Run to cursor needs a running program: open an example first.';
  if (!s.sourceLocation) return `Run to cursor works when the machine is stopped at a C line: ${stopAtLine}.`;
  if (!cursor || s.project?.files[cursor.file] === undefined) return 'Run to cursor runs to the line the editor\'s cursor is on: click a line of your code in the editor first.';
  return null;
}
