// Builds a guest driver held in memory (the page's editor, or files the CLI
// read) into a module object with kernel-C, as Kbuild compiles an out-of-tree
// module: -D__KERNEL__ -DMODULE -DKBUILD_MODNAME="name", the driver's own
// directory searched first and the guest's Linux headers after it. No file
// system: the driver's files and the headers are maps of text, so the same
// code runs in the worker and in Node.

import type { BuildDiagnostic } from '../protocol/build.ts';
import type { DriverSources } from '../protocol/driver.ts';
import { compile, type CompileResult } from '../toolchain/compile.ts';
import type { Diagnostic } from '../toolchain/diagnostics.ts';
import { normalizePath } from '../toolchain/preprocess/paths.ts';
import { internalError, toBuildDiagnostics } from './build.ts';

/** Where the headers appear to the compiler (and in a diagnostic inside one), as Kbuild's -I include. */
export const HEADER_DIR = 'include';

/** One line of the module's line table: an address in a section of the object, and the C line it came from. */
export interface DriverLine {
  section: string;
  address: number;
  file: string;
  line: number;
  col: number;
}

export interface DriverBuildResult {
  ok: boolean;
  /** The module's name (what lsmod shows): the one asked for, with '-' made '_' as Kbuild does. */
  module: string;
  /** In the compiler's order; a diagnostic's notes follow it as 'note' rows. */
  diagnostics: BuildDiagnostic[];
  /** The relocatable module (insmod's .ko), when it built. */
  object?: Uint8Array;
  /** The compiler's line table for the object (empty when it did not build). */
  lines: DriverLine[];
}

/** A Kbuild module name: letters, digits and '_' ("stopwatch-misc" → "stopwatch_misc"). */
export function moduleNameOf(name: string): string {
  return name.replace(/\.(c|ko)$/, '').replace(/-/g, '_');
}

export interface DriverBuildOptions {
  /** The folder the driver's files are in, as diagnostics name them ('' for the page's
   * editor: "stopwatch.c:12:3"; the CLI gives the folder on disk: "/home/me/drv/foo.c:12:3"). */
  dir?: string;
}

/** Compiles `driver.main` against `headers` (include path → text). Never throws:
 * a missing main file or a crash in the compiler is an error diagnostic. */
export function buildDriverSources(driver: DriverSources, headers: ReadonlyMap<string, string>, options: DriverBuildOptions = {}): DriverBuildResult {
  const module = moduleNameOf(driver.module);
  const dir = options.dir ?? '';
  const pathOf = (name: string): string => (dir === '' ? name : `${dir.replace(/\/$/, '')}/${name}`);
  const mainPath = pathOf(driver.main);
  const source = driver.files[driver.main];
  if (source === undefined) {
    const missing: Diagnostic = {
      severity: 'error',
      message: `the driver has no file '${driver.main}' to compile; add it or choose another main file`,
      loc: { file: mainPath, line: 1, col: 1, offset: 0 }, length: 1,
    };
    return { ok: false, module, diagnostics: toBuildDiagnostics([missing], new Map()), lines: [] };
  }
  // The preprocessor folds '.' and '..' in the paths it asks for: the driver's files are found by their folded path.
  const own = new Map<string, string>();
  const texts = new Map<string, string>([[mainPath, source]]);
  for (const [name, text] of Object.entries(driver.files)) {
    own.set(normalizePath(pathOf(name)), text);
    texts.set(pathOf(name), text);
  }
  const headerPrefix = `${HEADER_DIR}/`;
  const readFile = (path: string): string | undefined => {
    if (path.startsWith(headerPrefix)) {
      const text = headers.get(path.slice(headerPrefix.length));
      if (text !== undefined) texts.set(path, text);
      return text;
    }
    const text = own.get(normalizePath(path));
    if (text !== undefined) texts.set(path, text);
    return text;
  };
  let result: CompileResult;
  try {
    result = compile({
      file: mainPath, source, includeDirs: [dir, HEADER_DIR], readFile,
      defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: JSON.stringify(module) },
    }, { output: 'object' });
  } catch (err) {
    result = { ok: false, diagnostics: [internalError(mainPath, err)] };
  }
  const diagnostics = toBuildDiagnostics(result.diagnostics, texts);
  if (!result.ok || !result.objectBytes) return { ok: false, module, diagnostics, lines: [] };
  const lines = (result.lineTable ?? []).map((l) => ({ section: l.section, address: l.address, file: l.file, line: l.line, col: l.col }));
  return { ok: true, module, diagnostics, object: result.objectBytes, lines };
}
