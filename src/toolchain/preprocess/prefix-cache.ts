// The #include lines that open a driver, preprocessed once and reused (as gcc's
// precompiled headers are): a driver is rebuilt on every edit against the same
// ~130 Linux-shaped headers, which make nine tenths of its tokens. The run after the
// prefix is stored — its output tokens, diagnostics and macro table — and a later
// build whose prefix, options and every file looked for are unchanged resumes there.

import type { Diagnostic } from '../diagnostics.ts';
import type { Token } from './token.ts';
import { newToken, type PPToken } from './tokenize.ts';
import { convertInPlace, convertTokens } from './convert.ts';
import { Preprocessor, type PreprocessOptions, type PrefixState } from './directives.ts';
import { isPunct } from './macros.ts';
import { lexCached } from './source-files.ts';

interface Entry {
  state: PrefixState;
  /** The prefix's output, converted for the parser (never modified after). */
  toks: Token[];
  diags: Diagnostic[];
}

const CACHE = new Map<string, Entry>();
const CACHE_ENTRIES = 8;
const PREFIX_DIRECTIVES = new Set(['include', 'define', 'undef']);

/** Index of the first token of `main` after its opening #include/#define/#undef lines;
 * 0 when there is no #include among them (nothing worth keeping). */
export function prefixEnd(main: PPToken[]): number {
  let i = 0, includes = 0;
  while (isPunct(main[i], '#') && main[i].atLineStart && !main[i + 1].atLineStart && PREFIX_DIRECTIVES.has(main[i + 1].text)) {
    if (main[i + 1].text === 'include') includes++;
    i += 2;
    while (!main[i].atLineStart && main[i].kind !== 'eof') i++;
  }
  return includes > 0 ? i : 0;
}

/** Preprocesses and converts a translation unit, reusing the run of its #include prefix;
 * the result ends with one 'eof'. */
export function preprocessCached(file: string, text: string, opts: PreprocessOptions, diags: Diagnostic[]): Token[] {
  const main = lexCached(file, text, diags);
  const end = prefixEnd(main);
  const pp = new Preprocessor(opts, diags);
  if (end === 0) {
    pp.start(file, main);
    return withEof([], finished(pp, opts), diags);
  }
  const key = JSON.stringify([file, text.slice(0, main[end].loc.offset), opts.defines, opts.includeDirs, opts.includes ?? []]);
  const hit = CACHE.get(key);
  if (hit !== undefined && unchanged(hit.state, opts)) {
    for (const d of hit.diags) diags.push({ ...d });
    pp.resume(file, main, end, hit.state);
    return withEof(hit.toks, finished(pp, opts), diags);
  }
  const before = diags.length;
  pp.start(file, main);
  const toks = convertTokens(pp.runPrefix(end), diags);
  const own = diags.slice(before);
  if (!own.some((d) => d.severity === 'error')) {
    if (CACHE.size >= CACHE_ENTRIES) CACHE.delete(CACHE.keys().next().value!);
    CACHE.set(key, { state: pp.snapshot(), toks, diags: own.map((d) => ({ ...d })) });
  }
  return withEof(toks, finished(pp, opts), diags);
}

/** The rest of the unit preprocessed; the caller who asked is shown the final macro table. */
function finished(pp: Preprocessor, opts: PreprocessOptions): PPToken[] {
  const rest = pp.finish();
  opts.onMacros?.(pp.macros);
  return rest;
}

/** The prefix's tokens, then the rest converted, then the 'eof' at the end of the main file. */
function withEof(prefix: Token[], rest: PPToken[], diags: Diagnostic[]): Token[] {
  const eof = rest[rest.length - 1];
  const out = prefix.length === 0 ? convertInPlace(rest, diags) : convertTokens(rest, diags, prefix.slice());
  out.push(newToken('eof', '', eof.loc, 1, false, true, undefined, undefined, undefined, undefined));
  return out;
}

/** Every file the prefix looked for still reads the same (or is still missing). */
function unchanged(state: PrefixState, opts: PreprocessOptions): boolean {
  for (const [path, text] of state.fileTexts) {
    let now: string | undefined;
    try { now = opts.readFile(path); } catch { now = undefined; }
    if ((typeof now === 'string' ? now : undefined) !== text) return false;
  }
  return true;
}
