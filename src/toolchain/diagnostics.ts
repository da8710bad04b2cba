// Diagnostics: what the compiler tells the student. Each one points at a
// source range (file:line:col and a length for the caret range) and says, in
// words a student understands, what is wrong and what to do.

import type { SourceLoc } from './preprocess/token.ts';

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
 * range under the offending token. A very long line (a 1 MB string literal) is shown
 * as a window around the caret, so one diagnostic stays a few lines of text. */
export function formatDiagnostic(d: Diagnostic, sourceText?: string): string {
  const head = `${d.loc.file}:${d.loc.line}:${d.loc.col}: ${d.severity}: ${d.message}`;
  const lines = [head];
  const line = sourceText === undefined ? undefined : sourceLine(sourceText, d.loc.line);
  if (line !== undefined) {
    const shown = lineExcerpt(line, d.loc.col, d.length);
    lines.push(` ${String(d.loc.line).padStart(4)} | ${shown.text}`);
    const pad = shown.text.slice(0, shown.col - 1).replace(/[^\t]/g, ' ');
    lines.push(`      | ${pad}^${'~'.repeat(shown.length - 1)}`);
  }
  for (const n of d.notes ?? []) lines.push(formatDiagnostic(n));
  return lines.join('\n');
}

/** Characters of a source line shown under a diagnostic. */
const SHOWN_LINE = 160;

/** What is shown of a source line under a diagnostic, with the caret's 1-based column and
 * length within that text: a normal line whole; a very long one (a 1 MB string literal on
 * one line) as SHOWN_LINE characters around the caret, with '…' where it was cut. */
export interface LineExcerpt { text: string; col: number; length: number }

export function lineExcerpt(line: string, col: number, length: number): LineExcerpt {
  const from = line.length > SHOWN_LINE ? Math.max(0, Math.min(col - 1 - SHOWN_LINE / 2, line.length - SHOWN_LINE)) : 0;
  const to = Math.min(line.length, from + SHOWN_LINE);
  const before = from > 0 ? '…' : '';
  const text = `${before}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
  return { text, col: Math.max(1, col - from + before.length), length: Math.max(1, Math.min(length, to - (col - 1))) };
}

/** Line `n` (from 1) of `text`, found without splitting the whole text (called once per
 * diagnostic, on sources of a megabyte). */
export function sourceLine(text: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Longest message kept whole: one quoting a 10^5-digit constant or identifier is cut in the middle. */
const MAX_MESSAGE = 400;

export function shortenMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const cut = message.length - MAX_MESSAGE;
  return `${message.slice(0, MAX_MESSAGE - 100)}…(${cut} characters)…${message.slice(-100)}`;
}
