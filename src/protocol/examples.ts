// The examples the page offers, as the worker sends them: each opens as a
// project in the editor. A driver is built into a module and inserted into
// the running guest; a bare-metal program is the whole machine.

export interface Example {
  /** Stable id, kept in saved work and share links ("stopwatch"). */
  id: string;
  title: string;
  /** One line for the menu. */
  summary: string;
  kind: 'driver' | 'bare-metal';
  /** Module name (driver) or program name (bare metal). */
  name: string;
  /** The file compiled; the others are its headers and, for bare metal, other C files linked in. */
  main: string;
  files: Record<string, string>;
}

/** The example the page opens with: the article's stopwatch driver. */
export const DEFAULT_EXAMPLE_ID = 'stopwatch';
