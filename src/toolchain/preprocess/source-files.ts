// Source files as the preprocessor reads them: lexed once and shared between runs
// (a driver is recompiled on every edit with the same headers), and the include
// guard that lets a second #include of the same header be skipped, as gcc does.

import type { Diagnostic } from '../diagnostics.ts';
import { lex, type PPToken } from './tokenize.ts';
import { isPunct } from './macros.ts';
import { appendAll } from '../big-arrays.ts';

/** Tokens of files lexed by earlier runs: a driver is recompiled on every edit with the
 * same headers. Tokens are never modified after lexing, so runs can share them. */
const LEX_CACHE = new Map<string, { text: string; toks: PPToken[]; diags: Diagnostic[] }>();
const LEX_CACHE_FILES = 256;

export function lexCached(path: string, text: string, diags: Diagnostic[]): PPToken[] {
  const hit = LEX_CACHE.get(path);
  if (hit !== undefined && hit.text === text) {
    appendAll(diags, hit.diags);
    return hit.toks;
  }
  const own: Diagnostic[] = [];
  const toks = lex(path, text, own);
  appendAll(diags, own);
  if (LEX_CACHE.size >= LEX_CACHE_FILES) LEX_CACHE.clear();
  LEX_CACHE.set(path, { text, toks, diags: own });
  return toks;
}

/** The macro of a classic include guard (`#ifndef X` first, its #endif last), else null:
 * once X is defined, including the file again cannot change anything. */
export function includeGuard(toks: PPToken[]): string | null {
  const [hash, ifndef, name] = toks;
  if (!isPunct(hash, '#') || ifndef?.text !== 'ifndef' || ifndef.atLineStart || name?.kind !== 'ident') return null;
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!(t.atLineStart && isPunct(t, '#')) || toks[i + 1].atLineStart) continue;
    const d = toks[i + 1].text;
    if (d === 'if' || d === 'ifdef' || d === 'ifndef') depth++;
    else if ((d === 'elif' || d === 'else') && depth === 1) return null;
    else if (d === 'endif' && --depth === 0) {
      let j = i + 2;
      while (!toks[j].atLineStart && toks[j].kind !== 'eof') j++;
      return toks[j].kind === 'eof' ? name.text : null;
    }
  }
  return null;
}
