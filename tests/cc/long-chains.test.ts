// Expressions of 10^5 operators in a row (a + a + ... + a, a && a && ..., a, a, ...):
// they nest on the left only, so they must compile; the same chains of a few thousand terms
// (gcc's cc1 itself overflows its stack on 10^5) compute what gcc's build computes on QEMU.
// Only genuine nesting (10^5 parentheses) may be "nested too deeply", at its place.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compile } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';
import { buildDir, buildWithGcc, runOnBoard, runOnQemu } from './legs.ts';

const TERMS = 100_000;
/** Terms in the programs run against gcc's build. */
const RUN_TERMS = 3000;
const HANG_GUARD_MS = 180_000;

/** A program printing `value` (a C expression over `int a`, `long long w`, `volatile int v`). */
function program(decls: string, value: string, format = '%d'): string {
  return `#include "../../runtime/printf.c"\nvolatile int v = 3;\n${decls}\nint main(void)\n{\n\tint a = v;\n\tlong long w = v;\n\t(void)a; (void)w;\n\tprintf("${format}\\n", ${value});\n\treturn 0;\n}\n`;
}

const chain = (n: number, first: string, op: string, term: (i: number) => string): string => {
  const parts = [first];
  for (let i = 0; i < n; i++) parts.push(` ${op} ${term(i)}`);
  return parts.join('');
};

const CASES: { name: string; source: (n: number) => string }[] = [
  { name: 'sum', source: (n) => program('', chain(n, 'a', '+', (i) => (i % 3 === 0 ? 'a' : i % 3 === 1 ? '7' : '(a - 5)'))) },
  { name: 'difference64', source: (n) => program('', chain(n, 'w', '-', (i) => (i % 2 ? 'w' : '1')), '%lld') },
  { name: 'conjunction', source: (n) => program('', `(${chain(n, 'a', '&&', () => 'a')}) + (${chain(n, '0', '||', (i) => (i === n - 1 ? 'a' : '0'))})`) },
  { name: 'comma', source: (n) => program('', `(${chain(n, 'v++', ',', (i) => (i === n - 1 ? 'v' : 'v++'))})`) },
  { name: 'constant', source: (n) => program(`int k = ${chain(n, '1', '+', (i) => String(i % 5))};`, 'k') },
  { name: 'condition', source: (n) => program('', `(${chain(n, 'a', '^', (i) => String(i & 3))}) ? 11 : 22`) },
];

/** Compiles with our compiler, reading the included runtime from disk as the CLI does. */
function ours(file: string, source: string): ReturnType<typeof compile> {
  const readFile = (p: string): string | undefined => {
    const full = resolve(dirname(file), p);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  return compile({ file, source, readFile }, { output: 'bare-metal-elf' });
}

describe('10^5-operator chains compile, and run as gcc builds them', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = buildDir(`long-chains-${c.name}`);
      const src = join(dir, `${c.name}.c`);
      const huge = c.source(TERMS);
      const big = ours(src, huge);
      expect(big.diagnostics.map((d) => formatDiagnostic(d, huge))).toEqual([]);
      expect(big.ok).toBe(true);
      const source = c.source(RUN_TERMS);
      writeFileSync(src, source);
      const r = ours(src, source);
      expect(r.ok).toBe(true);
      buildWithGcc(src, join(dir, 'gcc.elf'));
      const want = runOnQemu(join(dir, 'gcc.elf'));
      const got = runOnBoard(r.elf!);
      expect(got.output).toBe(want.output);
      expect(got.exitCode).toBe(want.exitCode);
    }, HANG_GUARD_MS);
  }
});

describe('genuine nesting', () => {
  it('10^5 parentheses get one "nested too deeply" error, inside the parentheses', () => {
    const source = `int main(void)\n{\n\tint a = 1;\n\treturn ${'('.repeat(TERMS)}a${')'.repeat(TERMS)};\n}\n`;
    const r = compile({ file: 'deep.c', source }, { output: 'object' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d.message).toMatch(/nested too deeply/);
    expect(d.loc.line).toBe(4);
    expect(source.split('\n')[3][d.loc.col - 1]).toBe('(');
  }, HANG_GUARD_MS);
});
