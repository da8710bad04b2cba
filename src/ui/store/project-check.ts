// Checks that a value read from outside the page's own memory (a saved record
// in IndexedDB, a share link someone pasted) really is a Project before the
// store takes it. Anything can be in those places: an older version's format,
// a truncated link, a hand-edited URL. A bad value is refused with a reason in
// words, never half-taken.

import type { Project, ProjectKind } from './workspace-slice.ts';

/** A driver or a small program has a handful of files; more is not something the page made. */
export const MAX_PROJECT_FILES = 16;
/** Far above any driver a student writes (the shipped stopwatch is a few KiB), far below what would stall the page. */
export const MAX_PROJECT_CHARS = 512 * 1024;

const KINDS: readonly ProjectKind[] = ['driver', 'bare-metal'];
/** File names as the editor's tabs and the compiler's #include see them: no folders, no spaces. */
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$/;
/** Module, program and example names: what lsmod or the program label shows. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export type ProjectCheck = { ok: true; project: Project } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a fresh Project built only from the fields a Project has, or what is wrong with the value. */
export function checkProject(value: unknown): ProjectCheck {
  if (!isRecord(value)) return { ok: false, problem: 'it holds no project' };
  const { kind, example, name, main, files } = value;
  if (typeof kind !== 'string' || !KINDS.includes(kind as ProjectKind)) return { ok: false, problem: 'its kind of program is unknown' };
  if (typeof example !== 'string' || !NAME.test(example)) return { ok: false, problem: 'its example name is not valid' };
  if (typeof name !== 'string' || !NAME.test(name)) return { ok: false, problem: 'its module or program name is not valid' };
  if (!isRecord(files)) return { ok: false, problem: 'it has no files' };
  const names = Object.keys(files);
  if (names.length === 0 || names.length > MAX_PROJECT_FILES) return { ok: false, problem: `it has ${names.length} files (1 to ${MAX_PROJECT_FILES} are allowed)` };
  let chars = 0;
  const checked: Record<string, string> = {};
  for (const file of names) {
    const text = files[file];
    if (!FILE_NAME.test(file)) return { ok: false, problem: `the file name "${file.slice(0, 64)}" is not valid` };
    if (typeof text !== 'string') return { ok: false, problem: `the file "${file}" has no text` };
    chars += text.length;
    checked[file] = text;
  }
  if (chars > MAX_PROJECT_CHARS) return { ok: false, problem: `its files are ${Math.round(chars / 1024)} KiB, more than the ${MAX_PROJECT_CHARS / 1024} KiB allowed` };
  if (typeof main !== 'string' || checked[main] === undefined) return { ok: false, problem: 'the file it compiles is missing' };
  return { ok: true, project: { kind: kind as ProjectKind, example, name, main, files: checked } };
}
