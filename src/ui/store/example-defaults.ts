// The examples as shipped, known to the page once the worker has sent their
// files (the page may not import the guest's sources). Reset uses them to put
// a driver back as it was; whoever receives the shipped files registers them.

import type { Project } from './workspace-slice.ts';

const shipped = new Map<string, Project>();

/** Remembers an example as shipped (a copy: later edits to the workspace never change it). */
export function registerExampleDefault(project: Project): void {
  shipped.set(project.example, { ...project, files: { ...project.files } });
}

/** The example as shipped, or null while its files have not arrived. */
export function exampleDefault(example: string): Project | null {
  const project = shipped.get(example);
  return project ? { ...project, files: { ...project.files } } : null;
}
