// The toolbar's Run to cursor (Ctrl+F10). When it cannot run, the button says
// why in its tooltip and, when pressed, in the page's live region, instead of
// doing nothing silently.

import { useShallow } from 'zustand/react/shallow';
import { ariaKeyShortcuts, keysText, mainKeyText, shortcutFor } from '../keyboard/shortcuts.ts';
import { usePlayground, type PlaygroundState } from '../store/store.ts';
import { runToCursorBlocked, useEditorCursor } from './run-to-cursor.ts';

const pick = (s: PlaygroundState) => ({ runState: s.runState, sourceLocation: s.sourceLocation, project: s.project });

/** Runs to the editor's cursor line, or announces why it cannot (the button and Ctrl+F10). */
export function runToCursor(): void {
  const s = usePlayground.getState();
  const cursor = useEditorCursor.getState().cursor;
  const why = runToCursorBlocked(s, cursor);
  if (why || !cursor) return s.setActionNotice(why);
  s.runToLine(cursor.file, cursor.line);
}

export function RunToCursorButton() {
  const state = usePlayground(useShallow(pick));
  const cursor = useEditorCursor((c) => c.cursor);
  const why = runToCursorBlocked(state, cursor);
  const shortcut = shortcutFor('runToCursor');
  const title = why ?? `${shortcut.description}: line ${cursor!.line} of ${cursor!.file} (${keysText('runToCursor')})`;
  return (
    <button type="button" className="btn" aria-disabled={why !== null} onClick={runToCursor}
      title={title} aria-keyshortcuts={ariaKeyShortcuts('runToCursor')}>
      {shortcut.label}
      <kbd className="btn-key" aria-hidden="true">{mainKeyText('runToCursor')}</kbd>
    </button>
  );
}
