// A driver as the page edits it and the worker builds it: a module name, the
// file compiled (its .c) and every file of the driver by name ("stopwatch.c",
// "stopwatch_hw-sw.h"). The guest's Linux headers are not here: the worker
// carries them.

export interface DriverSources {
  /** The module's name, as lsmod shows it ("stopwatch"). */
  module: string;
  /** The file compiled, one of `files`' names. */
  main: string;
  files: Record<string, string>;
}

/** Where a stopped hart is in C: a driver (or program) file, its 1-based line, the function. */
export interface SourceLocation {
  file: string;
  line: number;
  function: string;
}
