// What the editor draws over a file: the check's diagnostics as markers
// (squiggles, with the message on hover), breakpoints as dots in the glyph
// margin, and the line the hart is stopped at as a highlighted line with an arrow.

import type { BuildDiagnostic } from '../../protocol/build.ts';
import type { editor } from 'monaco-editor/editor/editor.api';
import type { Monaco } from './monaco-setup.ts';

/** The owner name of our markers on a model. */
export const MARKER_OWNER = 'kernel-c';

export function markersFor(monaco: Monaco, diagnostics: readonly BuildDiagnostic[], file: string) {
  const severity = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    note: monaco.MarkerSeverity.Info,
  };
  return diagnostics
    .filter((d) => d.file === file)
    .map((d) => ({
      severity: severity[d.severity],
      message: d.message,
      source: 'kernel-C',
      startLineNumber: d.line,
      startColumn: d.col,
      endLineNumber: d.line,
      endColumn: d.col + Math.max(1, d.length),
    }));
}

export function breakpointDecorations(monaco: Monaco, lines: readonly number[]): editor.IModelDeltaDecoration[] {
  return lines.map((line) => ({
    range: new monaco.Range(line, 1, line, 1),
    options: {
      glyphMarginClassName: 'editor-breakpoint',
      glyphMarginHoverMessage: { value: 'Breakpoint: the hart stops before this line (click here or press F9 to clear it)' },
      // The dot stays on its line as lines are typed above it.
      stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
    },
  }));
}

export function currentLineDecorations(monaco: Monaco, line: number | null): editor.IModelDeltaDecoration[] {
  if (line === null) return [];
  return [{
    range: new monaco.Range(line, 1, line, 1),
    options: { isWholeLine: true, className: 'editor-current-line', linesDecorationsClassName: 'editor-current-arrow' },
  }];
}

/** The lines a collection of breakpoint dots sits on now (after edits moved them), ascending, once each. */
export function linesOf(ranges: readonly { startLineNumber: number }[]): number[] {
  return [...new Set(ranges.map((r) => r.startLineNumber))].sort((a, b) => a - b);
}
