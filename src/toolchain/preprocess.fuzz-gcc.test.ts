// Differential fuzzing: random macro programs (definitions calling each other, #, ##,
// variadics, unbalanced parentheses) must expand exactly as riscv gcc -E expands them
// whenever gcc accepts them without a word.

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.ts';
import { Preprocessor } from './preprocess/directives.ts';
import { lex } from './tokenize.ts';

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

const use = fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom('(', ')', ',', 'x', '()', '(x)', '(x, y)', '(,)', '(1, 2, 3)')), { minLength: 1, maxLength: 12 })
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
      const gcc = spawnSync('riscv64-unknown-elf-gcc', ['-E', '-P', '-march=rv32ima_zicsr', '-mabi=ilp32', '-x', 'c', '-'], { input: text, encoding: 'utf8' });
      if (gcc.status !== 0 || gcc.stderr !== '') return;
      compared++;
      const diags: Diagnostic[] = [];
      const toks = new Preprocessor({ includeDirs: [], defines: {}, readFile: () => undefined }, diags).run('t.c', text);
      expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
      expect(toks.filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ')).toBe(spellings(gcc.stdout));
    }), { numRuns: 200 });
    expect(compared).toBeGreaterThan(15);
  });
});
