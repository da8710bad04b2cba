// The code window with its C, as `objdump -dl` prints a program: a line
// "name():" where a function starts, and before the first instruction of each
// run of one C line, that line's file:line with its text. Where the code has no
// line table (the kernel's assembly, a program built without -g) the window
// stays plain disassembly, named by the symbol table where there is one.
// Pure: the worker hands in what it knows about the code it loaded.

import type { CodeLine, CodeSourceLine } from '../protocol/registers.ts';
import type { SourceLocation } from '../protocol/driver.ts';
import type { FunctionRange } from './source-map.ts';

/** What names code: a line table with function ranges (null: none), and labels by address. */
export interface CodeNames {
  lines: { locate(pc: number): SourceLocation | null; functionAt(pc: number): FunctionRange | null } | null;
  /** A symbol's name by its address (code only); where several share one, the one to show. */
  labels: ReadonlyMap<number, string>;
  /** The program's files by name, to show a C line's text (the editor's names: "stopwatch.c"). */
  files: Readonly<Record<string, string>>;
}

/** A C line's text is cut here: the window is sent several times a second. */
const MAX_TEXT = 160;

/** The window's lines with their function labels, C lines and call targets added. */
export function annotateCode(code: readonly CodeLine[], names: CodeNames): CodeLine[] {
  let previous: SourceLocation | null = null;
  return code.map((plain, i) => {
    if (plain.word === null) {
      previous = null;
      return plain;
    }
    const target = jumpTarget(plain, code[i - 1]);
    const callee = target === null ? undefined : nameOf(names, target);
    const line = callee === undefined ? plain : { ...plain, callee };
    const fn = names.lines?.functionAt(line.addr) ?? null;
    const label = fn && fn.start === line.addr ? fn.name : names.labels.get(line.addr) ?? (i === 0 ? fn?.name : undefined);
    const at: SourceLocation | null = names.lines?.locate(line.addr) ?? null;
    const newLine = at !== null && (label !== undefined || previous === null || previous.line !== at.line || previous.file !== at.file);
    previous = at;
    if (label === undefined && !newLine) return line;
    return { ...line, ...(label !== undefined ? { function: label } : {}), ...(newLine ? { source: sourceLine(names.files, at) } : {}) };
  });
}

const signed = (value: number, bits: number) => (value << (32 - bits)) >> (32 - bits);

/**
 * Where a jump goes, when the instructions say: `jal` and `c.jal`/`c.j` by
 * their offset, and `jalr` after an `auipc` of the same register (a call to a
 * far function, as compilers and the module loader write it). null for the
 * rest (a `ret`, a jump through a pointer).
 */
export function jumpTarget(line: CodeLine, before: CodeLine | undefined): number | null {
  const w = line.word;
  if (w === null) return null;
  if ((w & 3) !== 3) {
    const funct3 = (w >>> 13) & 7;
    if ((w & 3) !== 1 || (funct3 !== 1 && funct3 !== 5)) return null; // c.jal (RV32), c.j
    const imm = (((w >>> 12) & 1) << 11) | (((w >>> 11) & 1) << 4) | (((w >>> 9) & 3) << 8) | (((w >>> 8) & 1) << 10)
      | (((w >>> 7) & 1) << 6) | (((w >>> 6) & 1) << 7) | (((w >>> 3) & 7) << 1) | (((w >>> 2) & 1) << 5);
    return (line.addr + signed(imm, 12)) >>> 0;
  }
  const opcode = w & 0x7f;
  if (opcode === 0x6f) {
    const imm = (((w >>> 31) & 1) << 20) | (((w >>> 21) & 0x3ff) << 1) | (((w >>> 20) & 1) << 11) | (((w >>> 12) & 0xff) << 12);
    return (line.addr + signed(imm, 21)) >>> 0;
  }
  if (opcode !== 0x67 || !before || before.word === null || (before.word & 0x7f) !== 0x17) return null;
  const rs1 = (w >>> 15) & 31;
  if (rs1 === 0 || ((before.word >>> 7) & 31) !== rs1 || before.addr + 4 !== line.addr) return null;
  return (before.addr + (before.word & 0xfffff000) + signed(w >>> 20, 12)) >>> 0;
}

/** A target's name: a label there, or the function it falls in with the offset ("spin+0x1c"). */
function nameOf(names: CodeNames, target: number): string | undefined {
  const label = names.labels.get(target);
  if (label !== undefined) return label;
  const fn = names.lines?.functionAt(target);
  return fn ? `${fn.name}+0x${(target - fn.start).toString(16)}` : undefined;
}

function sourceLine(files: Readonly<Record<string, string>>, at: SourceLocation): CodeSourceLine {
  const name = fileName(files, at.file);
  const text = name === undefined ? undefined : linesOf(files, name)[at.line - 1];
  const trimmed = (text ?? '').trim();
  return { file: name ?? at.file, line: at.line, text: trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT - 1)}…` : trimmed };
}

/** The key of `files` the line table's name means: the same name, or the same base name ("./stopwatch.c"). */
function fileName(files: Readonly<Record<string, string>>, tableName: string): string | undefined {
  if (Object.hasOwn(files, tableName)) return tableName;
  const base = tableName.replace(/^.*\//, '');
  return Object.keys(files).find((f) => f.replace(/^.*\//, '') === base);
}

/** A file's text split into lines, once per text (the worker asks for the same files again and again). */
const splitCache = new Map<string, string[]>();
function linesOf(files: Readonly<Record<string, string>>, name: string): string[] {
  const text = files[name];
  let lines = splitCache.get(text);
  if (!lines) {
    if (splitCache.size >= 16) splitCache.clear(); // a few versions of a few files are all a session edits between builds
    lines = text.split(/\r?\n/);
    splitCache.set(text, lines);
  }
  return lines;
}

/** The label to show where several symbols share an address: a function's own name over an
 * alias (module_init's init_module), a marker (`_start`, `idle_loop_end`) or an assembler local. */
export function labelsByAddress(symbols: Iterable<readonly [name: string, address: number]>): Map<number, string> {
  const rank = (name: string) => (name === 'init_module' || name === 'cleanup_module' ? 2 : name.startsWith('_') || name.endsWith('_end') ? 1 : 0);
  const out = new Map<number, string>();
  for (const [name, address] of symbols) {
    if (name === '' || name.startsWith('.L') || name.startsWith('$')) continue;
    const a = address >>> 0;
    const had = out.get(a);
    if (had === undefined || rank(name) < rank(had)) out.set(a, name);
  }
  return out;
}
