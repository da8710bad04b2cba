// A build of a C program as the worker reports it to the UI: diagnostics as
// plain data (gcc's file:line:col, severity, message, caret range) plus the
// caret line under the source line, drawn the way gcc draws it.

export type BuildSeverity = 'error' | 'warning' | 'note';

/** What a C source is compiled into (gcc's driver with --bare-metal: start-up file, runtime, text at RAM). */
export type BuildOutput = 'bare-metal-elf';

export interface BuildDiagnostic {
  severity: BuildSeverity;
  message: string;
  file: string;
  /** 1-based line and column (in bytes of the line, as gcc -fdiagnostics-column-unit=byte). */
  line: number;
  col: number;
  /** Characters to underline from col (at least 1). */
  length: number;
  /** The source line the diagnostic points into, when the compiler had its text; a very
   * long line (a 1 MB string literal) only as a window around the caret, '…' where cut. */
  sourceLine: string | null;
  /** 1-based column of the caret within `sourceLine`: `col`, unless the line was cut around the caret. */
  sourceCol?: number;
  /** The whole diagnostic as gcc prints it: head line, source line, caret range. */
  text: string;
}

/** gcc's caret range under `sourceLine`: "^~~" at col for length characters; tabs kept
 * so a monospace view with the same tab size lines it up under the token. */
export function caretLine(sourceLine: string, col: number, length: number): string {
  const start = Math.max(0, Math.min(col - 1, sourceLine.length));
  const pad = sourceLine.slice(0, start).replace(/[^\t]/g, ' ');
  const len = Math.max(1, Math.min(length, sourceLine.length - start));
  return `${pad}^${'~'.repeat(len - 1)}`;
}

/** "1 error, 2 warnings", "no problems". */
export function countDiagnostics(diagnostics: readonly BuildDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}
