// A link can open a driver that ships with the guest: `?example=stopwatch`
// opens the stopwatch driver's files when no project is open yet (the page
// then has something to edit without a server; the browser tests use it too).

import { useEffect } from 'react';
import { usePlayground } from '../store/store.ts';
import { editorChecker } from './editor-checker.ts';

export function useExampleFromLink(): void {
  const hasProject = usePlayground((s) => s.project !== null);
  useEffect(() => {
    const name = new URLSearchParams(location.search).get('example');
    if (hasProject || !name) return;
    let live = true;
    void editorChecker().example(name).then((sources) => {
      const store = usePlayground.getState();
      if (!live || store.project) return;
      if (!sources) {
        store.showError(`The link asks for the example driver "${name}", but the guest ships no driver by that name. Open a driver from the menu instead.`);
        return;
      }
      store.openProject({ kind: 'driver', example: name, name: sources.module, main: sources.main, files: sources.files });
    });
    return () => { live = false; };
  }, [hasProject]);
}
