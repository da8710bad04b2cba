// Test support for the parser and code generator: C text through the real
// preprocessor, parse and codegen, with the diagnostics formatted for messages.

import type { Diagnostic } from './diagnostics.ts';
import type { Obj, TranslationUnit } from './parse/ast.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { preprocess } from './preprocess/preprocess.ts';
import { parse } from './parse/parse.ts';
import { codegen } from './codegen/codegen.ts';

export interface FrontResult { tu: TranslationUnit; diags: Diagnostic[]; asm: string | undefined }

export function compileC(source: string, file = 'test.c', files: Record<string, string> = {}): FrontResult {
  const diags: Diagnostic[] = [];
  const toks = preprocess(file, source, { includeDirs: [], defines: {}, readFile: (p) => files[p] ?? files[p.replace(/^.*\//, '')] }, diags);
  const tu = parse(toks, diags);
  const asm = diags.some((d) => d.severity === 'error') ? undefined : codegen(tu, diags);
  return { tu, diags, asm };
}

export function errorsOf(r: FrontResult): Diagnostic[] { return r.diags.filter((d) => d.severity === 'error'); }
export function warningsOf(r: FrontResult): Diagnostic[] { return r.diags.filter((d) => d.severity === 'warning'); }

export function formatAll(r: FrontResult, source: string): string {
  return r.diags.map((d) => formatDiagnostic(d, source)).join('\n');
}

export function globalNamed(tu: TranslationUnit, name: string): Obj {
  const o = tu.globals.find((g) => g.name === name);
  if (!o) throw new Error(`no global '${name}'`);
  return o;
}

/** The little-endian 32-bit words of a global's initial data. */
export function dataWords(o: Obj): number[] {
  const d = o.data ?? new Uint8Array(0);
  const out: number[] = [];
  for (let i = 0; i + 4 <= d.length; i += 4) out.push((d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)) >>> 0);
  return out;
}
