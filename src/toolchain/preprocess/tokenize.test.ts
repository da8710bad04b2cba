import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { tokenize } from './tokenize.ts';

function toks(text: string) {
  const diags: Diagnostic[] = [];
  const t = tokenize('t.c', text, diags);
  return { t, diags, texts: t.filter((x) => x.kind !== 'eof').map((x) => x.text) };
}

describe('tokenize', () => {
  it('splits punctuators by the longest match', () => {
    expect(toks('a->b<<=c...d##e+++f&&=g').texts).toEqual(
      ['a', '->', 'b', '<<=', 'c', '...', 'd', '##', 'e', '++', '+', 'f', '&&', '=', 'g'],
    );
  });

  it('reads pp-numbers with exponent signs and suffixes as one token', () => {
    expect(toks('0x1fUL 1e+5 .5 0x1p-3 12ab 1.2.3 0b101').texts).toEqual(['0x1fUL', '1e+5', '.5', '0x1p-3', '12ab', '1.2.3', '0b101']);
  });

  it('reads identifiers with $ and digits, and literals with prefixes', () => {
    const { t } = toks(`a$1 _x L'a' u8"s" "q\\"x" 'b'`);
    expect(t.map((x) => `${x.kind}:${x.text}`)).toEqual([
      'ident:a$1', 'ident:_x', "char:L'a'", 'string:u8"s"', 'string:"q\\"x"', "char:'b'", 'eof:',
    ]);
  });

  it('gives every token its line, column, offset and length', () => {
    const { t } = toks('int x;\n  return  0x10;');
    const ret = t[3];
    expect(ret.text).toBe('return');
    expect(ret.loc).toEqual({ file: 't.c', line: 2, col: 3, offset: 9 });
    expect(ret.length).toBe(6);
    expect(t[4].loc).toMatchObject({ line: 2, col: 11 });
    expect(t[4].length).toBe(4);
  });

  it('marks white space and line starts', () => {
    const { t } = toks('a b/**/c\n d');
    expect(t.slice(0, 4).map((x) => [x.hasSpace, x.atLineStart])).toEqual([[false, true], [true, false], [true, false], [true, true]]);
  });

  it('removes line splices but keeps the original places', () => {
    const { t } = toks('in\\\nt x = "a\\\nb";\nnext');
    expect(t[0].text).toBe('int');
    expect(t[0].length).toBe(5); // "in\\\nt" spans five characters of the file
    expect(t[3].text).toBe('"ab"');
    expect(t[5].loc).toMatchObject({ line: 4, col: 1 });
    expect(t[1].loc).toMatchObject({ line: 2, col: 3 });
  });

  it('treats comments as white space, // up to the end of the line', () => {
    expect(toks('a // b */ c\nd /* e\n f */ g').texts).toEqual(['a', 'd', 'g']);
    expect(toks('a/**/b')).toMatchObject({ texts: ['a', 'b'] });
  });

  it('reports an unterminated comment at its start and stops', () => {
    const { diags, texts } = toks('int a;\n  /* never closed\nint b;');
    expect(texts).toEqual(['int', 'a', ';']);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ severity: 'error', loc: { line: 2, col: 3 }, length: 2 });
    expect(diags[0].message).toContain('unterminated comment');
  });

  it('reports stray characters and keeps going', () => {
    const { diags, texts } = toks('a @ b ` c');
    expect(texts).toEqual(['a', '@', 'b', '`', 'c']);
    expect(diags.map((d) => [d.message.slice(0, 10), d.loc.col])).toEqual([["stray '@' ", 3], ["stray '`' ", 7]]);
  });

  it('names invisible and look-alike characters pasted from the web', () => {
    const { diags } = toks('int\u00a0x = \u201chi\u201d;');
    expect(diags[0].message).toContain('non-breaking space; replace it with a normal space');
    expect(diags[1].message).toContain('curly quote; use a plain " quote');
  });

  it('skips a byte-order mark at the start of the file, as gcc does', () => {
    expect(toks('\ufeffint x;')).toMatchObject({ texts: ['int', 'x', ';'], diags: [] });
  });

  it('reports a missing closing quote on that line only', () => {
    const { diags, texts } = toks('x = "abc;\ny = 1;');
    expect(texts).toEqual(['x', '=', '"abc;', 'y', '=', '1', ';']);
    expect(diags).toHaveLength(1);
    expect(diags[0].message).toContain('missing terminating "');
  });

  it('always ends with one eof token, also for empty text', () => {
    expect(toks('').t.map((x) => x.kind)).toEqual(['eof']);
    expect(toks('a\n').t.at(-1)?.kind).toBe('eof');
  });
});
