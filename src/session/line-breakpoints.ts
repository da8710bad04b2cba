// The student's breakpoints on C lines, kept by file and line (as the editor
// names them) and turned into addresses each time the code is (re)mapped: a
// module may be inserted elsewhere, a program rebuilt with other addresses.
// A line without code moves to the next one that has some, as gdb moves it.

import type { SourceDebugger } from './source-debugger.ts';
import { sameFile, type SourceMap } from './source-map.ts';

/** Which lines of a file really got a breakpoint (the page moves its marks there). */
export interface ResolvedLines {
  file: string;
  lines: number[];
}

export class LineBreakpoints {
  /** File → 1-based lines, as the student set them. */
  private readonly wanted = new Map<string, number[]>();
  private map: SourceMap | null = null;

  constructor(private readonly dbg: SourceDebugger) {}

  /** The files that have breakpoints. */
  get files(): string[] {
    return [...this.wanted.keys()];
  }

  /** Replaces one file's breakpoints; where they went (no lines while no code is mapped). */
  set(file: string, lines: readonly number[]): ResolvedLines {
    this.wanted.set(file, [...new Set(lines)].filter((l) => Number.isInteger(l) && l > 0));
    return this.place(file);
  }

  /** New code (or none): every file's breakpoints are placed again. */
  remap(map: SourceMap | null): ResolvedLines[] {
    this.map = map;
    for (const pc of [...this.dbg.breakpoints]) this.dbg.removeBreakpoint(pc);
    return this.files.map((file) => this.place(file));
  }

  private place(file: string): ResolvedLines {
    const lines = this.wanted.get(file) ?? [];
    for (const pc of [...this.dbg.breakpoints]) {
      const at = this.map?.locate(pc);
      if (!this.map || (at && sameFile(at.file, file))) this.dbg.removeBreakpoint(pc);
    }
    const placed: number[] = [];
    for (const line of lines) {
      const target = this.map?.addressesOf(file, line);
      if (!target || target.addresses.length === 0) continue;
      for (const pc of target.addresses) this.dbg.addBreakpoint(pc);
      placed.push(target.line);
    }
    return { file, lines: [...new Set(placed)].sort((a, b) => a - b) };
  }
}
