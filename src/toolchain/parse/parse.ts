// The parser's entry point: tokens in, typed AST out (types resolved while
// parsing, as chibicc does). Errors become diagnostics; parsing resumes at the
// next declaration so the student sees more than the first mistake. Never throws.

import type { Token } from '../preprocess/token.ts';
import type { TranslationUnit } from './ast.ts';
import { CompileAbort, isStackOverflow, type Diagnostic } from '../diagnostics.ts';
import { Parser, TooManyErrors } from './parse-state.ts';
import { topLevel, warnUnusedStatics } from './parse-global.ts';

export function parse(tokens: Token[], diags: Diagnostic[]): TranslationUnit {
  // A copy: recovery may rewrite a token (an unknown type name read as 'int').
  const toks = tokens.length > 0 && tokens[tokens.length - 1].kind === 'eof' ? [...tokens] : [...tokens, eofAfter(tokens)];
  const p = new Parser(toks, diags);
  try {
    while (!p.atEof()) {
      const start = p.pos;
      try {
        topLevel(p);
      } catch (e) {
        if (!(e instanceof CompileAbort)) throw e;
        p.record(e.diagnostic);
        p.fn = undefined;
        p.recover(false, start);
        if (p.pos === start) p.next();
      }
    }
    if (p.errorCount === 0) warnUnusedStatics(p);
  } catch (e) {
    if (e instanceof TooManyErrors) {
      diags.push({ severity: 'note', message: 'too many errors; stopping here', loc: p.tok.loc, length: 1 });
    } else if (isStackOverflow(e)) {
      diags.push({ severity: 'error', message: 'the program is nested too deeply (expressions or blocks); simplify it', loc: p.tok.loc, length: Math.max(1, p.tok.length) });
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      diags.push({ severity: 'error', message: `internal compiler error while parsing: ${msg} (please report this program)`, loc: p.tok.loc, length: Math.max(1, p.tok.length) });
    }
  }
  // The eof token belongs to the main file (the first token may come from a header).
  return { globals: p.globals, file: toks[toks.length - 1].loc.file, topAsm: p.topAsm, typedefs: p.fileScopeTypedefs() };
}

function eofAfter(tokens: Token[]): Token {
  const last = tokens[tokens.length - 1];
  const loc = last ? { ...last.loc, col: last.loc.col + last.length, offset: last.loc.offset + last.length } : { file: '<input>', line: 1, col: 1, offset: 0 };
  return { kind: 'eof', text: '', loc, length: 0, hasSpace: false, atLineStart: true };
}
