// The editor worker's protocol: the page asks, as the student types, whether the
// driver (or bare-metal program) compiles (diagnostics), what a name is (hover), where it is declared
// (definition) and the text of a guest header (a read-only tab). The editor
// worker compiles in a thread of its own, so a check never stalls the machine.
// Every request carries an id, and its answer the same id.

import type { BuildDiagnostic } from './build.ts';
import type { DriverSources } from './driver.ts';

/** A place in the driver's files or in the guest's headers; 1-based line and column. */
export interface EditorLocation {
  /** A driver file ("stopwatch.c") or, when `header`, an include path ("linux/interrupt.h"). */
  file: string;
  line: number;
  col: number;
  /** True for a guest header: the student reads it, the driver's build uses it, nobody edits it. */
  header: boolean;
}

/** What hover shows about a name. */
export interface EditorHover {
  name: string;
  /** 'function', 'variable', 'parameter', 'local', 'typedef' or 'macro'. */
  kind: string;
  /** A function's prototype, a variable's declaration, a macro's #define. */
  detail: string;
  /** Where it is declared. */
  declaredAt: EditorLocation;
  /** The name's extent on the hovered line (1-based columns, end exclusive). */
  startCol: number;
  endCol: number;
}

/** Where in a file the question is about (a driver file, or a header's read-only tab). */
export interface EditorPosition { file: string; line: number; col: number; header?: boolean }

/** What the project builds: a guest driver (a module, against the guest's Linux headers)
 * or a bare-metal program (its own files only, linked into the machine's program). */
export type ProgramKind = 'driver' | 'bare-metal';

/** Page → editor worker. `sources` is the project: its name, the file compiled, all its files. */
export type EditorRequest =
  /** Compile the project as Build & load would and report its diagnostics; a newer check makes an older, unstarted one moot. */
  | { type: 'check'; id: number; kind: ProgramKind; sources: DriverSources }
  | { type: 'hover'; id: number; kind: ProgramKind; sources: DriverSources; at: EditorPosition }
  | { type: 'definition'; id: number; kind: ProgramKind; sources: DriverSources; at: EditorPosition }
  /** A guest header's text by include path, for a read-only tab. */
  | { type: 'header'; id: number; path: string };

/** Editor worker → page. */
export type EditorResponse =
  /** checkMs: wall time of the compile. */
  | { type: 'diagnostics'; id: number; diagnostics: BuildDiagnostic[]; checkMs: number }
  | { type: 'hover'; id: number; hover: EditorHover | null }
  | { type: 'definition'; id: number; target: EditorLocation | null }
  /** text is null when the guest has no such header. */
  | { type: 'header'; id: number; path: string; text: string | null }
  /** The worker failed on a request (a bug of ours); the message says so for the student. */
  | { type: 'failed'; id: number; message: string };

/** The requests still worth answering, oldest first: of the checks only the newest stays
 * (the student has typed since the older ones, so their diagnostics would be stale). */
export function dropStaleChecks(queue: readonly EditorRequest[]): EditorRequest[] {
  let lastCheck = -1;
  queue.forEach((r, i) => { if (r.type === 'check') lastCheck = i; });
  return queue.filter((r, i) => r.type !== 'check' || i === lastCheck);
}
