// Differential fuzzing against riscv gcc -E: random macro programs (definitions calling
// each other, #, ##, variadics, unbalanced parentheses), random #if expressions and random
// conditional structures must give exactly gcc's tokens whenever gcc accepts them without
// a word, and an error exactly where gcc reports one.

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics.ts';
import { Preprocessor } from './directives.ts';
import { lex } from './tokenize.ts';
import { KERNEL_C_TARGET } from '../../../tests/support/oracles.ts';

const NAMES = ['A', 'B', 'C', 'D', 'E'];

const bodyItem = (params: string[]) => fc.oneof(
  fc.constantFrom(...NAMES, 'x', 'y', '1', '(', ')', ',', '+', '"s"'),
  ...(params.length > 0 ? [fc.constantFrom(...params), fc.constantFrom(...params.map((p) => `#${p}`))] : []),
  fc.tuple(fc.constantFrom(...params, 'p', 'q', '_'), fc.constantFrom(...params, 'r', '2', '_')).map(([a, b]) => `${a} ## ${b}`),
);

const macro = (name: string) => fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.boolean()).chain(([fn, n, va]) => {
  const params = fn ? Array.from({ length: n }, (_, i) => `p${i}`).concat(va ? ['__VA_ARGS__'] : []) : [];
  const head = fn ? `${name}(${params.map((p) => (p === '__VA_ARGS__' ? '...' : p)).join(', ')})` : name;
  const items = va ? fc.array(fc.oneof(bodyItem(params), fc.constant(', ## __VA_ARGS__')), { maxLength: 8 }) : fc.array(bodyItem(params), { maxLength: 8 });
  return items.map((body) => `#define ${head} ${body.join(' ')}`);
});

const argument = fc.constantFrom('x', 'y', '1', '', '(x, y)', ...NAMES);
const call = fc.tuple(fc.constantFrom(...NAMES), fc.array(argument, { maxLength: 3 }), fc.boolean())
  .map(([name, args, parens]) => (parens ? `${name}(${args.join(', ')})` : name));
const use = fc.array(fc.oneof(call, call, fc.constantFrom('(', ')', ',', 'x')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(' '));

const program = fc.tuple(...NAMES.map(macro), fc.array(use, { minLength: 1, maxLength: 4 }))
  .map(([...all]) => {
    const uses = all.pop() as unknown as string[];
    return `${(all as string[]).join('\n')}\n${uses.join('\n')}\n`;
  });

function spellings(text: string): string {
  return lex('out', text, []).filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ');
}

describe('random macro programs expand as gcc expands them', () => {
  it('agrees with gcc -E where gcc is silent', () => {
    let compared = 0;
    fc.assert(fc.property(program, (text) => {
      const gcc = spawnSync('riscv64-unknown-elf-gcc', ['-E', '-P', ...KERNEL_C_TARGET, '-x', 'c', '-'], { input: text, encoding: 'utf8' });
      if (gcc.status !== 0 || gcc.stderr !== '') return;
      compared++;
      const diags: Diagnostic[] = [];
      const toks = new Preprocessor({ includeDirs: [], defines: {}, readFile: () => undefined }, diags).run('t.c', text);
      expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
      expect(toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ')).toBe(spellings(gcc.stdout));
    }), { numRuns: 150, seed: 20261126 });
    expect(compared).toBeGreaterThan(15);
  });
});

const operand = fc.oneof(
  fc.constantFrom('0', '1', '2', '-1', '7', '63', '64', '0x7fffffff', '0x80000000', '0xffffffff', '4294967296',
    '0x7fffffffffffffff', '0x8000000000000000', '0xffffffffffffffff', '1u', '2U', '3l', '4ul', '5ll', '6ull', '010',
    "'a'", "'\\377'", "'\\x80'", "'ab'", 'UNDEFINED', 'ONE', 'defined(ONE)', 'defined UNDEFINED'),
);
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    operand,
    fc.tuple(fc.constantFrom('-', '+', '~', '!'), tie('e')).map(([op, a]) => `${op}(${a})`),
    fc.tuple(tie('e'), fc.constantFrom('*', '/', '%', '+', '-', '<<', '>>', '<', '>', '<=', '>=', '==', '!=', '&', '^', '|', '&&', '||'), tie('e'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c}) ? (${a}) : (${b})`),
  ),
})).e;

describe('#if expressions evaluate as gcc evaluates them', () => {
  it('random integer expressions', () => {
    let compared = 0;
    fc.assert(fc.property(fc.array(expr, { minLength: 30, maxLength: 30 }), (exprs) => {
      const text = '#define ONE 1\n' + exprs.map((e, i) => `#if ${e}\nT${i}\n#else\nF${i}\n#endif`).join('\n') + '\n';
      const gcc = spawnSync('riscv64-unknown-elf-gcc', ['-E', '-P', ...KERNEL_C_TARGET, '-x', 'c', '-'], { input: text, encoding: 'utf8' });
      const badLines = new Set([...gcc.stderr.matchAll(/<stdin>:(\d+):\d+: error/g)].map((m) => Number(m[1])));
      const ok = (i: number): boolean => !badLines.has(2 + 5 * i);
      const theirs = lex('gcc', gcc.stdout, []).filter((t) => t.kind === 'ident').map((t) => t.text);
      const diags: Diagnostic[] = [];
      const ours = new Preprocessor({ includeDirs: [], defines: {}, readFile: () => undefined }, diags).run('t.c', text)
        .filter((t) => t.kind === 'ident').map((t) => t.text);
      const pick = (names: string[]): string[] => names.filter((n) => ok(Number(n.slice(1))));
      expect(pick(ours)).toEqual(pick(theirs));
      const ourBad = new Set(diags.filter((d) => d.severity === 'error').map((d) => d.loc.line));
      expect([...ourBad].sort()).toEqual([...badLines].sort());
      compared += exprs.filter((_, i) => ok(i)).length;
    }), { numRuns: 20, seed: 20261126 });
    expect(compared).toBeGreaterThan(300);
  });
});

const plainLine = fc.constantFrom('#undef X\n#define X 1', '#undef X\n#define X 0', '#define Y', '#undef X', '#undef Y',
  '#define F(a) a + X', 'F(X) Y X', 'text', 'Y', '#if 0\n#bogus\n#endif');
const condition = fc.constantFrom('X', '!defined(Y)', 'defined X && X', 'F(1) > 1', 'Y + 0', '1', '0', '(X) ? 2 : 0');
const block: fc.Arbitrary<string[]> = fc.letrec((tie) => ({
  block: fc.array(fc.oneof({ depthSize: 'small' }, plainLine, tie('group') as fc.Arbitrary<string>), { maxLength: 5 }),
  group: fc.tuple(fc.constantFrom('#if', '#ifdef X', '#ifndef Y'), condition, tie('block'), fc.option(fc.tuple(condition, tie('block'))), fc.option(tie('block')))
    .map(([head, c, body, elif, els]) => {
      const b = (x: unknown): string => (x as string[]).join('\n');
      const open = head === '#if' ? `#if ${c}` : head;
      return [open, b(body), elif ? `#elif ${elif[0]}\n${b(elif[1])}` : '', els ? `#else\n${b(els)}` : '', '#endif'].filter((x) => x !== '').join('\n');
    }),
})).block as fc.Arbitrary<string[]>;

describe('random conditional structures are followed as gcc follows them', () => {
  it('agrees with gcc -E where gcc is silent', () => {
    let compared = 0;
    fc.assert(fc.property(block, (items) => {
      let n = 0;
      const text = items.join('\n').replace(/^text$/gm, () => `line${n++}`) + '\n';
      const gcc = spawnSync('riscv64-unknown-elf-gcc', ['-E', '-P', ...KERNEL_C_TARGET, '-x', 'c', '-'], { input: text, encoding: 'utf8' });
      const diags: Diagnostic[] = [];
      const toks = new Preprocessor({ includeDirs: [], defines: {}, readFile: () => undefined }, diags).run('t.c', text);
      const ourErrors = diags.filter((d) => d.severity === 'error');
      expect(ourErrors.length > 0).toBe(gcc.status !== 0);
      if (gcc.status !== 0 || gcc.stderr !== '') return;
      compared++;
      expect(toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ')).toBe(spellings(gcc.stdout));
    }), { numRuns: 60, seed: 20261126 });
    expect(compared).toBeGreaterThan(30);
  });
});
