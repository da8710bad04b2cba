// Addresses ⇄ C lines for code the hart runs: a loaded module's DWARF line
// table moved to where insmod placed each section, and its functions' address
// ranges from the symbol table (the record every object has, with or without
// DWARF subprograms: gcc's and our own). A bare-metal
// program's table is already at its final addresses. The stepper and the
// page's "current line" both ask this map; nothing here runs the machine.

import type { SourceLocation } from '../protocol/driver.ts';
import type { GuestSystem } from '../guest/system.ts';
import { readRelocatable } from '../toolchain/obj/elf-object.ts';
import { executableLines } from '../toolchain/obj/dwarf-line-read.ts';
import { readElf, readSymbols, STT_FUNC } from '../toolchain/obj/elf.ts';

/** A function of the code, [start, end) in guest addresses. */
export interface FunctionRange {
  name: string;
  start: number;
  end: number;
}

/** One row of the relocated line table: code from `address` on belongs to file:line. */
export interface LineRow {
  address: number;
  file: string;
  line: number;
}

/** Where a breakpoint on file:line goes: `line` is the line that has code (the one asked
 * for, or the next one after it that has code, as gdb moves it). */
export interface LineAddresses {
  file: string;
  line: number;
  addresses: number[];
}

/** What the stepper needs to know about code (one map, or several modules' together). */
export interface SourceLookup {
  locate(pc: number): SourceLocation | null;
  functionAt(pc: number): FunctionRange | null;
  /** A line begins at `pc` (a row of the table starts there): where gdb's steps stop. */
  isLineStart(pc: number): boolean;
  /** The first address of `fn`'s body, after the prologue (gdb's breakpoint on a function). */
  bodyStart(fn: FunctionRange): number;
}

/** The same file named two ways (a full path in the table, a base name from the page). */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const base = (p: string) => p.replace(/^.*\//, '');
  return (!a.includes('/') || !b.includes('/')) && base(a) === base(b);
}

export class SourceMap implements SourceLookup {
  /** Sorted by address; a later row at the same address replaces an earlier one. */
  readonly rows: LineRow[];
  /** Sorted by start. */
  readonly functions: FunctionRange[];

  constructor(rows: LineRow[], functions: FunctionRange[]) {
    const byAddress = new Map<number, LineRow>();
    for (const r of rows) byAddress.set(r.address >>> 0, { ...r, address: r.address >>> 0 });
    this.rows = [...byAddress.values()].sort((a, b) => a.address - b.address);
    this.functions = functions.filter((f) => f.end > f.start).map((f) => ({ ...f, start: f.start >>> 0, end: f.end >>> 0 }))
      .sort((a, b) => a.start - b.start);
  }

  /**
   * The map of module `name` as the guest loaded it. `object` is the .ko that was
   * inserted: the loader keeps where each section went, not the object's debug
   * sections, so the host that built the module hands it in again. Null if no such
   * module is loaded. Code of init sections is left out once init has returned (freed).
   */
  static forModule(sys: GuestSystem, name: string, object: Uint8Array): SourceMap | null {
    const mod = sys.kernel.modules.find((m) => m.name === name);
    if (!mod) return null;
    const placed = new Map<string, number>();
    for (const s of mod.sections) if (!s.init || mod.init) placed.set(s.name, s.addr);
    const obj = readRelocatable(object, `${name}.ko`);
    const rows: LineRow[] = [];
    for (const l of obj.lines) {
      const base = placed.get(l.section);
      if (base !== undefined) rows.push({ address: base + l.address, file: l.file, line: l.line });
    }
    const functions: FunctionRange[] = [];
    for (const s of obj.symbols) {
      const base = s.section === undefined ? undefined : placed.get(s.section);
      if (s.type === 'func' && base !== undefined) functions.push({ name: s.name, start: base + s.value, end: base + s.value + s.size });
    }
    return new SourceMap(rows, functions);
  }

  /** The map of a bare-metal program (an ELF executable from kernel-C or gcc): addresses are final. */
  static forProgram(elf: Uint8Array): SourceMap {
    const file = readElf(elf);
    const rows = executableLines(file).map((l) => ({ address: l.address, file: l.file, line: l.line }));
    const functions = readSymbols(file).filter((s) => s.type === STT_FUNC && s.size > 0)
      .map((s) => ({ name: s.name, start: s.value, end: s.value + s.size }));
    return new SourceMap(rows, functions);
  }

  functionAt(pc: number): FunctionRange | null {
    const a = pc >>> 0;
    let lo = 0, hi = this.functions.length - 1, found: FunctionRange | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.functions[mid].start <= a) { found = this.functions[mid]; lo = mid + 1; } else hi = mid - 1;
    }
    return found && a < found.end ? found : null;
  }

  /** Index of the last row at or below `pc`, or -1. */
  private rowIndex(pc: number): number {
    const a = pc >>> 0;
    let lo = 0, hi = this.rows.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].address <= a) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /** The C line the instruction at `pc` belongs to; null outside every function with lines. */
  locate(pc: number): SourceLocation | null {
    const fn = this.functionAt(pc);
    const i = this.rowIndex(pc);
    if (!fn || i < 0 || this.rows[i].address < fn.start) return null;
    const r = this.rows[i];
    return { file: r.file, line: r.line, function: fn.name };
  }

  isLineStart(pc: number): boolean {
    const i = this.rowIndex(pc);
    if (i < 0 || this.rows[i].address !== pc >>> 0) return false;
    // A row that only repeats the line before it (same file and line) starts nothing new.
    const prev = this.rows[i - 1];
    const fn = this.functionAt(pc);
    return !prev || !fn || prev.address < fn.start || prev.line !== this.rows[i].line || prev.file !== this.rows[i].file;
  }

  bodyStart(fn: FunctionRange): number {
    // The prologue is the code of the function's first row (its opening line, where
    // kernel-C saves ra, s0 and the arguments): the body starts at the next row.
    const first = this.rowIndex(fn.start);
    for (let i = Math.max(first, 0); i < this.rows.length && this.rows[i].address < fn.end; i++) {
      const r = this.rows[i];
      if (r.address > fn.start && (first < 0 || r.line !== this.rows[first].line || r.file !== this.rows[first].file)) return r.address;
    }
    return fn.start;
  }

  /**
   * Where a breakpoint on `file`:`line` goes: one address per function that has code
   * for the line (the lowest of its rows). A line without code resolves to the next
   * line of the same file that has some, as gdb does; a function's opening line to
   * the start of its body. Null when no line at or after `line` has code.
   */
  addressesOf(file: string, line: number): LineAddresses | null {
    const inFile = this.rows.filter((r) => sameFile(r.file, file) && r.line >= line);
    if (!inFile.length) return null;
    const taken = Math.min(...inFile.map((r) => r.line));
    const perFunction = new Map<string, number>();
    for (const r of inFile) {
      if (r.line !== taken) continue;
      const fn = this.functionAt(r.address);
      let at = r.address;
      if (fn && at === fn.start) at = this.bodyStart(fn);
      const key = fn ? fn.name : `@${at}`;
      const had = perFunction.get(key);
      if (had === undefined || at < had) perFunction.set(key, at);
    }
    return { file: inFile.find((r) => r.line === taken)!.file, line: taken, addresses: [...perFunction.values()].sort((a, b) => a - b) };
  }
}

/** Several maps (the modules loaded, or a program) asked as one. */
export class SourceMaps implements SourceLookup {
  constructor(readonly maps: readonly SourceMap[]) {}

  private mapAt(pc: number): SourceMap | undefined {
    return this.maps.find((m) => m.functionAt(pc));
  }

  locate(pc: number): SourceLocation | null {
    return this.mapAt(pc)?.locate(pc) ?? null;
  }

  functionAt(pc: number): FunctionRange | null {
    return this.mapAt(pc)?.functionAt(pc) ?? null;
  }

  isLineStart(pc: number): boolean {
    return this.mapAt(pc)?.isLineStart(pc) ?? false;
  }

  bodyStart(fn: FunctionRange): number {
    return this.mapAt(fn.start)?.bodyStart(fn) ?? fn.start;
  }
}
