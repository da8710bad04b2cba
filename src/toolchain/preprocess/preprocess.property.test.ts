// Robustness: whatever the student types, tokenize and preprocess return tokens and
// diagnostics, never an exception (and never our "internal error" diagnostic).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { preprocess } from './preprocess.ts';
import { tokenize } from './tokenize.ts';

const FRAGMENTS = [
  '#', '#define ', '#undef ', '#if ', '#ifdef ', '#ifndef ', '#elif ', '#else', '#endif', '#include ', '#error ',
  '#pragma once', '#line 3', '_Pragma("once")', '_Pragma(', 'defined', 'defined(', '__has_include(', '__LINE__', '__FILE__',
  '__COUNTER__', '"a.h"', '<a.h>', '<', '>', '(', ')', ',', '#', '##', '...', '__VA_ARGS__', 'args...', 'x', 'y', 'f', 'g',
  'f(', 'f(x)', 'x ## y', '#x', '1', '0', '0x', '1.5', '08', '1ull', '1lul', "'a'", "'", '"', '"s\\"', "'\\x'", 'L"w"',
  '?', ':', '/', '%', '<<', '-', '!', '~', '&&', '||', '\n', '\n', ' ', '\t', '\\\n', '\\', '/*', '*/', '//', '@', '`',
  'é', '\u0000', 'int', '{', '}', ';', '=',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

function check(text: string, header: string): void {
  const diags: Diagnostic[] = [];
  const files: Record<string, string> = { 'a.h': header, 'inc/a.h': header };
  const toks = preprocess('main.c', text, { includeDirs: ['inc'], defines: { D: '1' }, readFile: (p) => files[p] }, diags);
  expect(toks.at(-1)?.kind).toBe('eof');
  expect(toks.filter((t) => t.kind === 'eof')).toHaveLength(1);
  expect(diags.filter((d) => d.message.includes('internal error'))).toEqual([]);
  for (const d of diags) {
    expect(d.loc.line).toBeGreaterThanOrEqual(1);
    expect(d.loc.col).toBeGreaterThanOrEqual(1);
    expect(d.length).toBeGreaterThanOrEqual(1);
  }
}

const CORPUS = join(import.meta.dirname, 'corpus');
const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.c')).map((f) => readFileSync(join(CORPUS, f), 'utf8'));

/** A valid file with a few edits: deleted, duplicated or inserted pieces. */
const mutated = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('delete', 'duplicate', 'insert'), fc.constantFrom(...FRAGMENTS)), { maxLength: 6 }),
  )
  .map(([text, edits]) => {
    let s = text;
    for (const [at, len, op, frag] of edits) {
      const i = at % (s.length + 1);
      if (op === 'delete') s = s.slice(0, i) + s.slice(i + len);
      else if (op === 'duplicate') s = s.slice(0, i + len) + s.slice(i, i + len) + s.slice(i + len);
      else s = s.slice(0, i) + frag + s.slice(i);
    }
    return s;
  });

describe('never throws', () => {
  it('tokenize: any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const toks = tokenize('t.c', s, []);
      expect(toks.at(-1)?.kind).toBe('eof');
    }), { numRuns: 500 });
  });

  it('preprocess: random token soup, with a header made of soup too', () => {
    fc.assert(fc.property(soup, soup, (text, header) => check(text, header)), { numRuns: 400 });
  });

  it('preprocess: mutated valid files', () => {
    fc.assert(fc.property(mutated, (text) => check(text, '#pragma once\nint a;')), { numRuns: 200 });
  });
});
