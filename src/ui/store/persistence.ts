// Keeps the student's work: every change to the workspace (an edit, the tab
// shown) is written to the browser's IndexedDB about 300 ms after the typing
// stops, and at once when the page is hidden or closed. At start the saved
// work is put back, and it wins over the example the page opens by default.
// A record this version cannot read (corrupt, or an older format) is set
// aside with a notice; it never stops the page from starting.
//
// A share link is the one exception to "saved work wins": the shared code is
// shown, and the student's own saved work is left untouched until they edit
// the shared code (closing the tab or opening the page without the link
// brings their own work back).

import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkProject } from './project-check.ts';
import type { PlaygroundState } from './playground-state.ts';
import type { DecodedShare, SharedWork } from './share-link.ts';
import type { Project } from './workspace-slice.ts';

/** The few operations of a key-value store persistence needs: idb-keyval in the page, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The shape of a saved record. A new shape gets a new number, and an older one is then refused, not guessed at. */
export const SAVED_FORMAT = 1;
/** The project open when the page was last used. */
export const CURRENT_KEY = 'workspace';
/** Where a record that could not be read is moved, so the next save does not destroy it. */
export const UNREADABLE_KEY = 'workspace-unreadable';
/** One copy per example, so opening another example and coming back keeps the edits made to each. */
export function exampleKey(example: string): string {
  return `example:${example}`;
}

export interface SavedWorkspace {
  format: typeof SAVED_FORMAT;
  project: Project;
  activeFile: string | null;
}

/** Where the project on screen came from. */
export type ProjectOrigin = 'none' | 'restored' | 'shared' | 'reset';

export interface PersistenceStatus {
  origin: ProjectOrigin;
  /** The restore at start has finished (the saved work is on screen, or nothing was saved). */
  restored: boolean;
  /** A share link's code is on screen and the student's own saved work is kept aside until they edit it. */
  viewingShared: boolean;
  /** Whether the latest change has reached the browser's storage. */
  save: 'idle' | 'pending' | 'saved' | 'failed';
  /** The last thing persistence told the student, for a polite live region. */
  message: string | null;
}

export interface PersistenceOptions {
  storage: KeyValueStore;
  /** An example as shipped (from the worker's example menu), for Reset and the menu; null while it has not arrived. */
  defaultFor(example: string): Project | null;
  /** Calls `flush` when the page is hidden or unloaded; returns how to stop. */
  onPageHide?(flush: () => void): () => void;
  /** The student edited shared code: it is their work now (the page drops the link from the address bar). */
  onSharedEdited?(): void;
  /** Quiet time after the last keystroke before a save; 300 ms unless a test says otherwise. */
  debounceMs?: number;
}

type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Reads a saved record, refusing anything that is not exactly a record of this format. */
export function readSavedWorkspace(value: unknown): Check<SavedWorkspace> {
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'the record is damaged' };
  const record = value as Partial<Record<keyof SavedWorkspace, unknown>>;
  if (record.format !== SAVED_FORMAT) return { ok: false, problem: 'it was saved by a different version of the playground' };
  const project = checkProject(record.project);
  if (!project.ok) return { ok: false, problem: project.problem };
  const activeFile = typeof record.activeFile === 'string' && project.project.files[record.activeFile] !== undefined ? record.activeFile : null;
  return { ok: true, value: { format: SAVED_FORMAT, project: project.project, activeFile } };
}

export class WorkspacePersistence {
  readonly status: StoreApi<PersistenceStatus> = createStore<PersistenceStatus>(() => ({
    origin: 'none', restored: false, viewingShared: false, save: 'idle', message: null,
  }));

  private readonly debounceMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  /** Writes go one after another, so an older state can never land after a newer one. */
  private writes: Promise<void> = Promise.resolve();
  private stops: (() => void)[] = [];

  constructor(private readonly store: StoreApi<PlaygroundState>, private readonly options: PersistenceOptions) {
    this.debounceMs = options.debounceMs ?? 300;
  }

  /** Puts back the saved work (or opens the shared code), then saves every change from here on. */
  async start(share: DecodedShare = { kind: 'none' }): Promise<void> {
    if (share.kind === 'ok') this.openShared(share.work);
    else await this.restore(share.kind === 'broken' ? share.message : null);
    this.status.setState({ restored: true });
    this.stops.push(this.store.subscribe((state, prev) => this.changed(state, prev)));
    if (this.options.onPageHide) this.stops.push(this.options.onPageHide(() => void this.flush()));
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Writes the pending change now (the page is being hidden, or a test wants it). */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const { project, activeFile } = this.store.getState();
    if (!this.dirty || !project) return this.writes;
    this.dirty = false;
    const record: SavedWorkspace = { format: SAVED_FORMAT, project, activeFile };
    this.writes = this.writes.then(() => this.write(record));
    return this.writes;
  }

  /** Opens an example from the menu: the student's saved copy of it if there is one, else the example as shipped. */
  async openExample(id: string): Promise<void> {
    let saved: Check<SavedWorkspace> = { ok: false, problem: 'none' };
    try {
      saved = readSavedWorkspace(await this.options.storage.get(exampleKey(id)));
    } catch {
      // No storage in this browser: the shipped example is all there is.
    }
    if (saved.ok && saved.value.project.example === id) return this.open(saved.value.project, saved.value.activeFile);
    const shipped = this.options.defaultFor(id);
    if (shipped) this.open(shipped, null);
  }

  /** Throws the edits away: the example as shipped replaces the project, and is saved. The page asks the student first. */
  async resetToDefault(): Promise<boolean> {
    const example = this.store.getState().project?.example;
    const shipped = example ? this.options.defaultFor(example) : null;
    if (!example || !shipped) {
      this.announce('The shipped examples have not arrived from the machine yet, so there is nothing to reset to. Wait a moment, then try again.');
      return false;
    }
    this.open(shipped, null);
    this.status.setState({ origin: 'reset' });
    await this.flush();
    this.announce(`Your code was reset to the shipped ${example} example. Your edits were discarded.`);
    return true;
  }

  private open(project: Project, activeFile: string | null): void {
    const s = this.store.getState();
    s.openProject(project);
    if (activeFile) s.setActiveFile(activeFile);
  }

  private openShared(work: SharedWork): void {
    this.open(work.project, null);
    const s = this.store.getState();
    s.markProjectFromLink();
    s.setSpeed(work.board.speed);
    s.setJit(work.board.jit);
    s.setStopwatchOnError(work.board.stopwatchOnError);
    this.status.setState({ origin: 'shared', viewingShared: true });
    this.announce(`Opened shared code (${work.project.main}). Nothing runs until you build it. Your own saved work is kept until you edit this code.`);
  }

  private async restore(brokenLink: string | null): Promise<void> {
    const before = brokenLink ? `${brokenLink} ` : '';
    let value: unknown;
    try {
      value = await this.options.storage.get(CURRENT_KEY);
    } catch {
      this.announce(`${before}This browser does not let the playground store anything here (a private window, or storage turned off), so your edits last only until this tab closes.`);
      return;
    }
    if (value === undefined) {
      if (brokenLink) this.announce(brokenLink);
      return;
    }
    const saved = readSavedWorkspace(value);
    if (!saved.ok) {
      try {
        await this.options.storage.set(UNREADABLE_KEY, value);
      } catch {
        // Setting it aside is a courtesy; failing to do it must not stop the page.
      }
      this.announce(`${before}Your saved work could not be opened (${saved.problem}), so the example is shown instead. The unreadable copy was set aside, not deleted.`);
      return;
    }
    this.open(saved.value.project, saved.value.activeFile);
    this.status.setState({ origin: 'restored', save: 'saved' });
    this.announce(`${before}Your saved work was restored (${saved.value.project.main}).`);
  }

  private changed(state: PlaygroundState, prev: PlaygroundState): void {
    if (state.project === prev.project && state.activeFile === prev.activeFile) return;
    if (!state.project) return;
    // The page opening the default example by itself is not the student's work: nothing to write yet.
    if (!prev.project && this.isShipped(state.project)) return;
    if (this.status.getState().viewingShared) {
      if (state.project === prev.project) return; // only looking around the shared files
      this.status.setState({ viewingShared: false });
      this.options.onSharedEdited?.();
    }
    if (this.dirty && prev.project && prev.project.example !== state.project.example) {
      // Another example replaced one with unsaved edits: its copy is written now, before they are lost.
      const record: SavedWorkspace = { format: SAVED_FORMAT, project: prev.project, activeFile: prev.activeFile };
      this.writes = this.writes.then(() => this.write(record));
    }
    this.dirty = true;
    this.status.setState({ save: 'pending' });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  private isShipped(project: Project): boolean {
    const shipped = this.options.defaultFor(project.example);
    return shipped !== null && JSON.stringify(shipped) === JSON.stringify(project);
  }

  private async write(record: SavedWorkspace): Promise<void> {
    try {
      await this.options.storage.set(CURRENT_KEY, record);
      await this.options.storage.set(exampleKey(record.project.example), record);
      if (this.status.getState().save === 'failed') this.announce('Saving works again: your edits are kept in this browser.');
      this.status.setState({ save: this.dirty ? 'pending' : 'saved' });
    } catch {
      if (this.status.getState().save !== 'failed') {
        this.announce('Your edits could not be saved in this browser (its storage is full or turned off). Use Share to copy a link to your code before closing the tab.');
      }
      this.status.setState({ save: 'failed' });
    }
  }

  private announce(message: string): void {
    this.status.setState({ message });
  }
}
