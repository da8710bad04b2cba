import { describe, expect, it } from 'vitest';
import { parseAsm } from './asm-parse.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** Directives and labels as codegen writes them, which the parser's fast paths take without
 * the lexer. (Its instruction fast path folds `-16` to a number, so it is checked by the
 * assembler's tests on what the bytes come out as, not here.) */
const COMPILER_LINES = [
  '\t.globl f12', '\t.global g', '\t.local .Lx$1', '\t.weak w_9',
  '\t.type f12, @function', '\t.type g_0, @object',
  '\t.size g_0, 4', '\t.size g_0, 0', '\t.size big, 123456789', '\t.size f12, .-f12',
  'f12:', '.L.return.f12:',
  '\tlui a0, %hi(g0)', '\tlw a0, %lo(g0)(a0)', '\tlui t1, %hi(v+4)', '\tsw a0, %lo(v+4)(t1)', '\taddi a0, a0, %lo(x-8)',
  '\tlui t1, %hi(.LC.0+123456)', '\tsh a0, %lo(.LC.0+123456)(t1)',
  '\t.loc 1 4 20', '\t.byte 2, 0, -1, 255', '\t.zero 4',
];

/** Near misses the fast paths must leave to the general parser. */
const OTHER_LINES = [
  '\t.size g_0, 012', '\t.size g_0, 0x10', '\t.size g', '\t.type g', '\t.globl  spaced', '\t.globl a, b',
  '\tlw a0, %lo(v+4)(nope)', '\tlui a0, %hi(v+04)', '\tlui a0, %pcrel_hi(v)', '\tlui a0, %hi(v+4+4)', '\tlw a0, %lo(v)(a0)+1',
  '\t.size f, .-f+4', '\t.type f, %function', '\t.globl f # comment', '\t.size f, . - f',
];

function statements(text: string, fastPaths: boolean): { out: unknown; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const out = parseAsm('t.s', text, diags, fastPaths);
  return { out, diags };
}

describe('assembly parser fast paths', () => {
  it('give the statements the general parser gives, line by line and in one text', () => {
    const all = [...COMPILER_LINES, ...OTHER_LINES];
    for (const line of all) expect(statements(line, true), line).toEqual(statements(line, false));
    expect(statements(all.join('\n'), true)).toEqual(statements(all.join('\n'), false));
  });

  it('parse symbol directives into the names and values the directives act on', () => {
    const [globl, type, size, dotSize] = parseAsm('t.s', '\t.globl f\n\t.type f, @function\n\t.size v, 8\n\t.size f, .-f', []);
    expect(globl).toMatchObject({ kind: 'directive', name: '.globl', line: 1, col: 2, args: [[{ kind: 'name', text: 'f' }]] });
    expect(type).toMatchObject({ name: '.type', line: 2, args: [[{ text: 'f' }], [{ text: '@' }, { text: 'function' }]] });
    expect(size).toMatchObject({ name: '.size', line: 3, args: [[{ text: 'v' }], [{ kind: 'num', value: 8 }]] });
    expect(dotSize).toMatchObject({ name: '.size', line: 4, args: [[{ text: 'f' }], [{ text: '.' }, { text: '-' }, { text: 'f' }]] });
  });
});
