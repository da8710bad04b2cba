// The preprocessor's entry point (C99 translation phases 4-7 up to the parser):
// directives and macro expansion, then the conversion of pp-tokens into the
// parser's tokens. Whatever the input, it returns tokens and diagnostics; it never throws.

import type { Diagnostic } from './diagnostics.ts';
import type { Token } from './token.ts';
import { convertTokens } from './preprocess/convert.ts';
import { Preprocessor, type PreprocessOptions } from './preprocess/directives.ts';

export type { PreprocessOptions } from './preprocess/directives.ts';

/** Preprocesses `text` (the file `file`): keywords classified, numbers with value and
 * type, strings as bytes; adjacent string literals are left for the parser to join.
 * The result always ends with one 'eof' token. */
export function preprocess(file: string, text: string, opts: PreprocessOptions, diags: Diagnostic[]): Token[] {
  try {
    // Callers from plain JavaScript (the worker) may leave options out.
    const full: PreprocessOptions = { includeDirs: opts.includeDirs ?? [], defines: opts.defines ?? {}, readFile: opts.readFile ?? (() => undefined), includes: opts.includes };
    const toks = new Preprocessor(full, diags).run(file, String(text ?? ''));
    const out = convertTokens(toks, diags);
    const eof = toks[toks.length - 1];
    out.push({ kind: 'eof', text: '', loc: eof.loc, length: 1, hasSpace: false, atLineStart: true });
    return out;
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
