import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic } from '../diagnostics.ts';
import { convertToken } from './convert.ts';
import { parseIntegerConstant } from './literals.ts';
import { lex } from './tokenize.ts';

/** The parser's token for the source text `text`, which must lex as one token. */
function converted(text: string) {
  const diags: Diagnostic[] = [];
  const [tok] = lex('t.c', text, diags);
  return { tok: convertToken(tok, diags), diags };
}

describe('integer constants', () => {
  it('have the value and type of the general rules, short plain decimals included', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 12 });
    const suffix = fc.constantFrom('', 'u', 'U', 'l', 'L', 'ul', 'LL', 'ull');
    fc.assert(
      fc.property(digits, suffix, (d, s) => {
        const text = d + s;
        const want = parseIntegerConstant(text);
        const { tok, diags } = converted(text);
        expect(tok?.kind).toBe('number');
        expect(tok?.value).toBe(want.value.value);
        expect(tok?.intType).toBe(want.value.type);
        expect(diags.map((x) => x.message)).toEqual([want.error, want.warning].filter((m) => m !== undefined));
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  it('keep 0 and octal constants apart from decimals', () => {
    expect(converted('0').tok?.value).toBe(0n);
    expect(converted('010').tok?.value).toBe(8n);
    expect(converted('999999999').tok?.intType).toBe('int');
    expect(converted('2147483648').tok?.intType).toBe('long long');
  });
});
