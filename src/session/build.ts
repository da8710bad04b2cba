// Builds a C program for the playground as `paravirt cc --bare-metal` does
// (start-up file, runtime library, text at 0x80000000) and turns the
// compiler's diagnostics into the protocol's plain data, with gcc's text.
// Apart from Session, so that running a program never loads the compiler.

import type { BuildDiagnostic, BuildOutput } from '../protocol/build.ts';
import { compile } from '../toolchain/compile.ts';
import { formatDiagnostic, lineExcerpt, sourceLine, type Diagnostic } from '../toolchain/diagnostics.ts';
import type { Session } from './session.ts';

export interface BuildResult {
  ok: boolean;
  /** In the compiler's order; a diagnostic's notes follow it as 'note' rows. */
  diagnostics: BuildDiagnostic[];
  /** The program, when it built. */
  elf?: Uint8Array;
}

/** Compiles a C source and, if it builds, loads its program into the session
 * as Session.loadElf does; if it does not, the old program stays loaded and untouched. */
export function buildAndLoad(session: Session, name: string, source: string, output: BuildOutput = 'bare-metal-elf', files: Readonly<Record<string, string>> = {}): BuildResult & { entry: number | null } {
  const build = buildProgram(name, source, output, files);
  if (!build.elf) return { ...build, entry: null };
  return { ...build, entry: session.loadElf(name, build.elf).entry };
}

/** Compiles a C program: `file`, plus the other files of its project (`files`, by name): their
 * headers are found by #include "…", their .c files compiled and linked in. Never throws:
 * even a crash of the compiler is a diagnostic. */
export function buildProgram(file: string, source: string, output: BuildOutput, files: Readonly<Record<string, string>> = {}): BuildResult {
  let result: { ok: boolean; diagnostics: Diagnostic[]; elf?: Uint8Array };
  const units = Object.entries(files).filter(([name]) => name !== file && /\.c$/.test(name)).map(([name, text]) => ({ file: name, source: text }));
  const readFile = (path: string) => (Object.hasOwn(files, path) ? files[path] : undefined);
  try {
    result = compile({ file, source, units, readFile, includeDirs: ['.'] }, { output });
  } catch (err) {
    result = { ok: false, diagnostics: [internalError(file, err)] };
  }
  const texts = new Map([...Object.entries(files), [file, source]]);
  const diagnostics = plainDiagnostics(result.diagnostics, texts);
  const elf = result.ok ? result.elf : undefined;
  return elf ? { ok: true, diagnostics, elf } : { ok: false, diagnostics };
}

/** The compiler's diagnostics as the protocol's plain data (gcc's text, the source line from
 * `texts`, by file name), each followed by its notes as 'note' rows. */
export function plainDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): BuildDiagnostic[] {
  return diagnostics.flatMap((d) => flatten(d, texts));
}

function flatten(d: Diagnostic, texts: ReadonlyMap<string, string>): BuildDiagnostic[] {
  return [toPlain(d, texts), ...(d.notes ?? []).flatMap((n) => flatten({ ...n, severity: 'note' }, texts))];
}

function toPlain(d: Diagnostic, texts: ReadonlyMap<string, string>): BuildDiagnostic {
  const text = texts.get(d.loc.file);
  const line = text === undefined ? undefined : sourceLine(text, d.loc.line);
  // The worker posts this to the page: a window of a megabyte-long line, not all of it.
  const shown = line === undefined ? undefined : lineExcerpt(line.replace(/\r$/, ''), d.loc.col, d.length);
  return {
    severity: d.severity,
    message: d.message,
    file: d.loc.file,
    line: d.loc.line,
    col: d.loc.col,
    length: Math.max(1, d.length),
    sourceLine: shown?.text ?? null,
    sourceCol: shown?.col ?? d.loc.col,
    text: formatDiagnostic({ ...d, notes: undefined }, text),
  };
}

function internalError(file: string, err: unknown): Diagnostic {
  const what = err instanceof Error ? err.message : String(err);
  return {
    severity: 'error',
    message: `internal compiler error: ${what} (this is a bug in the compiler, not in your program; please report it)`,
    loc: { file, line: 1, col: 1, offset: 0 },
    length: 1,
  };
}
