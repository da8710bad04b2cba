// Monaco, trimmed to what the playground's editor uses, loaded only when the
// editor first appears (EditorPane imports this file with import(), so none of
// it is in the page's first JavaScript). Only the C language contribution is
// registered, and only the editor features the pane offers: hover, go to
// definition (F12, Ctrl+click), find, comments, bracket matching, the context
// menu, the clipboard, and the note that a header is read-only. Monaco's own
// worker (diffs, word ranges) is built by Vite as a module worker.

import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/languages/definitions/cpp/register';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
export type Monaco = typeof monaco;
