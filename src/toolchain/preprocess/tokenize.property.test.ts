import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lex } from './tokenize.ts';

describe('punctuators', () => {
  const ALL = ['...', '<<=', '>>=', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
    '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##', ...'[](){}.&*+-~!/%<>^|?:;=,#'];

  /** Longest match, the C99 6.4p4 rule, written the plain way. */
  function reference(text: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < text.length;) {
      const p = [3, 2, 1].map((n) => text.slice(i, i + n)).find((s) => ALL.includes(s));
      if (p === undefined) throw new Error(`not a punctuator at ${i}`);
      out.push(p);
      i += p.length;
    }
    return out;
  }

  it('split any run of punctuator characters by the longest match', () => {
    const run = fc.string({ unit: fc.constantFrom(...'[](){}.&*+-~!%<>^|?:;=,#'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(run, (text) => {
        const toks = lex('t.c', text, []).filter((t) => t.kind !== 'eof');
        // '.' followed by a digit never occurs here, so every token is a punctuator.
        expect(toks.map((t) => t.text)).toEqual(reference(text));
        expect(toks.every((t) => t.kind === 'punct' && t.problem === undefined)).toBe(true);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it('report a character beyond ASCII after a punctuator as stray, not as part of it', () => {
    const toks = lex('t.c', '<\u013d=', []).filter((t) => t.kind !== 'eof');
    expect(toks.map((t) => t.text)).toEqual(['<', '\u013d', '=']);
    expect(toks[1].stray).toBe(true);
  });
});
