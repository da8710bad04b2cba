// The kernel-C compiler driver: preprocess → parse → codegen → assemble → link,
// like gcc's driver running cpp, cc1, as and ld. It never throws: a crash inside
// a stage becomes an "internal compiler error" diagnostic, as gcc reports its own.

import type { Diagnostic } from './diagnostics.ts';
import { CompileAbort, shortenMessage } from './diagnostics.ts';
import type { ObjectFile, LineEntry } from './asm/object.ts';
import type { Obj } from './parse/ast.ts';
import { preprocess } from './preprocess/preprocess.ts';
import { parse } from './parse/parse.ts';
import { codegen } from './codegen/codegen.ts';
import { assemble } from './asm/assemble.ts';
import { linkImage } from './obj/link.ts';
import { writeRelocatable } from './obj/elf-object.ts';
import { STARTUP_ASM } from './obj/startup.ts';
import { RUNTIME_C } from './codegen/runtime.ts';
import { asmListing } from './asm/asm-listing.ts';

export interface CompileInput {
  file: string;
  source: string;
  includeDirs?: string[];
  defines?: Record<string, string>;
  readFile?: (path: string) => string | undefined;
  /** -include FILE: headers read before the source, as Kbuild's -include kconfig.h. */
  includes?: string[];
  /** Other C files of the same program (bare-metal-elf only), compiled with the same
   * include path and defines and linked in, as `gcc main.c uart.c` does. */
  units?: { file: string; source: string }[];
}

export interface CompileOptions {
  /** 'object' = relocatable module (ELF REL) for the guest's insmod. */
  output: 'asm' | 'object' | 'bare-metal-elf';
}

export interface CompileResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  asm?: string;
  object?: ObjectFile;
  objectBytes?: Uint8Array;
  elf?: Uint8Array;
  listing?: string;
  lineTable?: LineEntry[];
}

/** Where RAM starts on the virt board: the bare-metal program is linked there. */
export const BARE_METAL_TEXT_BASE = 0x80000000;

export function compile(input: CompileInput, opts: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const result: CompileResult = { ok: false, diagnostics };
  guarded(input.file, diagnostics, () => {
    const functions: Obj[] = [];
    const asm = compileToAsm(input, diagnostics, functions);
    if (asm === undefined) return;
    result.asm = asm;
    // Only `-S` shows the listing; building it for every compile would cost as much as assembling.
    if (opts.output === 'asm') {
      result.listing = asmListing(asm, input.source, input.file);
      return;
    }
    const asmDiags: Diagnostic[] = [];
    const object = assemble(`${input.file}.s`, asm, asmDiags);
    diagnostics.push(...asmDiags.map((d) => atCSource(d, `${input.file}.s`, asm)));
    if (hasErrors(diagnostics)) return;
    object.functions = functions;
    result.object = object;
    result.lineTable = object.lines;
    if (opts.output === 'object') {
      result.objectBytes = writeRelocatable(object);
      return;
    }
    const others = compileUnits(input, diagnostics);
    if (!others) return;
    const runtime = compileRuntime(diagnostics);
    if (!runtime) return;
    const startup = assemble('startup.s', STARTUP_ASM, diagnostics);
    const image = linkImage([startup, object, ...others, runtime], { entry: '_start', textBase: BARE_METAL_TEXT_BASE }, diagnostics);
    if (!image) return;
    result.elf = image.elf;
    result.lineTable = image.lines.filter((l) => l.file === input.file || !l.file.startsWith('<'));
  });
  result.ok = !hasErrors(diagnostics);
  limitErrors(diagnostics);
  limitWarnings(diagnostics);
  for (const d of diagnostics) d.message = shortenMessage(d.message);
  return result;
}

/** Errors shown before stopping, as the parser does: a binary file or a runaway string
 * would otherwise bury the first, useful message under thousands of 'stray' ones (clang stops at 20). */
const MAX_SHOWN_ERRORS = 30;

function limitErrors(diags: Diagnostic[]): void {
  let errors = 0;
  const cut = diags.findIndex((d) => d.severity === 'error' && ++errors > MAX_SHOWN_ERRORS);
  if (cut < 0) return;
  const at = diags[cut];
  diags.splice(cut);
  diags.push({ severity: 'note', message: 'too many errors; stopping here', loc: at.loc, length: 1 });
}

/** Warnings shown, as gcc's -fmax-errors caps errors: 25,000 unused variables would
 * otherwise bury the errors and cost the editor more than the compile itself. */
export const MAX_SHOWN_WARNINGS = 100;

function limitWarnings(diags: Diagnostic[]): void {
  let warnings = 0;
  let last: Diagnostic | undefined;
  const kept = diags.filter((d) => {
    if (d.severity !== 'warning' || ++warnings <= MAX_SHOWN_WARNINGS) return true;
    last = d;
    return false;
  });
  if (last === undefined) return;
  const hidden = warnings - MAX_SHOWN_WARNINGS;
  diags.length = 0;
  for (const d of kept) diags.push(d);
  diags.push({ severity: 'note', message: `too many warnings; ${hidden} more not shown`, loc: last.loc, length: 1 });
}

/** The front and middle of the pipeline: C text to GNU as text. */
function compileToAsm(input: CompileInput, diags: Diagnostic[], functions?: Obj[]): string | undefined {
  const tokens = preprocess(input.file, input.source, {
    includeDirs: input.includeDirs ?? [],
    defines: input.defines ?? {},
    readFile: input.readFile ?? (() => undefined),
    includes: input.includes,
  }, diags);
  if (hasErrors(diags)) return undefined;
  const tu = parse(tokens, diags);
  if (hasErrors(diags)) return undefined;
  const asm = codegen(tu, diags, functions);
  return hasErrors(diags) ? undefined : asm;
}

/** The program's other C files, each to an object; undefined if any has an error (all are compiled, so all errors show). */
function compileUnits(input: CompileInput, diags: Diagnostic[]): ObjectFile[] | undefined {
  const objects: ObjectFile[] = [];
  for (const unit of input.units ?? []) {
    const own: Diagnostic[] = [];
    const functions: Obj[] = [];
    const asm = compileToAsm({ ...input, file: unit.file, source: unit.source, units: undefined }, own, functions);
    diags.push(...own);
    if (asm === undefined) continue;
    const asmDiags: Diagnostic[] = [];
    const object = assemble(`${unit.file}.s`, asm, asmDiags);
    diags.push(...asmDiags.map((d) => atCSource(d, `${unit.file}.s`, asm)));
    object.functions = functions;
    objects.push(object);
  }
  return hasErrors(diags) ? undefined : objects;
}

/** RUNTIME_C compiled once by our own compiler (helpers like __divdi3, memcpy). */
let runtimeCache: ObjectFile | undefined;

function compileRuntime(diags: Diagnostic[]): ObjectFile | undefined {
  if (runtimeCache) return runtimeCache;
  const own: Diagnostic[] = [];
  const asm = compileToAsm({ file: '<runtime>', source: RUNTIME_C }, own);
  const obj = asm === undefined ? undefined : assemble('<runtime>.s', asm, own);
  if (hasErrors(own) || !obj) {
    diags.push(...own.map((d) => ({ ...d, message: `internal compiler error in the runtime library: ${d.message}` })));
    return undefined;
  }
  obj.lines = [];
  runtimeCache = obj;
  return obj;
}

/** An assembler error in our own output can only come from inline asm: it is reported at the
 * C line the nearest `.loc` before it names, never at the generated .s file the student does not see. */
function atCSource(d: Diagnostic, asmFile: string, asm: string): Diagnostic {
  if (d.loc.file !== asmFile) return d;
  const lines = asm.split('\n', d.loc.line);
  const files = new Map<string, string>();
  let at: Diagnostic['loc'] | undefined;
  for (const l of lines) {
    const f = /^\s*\.file\s+(\d+)\s+"(.*)"/.exec(l);
    if (f) files.set(f[1], JSON.parse(`"${f[2]}"`) as string);
    const m = /^\s*\.loc\s+(\d+)\s+(\d+)(?:\s+(\d+))?/.exec(l);
    const file = m ? files.get(m[1]) : undefined;
    if (m && file !== undefined) at = { file, line: Number(m[2]), col: Math.max(1, Number(m[3] ?? 1)), offset: 0 };
  }
  return at ? { ...d, loc: at, length: 3, message: `in inline assembly: ${d.message}` } : d;
}

function guarded(file: string, diags: Diagnostic[], body: () => void): void {
  try {
    body();
  } catch (err) {
    if (err instanceof CompileAbort) {
      if (!diags.includes(err.diagnostic)) diags.push(err.diagnostic);
      return;
    }
    const what = err instanceof Error ? `${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 4).join('\n')}` : ''}` : String(err);
    diags.push({
      severity: 'error',
      message: `internal compiler error: ${what} (this is a bug in the compiler, not in your program; please report it)`,
      loc: { file, line: 1, col: 1, offset: 0 },
      length: 1,
    });
  }
}

function hasErrors(diags: Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
