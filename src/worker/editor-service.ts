// The editor worker's answers, apart from its message loop so Node can test
// them: a driver compiled the way Kbuild compiles it (against the guest's
// headers, with __KERNEL__, MODULE and KBUILD_MODNAME), or a bare-metal program
// built as Build & load builds it; the diagnostics as the Build pane shows them,
// and the symbol index behind hover and go-to-definition.

import type { BuildDiagnostic } from '../protocol/build.ts';
import type { DriverSources } from '../protocol/driver.ts';
import type { EditorHover, EditorLocation, EditorPosition, ProgramKind } from '../protocol/editor-messages.ts';
import { buildProgram } from '../session/build.ts';
import { buildDriverSources, HEADER_DIR } from '../session/driver-build.ts';
import type { CompileInput } from '../toolchain/compile.ts';
import type { SourceLoc } from '../toolchain/preprocess/token.ts';
import { identifierAt, indexSymbols, lookupSymbol, type SymbolIndex } from '../toolchain/symbols.ts';
import { GUEST_HEADERS } from './guest-files.ts';

/** Where the headers seem to live for the compiler (as in the build): `#include <linux/io.h>` reads include/linux/io.h. */
const INCLUDE_DIR = HEADER_DIR;

/** The symbol index's input for a driver: the build's (driver-build.ts) files, headers and defines. */
function driverInput(sources: DriverSources): CompileInput {
  return {
    file: sources.main,
    source: sources.files[sources.main] ?? '',
    includeDirs: [INCLUDE_DIR],
    readFile: (path) => sources.files[path] ?? headerText(path),
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: JSON.stringify(sources.module) },
  };
}

/** A bare-metal program's main file as its build compiles it: its own headers only, found beside it. */
function bareMetalInput(sources: DriverSources): CompileInput {
  return {
    file: sources.main,
    source: sources.files[sources.main] ?? '',
    includeDirs: ['.'],
    readFile: (path) => (Object.hasOwn(sources.files, path) ? sources.files[path] : undefined),
  };
}

function headerText(path: string): string | undefined {
  return path.startsWith(`${INCLUDE_DIR}/`) ? GUEST_HEADERS.get(path.slice(INCLUDE_DIR.length + 1)) : undefined;
}

export class EditorService {
  private indexed: { key: string; index: SymbolIndex } | null = null;

  /** The project's diagnostics, as Build & load would report them (never throws: a compiler crash is a diagnostic). */
  check(kind: ProgramKind, sources: DriverSources): BuildDiagnostic[] {
    if (kind === 'bare-metal') {
      const main = sources.files[sources.main] ?? '';
      return buildProgram(sources.main, main, 'bare-metal-elf', sources.files).diagnostics;
    }
    // The same build as Build & load's, so the markers and the Build pane always agree.
    return buildDriverSources(sources, GUEST_HEADERS).diagnostics;
  }

  hover(kind: ProgramKind, sources: DriverSources, at: EditorPosition): EditorHover | null {
    const found = this.resolve(kind, sources, at);
    if (!found) return null;
    const { symbol, word } = found;
    const declaredAt = this.location(symbol.loc, sources);
    if (!declaredAt) return null;
    return { name: symbol.name, kind: symbol.kind, detail: symbol.detail, declaredAt, startCol: word.col, endCol: word.col + word.name.length };
  }

  definition(kind: ProgramKind, sources: DriverSources, at: EditorPosition): EditorLocation | null {
    const found = this.resolve(kind, sources, at);
    return found ? this.location(found.symbol.loc, sources) : null;
  }

  /** A guest header's text by include path ("linux/interrupt.h"). */
  header(path: string): string | null {
    return GUEST_HEADERS.get(path) ?? null;
  }

  private resolve(kind: ProgramKind, sources: DriverSources, at: EditorPosition) {
    const file = at.header ? `${INCLUDE_DIR}/${at.file}` : at.file;
    const text = at.header ? headerText(file) : sources.files[at.file];
    const word = text === undefined ? undefined : identifierAt(text, at.line, at.col);
    if (!word) return undefined;
    const symbol = lookupSymbol(this.index(kind, sources), word.name, { file, line: at.line, col: at.col });
    return symbol ? { symbol, word } : undefined;
  }

  /** The last project's index, kept while the student hovers around the same text. */
  private index(kind: ProgramKind, sources: DriverSources): SymbolIndex {
    const key = JSON.stringify([kind, sources]);
    if (this.indexed?.key !== key) this.indexed = { key, index: indexSymbols(kind === 'driver' ? driverInput(sources) : bareMetalInput(sources)) };
    return this.indexed.index;
  }

  /** A compiler location as the page names it: a driver file, or a header by include path. */
  private location(loc: SourceLoc, sources: DriverSources): EditorLocation | null {
    if (sources.files[loc.file] !== undefined) return { file: loc.file, line: loc.line, col: loc.col, header: false };
    if (headerText(loc.file) !== undefined) return { file: loc.file.slice(INCLUDE_DIR.length + 1), line: loc.line, col: loc.col, header: true };
    return null;
  }
}
