// Diagnostics: what the compiler tells the student. Each one points at a
// source range (file:line:col and a length for the caret range) and says, in
// words a student understands, what is wrong and what to do.

import type { SourceLoc } from './token.ts';

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  severity: Severity;
  message: string;
  loc: SourceLoc;
  /** Characters to underline from loc (at least 1). */
  length: number;
  /** Extra lines ("note: declared here"), each with its own place. */
  notes?: Diagnostic[];
}

/** Thrown inside a stage to abandon it after an error was recorded; caught by
 * the driver, never seen by the user as an exception. */
export class CompileAbort extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** True for the engine running out of stack (V8's RangeError "Maximum call stack size
 * exceeded", Firefox's InternalError "too much recursion"): the program nests deeper than
 * the recursive-descent stages can follow. Any other RangeError is a bug of the compiler. */
export function isStackOverflow(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return (e instanceof RangeError && /call stack/i.test(e.message)) || (e.name === 'InternalError' && /recursion/i.test(e.message));
}

/** Formats a diagnostic the way gcc does, with the source line and a caret
 * range under the offending token. */
export function formatDiagnostic(d: Diagnostic, sourceText?: string): string {
  const head = `${d.loc.file}:${d.loc.line}:${d.loc.col}: ${d.severity}: ${d.message}`;
  const lines = [head];
  if (sourceText !== undefined) {
    const line = sourceText.split('\n')[d.loc.line - 1];
    if (line !== undefined) {
      lines.push(` ${String(d.loc.line).padStart(4)} | ${line}`);
      const pad = line.slice(0, d.loc.col - 1).replace(/[^\t]/g, ' ');
      const len = Math.max(1, Math.min(d.length, line.length - (d.loc.col - 1)));
      lines.push(`      | ${pad}^${'~'.repeat(len - 1)}`);
    }
  }
  for (const n of d.notes ?? []) lines.push(formatDiagnostic(n));
  return lines.join('\n');
}
