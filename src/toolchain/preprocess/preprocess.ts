// The preprocessor's entry point (C99 translation phases 4-7 up to the parser):
// directives and macro expansion, then the conversion of pp-tokens into the
// parser's tokens (the run of a file's opening #include lines is reused: prefix-cache.ts). Whatever the input, it returns tokens and diagnostics; it never throws.

import type { Diagnostic } from '../diagnostics.ts';
import type { Token } from './token.ts';
import type { PreprocessOptions } from './directives.ts';
import { preprocessCached } from './prefix-cache.ts';

export type { PreprocessOptions } from './directives.ts';

/** Preprocesses `text` (the file `file`): keywords classified, numbers with value and
 * type, strings as bytes; adjacent string literals are left for the parser to join.
 * The result always ends with one 'eof' token. */
export function preprocess(file: string, text: string, opts: PreprocessOptions, diags: Diagnostic[]): Token[] {
  try {
    // Callers from plain JavaScript (the worker) may leave options out.
    const full: PreprocessOptions = { includeDirs: opts.includeDirs ?? [], defines: opts.defines ?? {}, readFile: opts.readFile ?? (() => undefined), includes: opts.includes, onMacros: opts.onMacros };
    return preprocessCached(file, String(text ?? ''), full, diags);
  } catch (e) {
    // A bug of ours, not of the student's program: say so instead of crashing the page.
    const message = e instanceof Error ? e.message : String(e);
    diags.push({
      severity: 'error',
      message: `internal error in the preprocessor (${message}); please report it with this file`,
      loc: { file, line: 1, col: 1, offset: 0 },
      length: 1,
    });
    return [{ kind: 'eof', text: '', loc: { file, line: 1, col: 1, offset: 0 }, length: 1, hasSpace: false, atLineStart: true }];
  }
}
