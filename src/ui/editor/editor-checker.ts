// The one editor worker of the page, started the first time the editor needs
// it. Its checks land in the editor slice; its failures in the error banner.

import { EditorClient } from '../connection/editor-client.ts';
import { usePlayground } from '../store/store.ts';

let client: EditorClient | null = null;

export function editorChecker(): EditorClient {
  client ??= new EditorClient(
    (check) => usePlayground.getState().setEditorCheck(check),
    (message) => usePlayground.getState().showError(message),
  );
  return client;
}
