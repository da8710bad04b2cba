// Hover and go-to-definition for kernel-C, answered by the editor worker: the
// type of the name under the mouse (a prototype, a declaration, a #define) and
// where it is declared, in the project's files or in the guest's Linux headers.
// A header target is opened as a read-only tab by whoever mounted the editor.

import type { DriverSources } from '../../protocol/driver.ts';
import type { EditorLocation, ProgramKind } from '../../protocol/editor-messages.ts';
import type { EditorClient } from '../connection/editor-client.ts';
import { modelFor, tabOfUri, uriOf, type EditorTab } from './editor-tabs.ts';
import type { Monaco } from './monaco-setup.ts';

export interface KernelCContext {
  client: EditorClient;
  /** The project as it is now (null: none open, nothing to answer). */
  project(): { kind: ProgramKind; sources: DriverSources } | null;
  /** Shows `tab` with the cursor at line:col (a header tab is opened first). */
  open(tab: EditorTab, line: number, col: number): void;
}

const KIND_WORDS: Record<string, string> = {
  function: 'function', variable: 'global variable', parameter: 'parameter', local: 'local variable', typedef: 'type', macro: 'macro',
};

/** Registers the providers once; `context` is read at each request, so the pane can change it. */
export function registerKernelC(monaco: Monaco, context: () => KernelCContext | null): void {
  monaco.languages.registerHoverProvider('c', {
    async provideHover(model, position) {
      const ctx = context();
      const tab = tabOfUri(model.uri);
      const project = ctx?.project();
      if (!ctx || !tab || !project) return null;
      const hover = await ctx.client.hover(project.kind, project.sources, { ...tab, line: position.lineNumber, col: position.column });
      if (!hover) return null;
      const where = `${hover.declaredAt.file}:${hover.declaredAt.line}`;
      return {
        range: new monaco.Range(position.lineNumber, hover.startCol, position.lineNumber, hover.endCol),
        contents: [
          { value: `\`\`\`c\n${hover.detail}\n\`\`\`` },
          { value: `${KIND_WORDS[hover.kind] ?? hover.kind}, declared in \`${where}\`${hover.declaredAt.header ? ' (a guest header; F12 opens it)' : ''}` },
        ],
      };
    },
  });

  monaco.languages.registerDefinitionProvider('c', {
    async provideDefinition(model, position) {
      const ctx = context();
      const tab = tabOfUri(model.uri);
      const project = ctx?.project();
      if (!ctx || !tab || !project) return null;
      const target = await ctx.client.definition(project.kind, project.sources, { ...tab, line: position.lineNumber, col: position.column });
      if (!target || !(await ensureModel(monaco, ctx, target))) return null;
      return { uri: uriOf(monaco, targetTab(target)), range: new monaco.Range(target.line, target.col, target.line, target.col) };
    },
  });

  // Monaco opens a definition in another model by asking an opener; the pane's tabs are it.
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selectionOrPosition) {
      const ctx = context();
      const tab = tabOfUri(resource);
      if (!ctx || !tab) return false;
      const at = selectionOrPosition && 'startLineNumber' in selectionOrPosition
        ? { line: selectionOrPosition.startLineNumber, col: selectionOrPosition.startColumn }
        : { line: selectionOrPosition?.lineNumber ?? 1, col: selectionOrPosition?.column ?? 1 };
      ctx.open(tab, at.line, at.col);
      return true;
    },
  });
}

function targetTab(target: EditorLocation): EditorTab {
  return { file: target.file, header: target.header };
}

/** A header's model is made from the worker's copy before Monaco is told to go there. */
async function ensureModel(monaco: Monaco, ctx: KernelCContext, target: EditorLocation): Promise<boolean> {
  if (!target.header) return monaco.editor.getModel(uriOf(monaco, targetTab(target))) !== null;
  if (monaco.editor.getModel(uriOf(monaco, targetTab(target)))) return true;
  const text = await ctx.client.header(target.file);
  if (text === null) return false;
  modelFor(monaco, targetTab(target), text);
  return true;
}
