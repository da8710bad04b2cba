// The editor's tabs: a file of the project (editable) or a guest header opened
// by go-to-definition (read-only). Each has one Monaco model, named by a URI
// whose scheme says which kind it is, so a URI Monaco hands back (a definition,
// an editor to open) tells which tab it belongs to.

import type { Monaco } from './monaco-setup.ts';

export interface EditorTab {
  /** A project file name ("stopwatch.c") or a header's include path ("linux/io.h"). */
  file: string;
  header: boolean;
}

const PROJECT_SCHEME = 'driver';
const HEADER_SCHEME = 'guest-include';

export function tabKey(tab: EditorTab): string {
  return `${tab.header ? 'h' : 'p'}:${tab.file}`;
}

export function sameTab(a: EditorTab | null, b: EditorTab | null): boolean {
  return a !== null && b !== null && a.header === b.header && a.file === b.file;
}

export function uriOf(monaco: Monaco, tab: EditorTab) {
  return monaco.Uri.from({ scheme: tab.header ? HEADER_SCHEME : PROJECT_SCHEME, path: `/${tab.file}` });
}

/** The tab a model's URI names; null for a URI that is not one of ours. */
export function tabOfUri(uri: { scheme: string; path: string }): EditorTab | null {
  if (uri.scheme !== PROJECT_SCHEME && uri.scheme !== HEADER_SCHEME) return null;
  return { file: uri.path.replace(/^\//, ''), header: uri.scheme === HEADER_SCHEME };
}

/** The tab's model, made with `text` the first time it is asked for. */
export function modelFor(monaco: Monaco, tab: EditorTab, text: string) {
  const uri = uriOf(monaco, tab);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'c', uri);
}
