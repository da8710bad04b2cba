// The C line of the selected trace event, in the editor: when the worker has
// located the event's pc in the driver (the writel that made a trapped write),
// that file's tab opens, the line is highlighted with a marker in the margin,
// and scrolled into view. A second highlight beside the debugger's: the
// debugger's says where the hart is, this one where the event came from.

import { useEffect, useRef } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api';
import { usePlayground } from '../store/store.ts';
import type { Monaco } from './monaco-setup.ts';
import './trace-line.css';

export function useTraceLine(monaco: Monaco | null, editor: MonacoEditor.IStandaloneCodeEditor | null, shownFile: string | null, showProjectFile: () => void): void {
  const traced = usePlayground((s) => s.tracedSource);
  const selected = usePlayground((s) => s.selectedTrace);
  const setActiveFile = usePlayground((s) => s.setActiveFile);
  const lines = useRef<MonacoEditor.IEditorDecorationsCollection | null>(null);
  const location = traced && selected?.pc === traced.pc ? traced.location : null;

  // The located line's file becomes the tab shown (only when the location changes).
  useEffect(() => {
    const files = usePlayground.getState().project?.files;
    if (!location || files?.[location.file] === undefined) return;
    showProjectFile();
    setActiveFile(location.file);
    // showProjectFile is the pane's own setter: stable in effect.
  }, [location, setActiveFile]);

  useEffect(() => {
    if (!monaco || !editor) return;
    lines.current ??= editor.createDecorationsCollection();
    const line = location && location.file === shownFile ? location.line : null;
    lines.current.set(line === null ? [] : [{
      range: new monaco.Range(line, 1, line, 1),
      options: {
        isWholeLine: true, className: 'editor-trace-line', linesDecorationsClassName: 'editor-trace-marker',
        hoverMessage: { value: 'The selected trace event came from this line' },
      },
    }]);
    if (line !== null) editor.revealLineInCenterIfOutsideViewport(line);
  }, [monaco, editor, location, shownFile]);

  useEffect(() => () => { lines.current = null; }, [editor]);
}
