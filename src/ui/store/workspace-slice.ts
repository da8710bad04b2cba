// The student's sources: the files open in the editor (a driver's .c and .h,
// or a bare-metal example's files), which one is shown, and what kind of
// program they make. Data only: the editor shows it, persistence saves it,
// Build & load sends it to the worker.

import type { StateCreator } from 'zustand';
import type { DriverSources } from '../../protocol/driver.ts';
import { DEFAULT_EXAMPLE_ID, type Example } from '../../protocol/examples.ts';
import type { PlaygroundState } from './playground-state.ts';

/** A guest driver (built into a module, insmod-ed into the running guest) or a bare-metal program (the whole machine). */
export type ProjectKind = 'driver' | 'bare-metal';

export interface Project {
  kind: ProjectKind;
  /** The example it started from ("stopwatch"), so Reset can go back to it. */
  example: string;
  /** Module name (driver) or program name (bare metal). */
  name: string;
  /** The file that is compiled. */
  main: string;
  /** File name → text, in tab order. */
  files: Record<string, string>;
}

export interface WorkspaceSlice {
  /** The example menu (from the worker). */
  examples: Example[];
  project: Project | null;
  /** The project came from a share link and was neither edited nor built: the guest boots
   * without it (opening a link runs nothing by itself). */
  projectFromLink: boolean;
  /** Persistence opened a share link's project. */
  markProjectFromLink(): void;
  /** The tab shown in the editor (a file of the project). */
  activeFile: string | null;
  /** Replaces the project (an example opened, a share link, a restore). */
  openProject(project: Project): void;
  setActiveFile(name: string): void;
  /** The student typed: the file's new text. */
  editFile(name: string, text: string): void;
  /** The worker's example menu arrived; with no project open yet, the default example opens. */
  receiveExamples(examples: Example[]): void;
  /** Opens an example's files as the project (its original text). */
  openExample(id: string): void;
}

/** An example's files as a fresh project. */
export function projectOf(example: Example): Project {
  return { kind: example.kind, example: example.id, name: example.name, main: example.main, files: { ...example.files } };
}

/** The driver as the worker's build command wants it. */
export function driverSources(project: Project): DriverSources {
  return { module: project.name, main: project.main, files: { ...project.files } };
}

export const createWorkspaceSlice: StateCreator<PlaygroundState, [], [], WorkspaceSlice> = (set, get) => ({
  examples: [],
  project: null,
  projectFromLink: false,
  markProjectFromLink: () => set({ projectFromLink: true }),
  activeFile: null,
  openProject: (project) => set({ project, activeFile: project.main, projectFromLink: false }),
  setActiveFile: (name) => {
    if (get().project?.files[name] !== undefined) set({ activeFile: name });
  },
  editFile: (name, text) => {
    const project = get().project;
    if (!project || project.files[name] === undefined || project.files[name] === text) return;
    set({ project: { ...project, files: { ...project.files, [name]: text } }, projectFromLink: false });
  },
  receiveExamples: (examples) => {
    set({ examples });
    if (!get().project) get().openExample(DEFAULT_EXAMPLE_ID);
  },
  openExample: (id) => {
    const example = get().examples.find((e) => e.id === id);
    if (example) get().openProject(projectOf(example));
  },
});
