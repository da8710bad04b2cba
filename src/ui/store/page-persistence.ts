// Persistence as the page runs it: the workspace saved in this browser's
// IndexedDB (idb-keyval), flushed when the tab is hidden or closed, and a
// share link in the address read once at start. One instance per page.

import { createStore, get, set } from 'idb-keyval';
import { decodeShare } from './share-link.ts';
import { WorkspacePersistence, type KeyValueStore } from './persistence.ts';
import { usePlayground } from './store.ts';
import { projectOf, type Project } from './workspace-slice.ts';

/** The page's own database, apart from anything else on the same origin. */
function indexedDbStore(): KeyValueStore {
  const db = createStore('paravirt-playground', 'workspace');
  return { get: (key) => get(key, db), set: (key, value) => set(key, value, db) };
}

/** pagehide covers closing and navigating away; visibilitychange covers a phone switching apps, where pagehide may never come. */
function onPageHide(flush: () => void): () => void {
  const hidden = () => { if (document.visibilityState === 'hidden') flush(); };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', hidden);
  return () => {
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', hidden);
  };
}

/** Once the student edits shared code it is theirs: a reload should show their version, not the link's again. */
function dropShareLinkFromAddress(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** The example as shipped, from the menu the worker sent (null until it has). */
function shippedExample(id: string): Project | null {
  const example = usePlayground.getState().examples.find((e) => e.id === id);
  return example ? projectOf(example) : null;
}

let instance: WorkspacePersistence | null = null;

/** The page's persistence (started by startPagePersistence). */
export function pagePersistence(): WorkspacePersistence {
  instance ??= new WorkspacePersistence(usePlayground, {
    storage: indexedDbStore(),
    defaultFor: shippedExample,
    onPageHide,
    onSharedEdited: dropShareLinkFromAddress,
  });
  return instance;
}

/** Restores the saved work, or opens the share link in the address, then saves every change. */
export function startPagePersistence(): Promise<void> {
  // A share link pasted into the address of an open page only changes the hash: the
  // page saves what is pending and starts again from the link, as a fresh tab would.
  addEventListener('hashchange', () => {
    if (decodeShare(location.hash).kind !== 'none') void pagePersistence().flush().then(() => location.reload());
  });
  return pagePersistence().start(decodeShare(location.hash));
}
