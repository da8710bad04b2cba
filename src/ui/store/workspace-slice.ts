// The student's sources: the files open in the editor (a driver's .c and .h,
// or a bare-metal example's files), which one is shown, and what kind of
// program they make. Data only: the editor shows it, persistence saves it,
// Build & load sends it to the worker.

import type { StateCreator } from 'zustand';
import type { DriverSources } from '../../protocol/driver.ts';
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
  project: Project | null;
  /** The tab shown in the editor (a file of the project). */
  activeFile: string | null;
  /** Replaces the project (an example opened, a share link, a restore). */
  openProject(project: Project): void;
  setActiveFile(name: string): void;
  /** The student typed: the file's new text. */
  editFile(name: string, text: string): void;
}

/** The driver as the worker's build command wants it. */
export function driverSources(project: Project): DriverSources {
  return { module: project.name, main: project.main, files: { ...project.files } };
}

export const createWorkspaceSlice: StateCreator<PlaygroundState, [], [], WorkspaceSlice> = (set, get) => ({
  project: null,
  activeFile: null,
  openProject: (project) => set({ project, activeFile: project.main }),
  setActiveFile: (name) => {
    if (get().project?.files[name] !== undefined) set({ activeFile: name });
  },
  editFile: (name, text) => {
    const project = get().project;
    if (!project || project.files[name] === undefined || project.files[name] === text) return;
    set({ project: { ...project, files: { ...project.files, [name]: text } } });
  },
});
