// Differential test of type layout and constant expressions against gcc: both
// compile testdata/layout.c; every word of its `layout` array must match.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileC, dataWords, errorsOf, formatAll, globalNamed } from './cc-test-util.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, 'testdata/layout.c');

function gccWords(label: string): number[] {
  const asm = execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32ima_zicsr', '-mabi=ilp32', '-ffreestanding', '-S', '-o', '-', SRC], { encoding: 'utf8' });
  const lines = asm.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${label}:`);
  const words: number[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^\s*\.word\s+(-?\d+)/.exec(l);
    if (!m) break;
    words.push(Number(m[1]) >>> 0);
  }
  return words;
}

describe('layout and constant expressions agree with gcc', () => {
  it('every word of layout[] in testdata/layout.c', () => {
    const source = readFileSync(SRC, 'utf8');
    const r = compileC(source, 'layout.c');
    expect(errorsOf(r), formatAll(r, source)).toEqual([]);
    const want = gccWords('layout');
    expect(want.length).toBeGreaterThan(50);
    expect(dataWords(globalNamed(r.tu, 'layout'))).toEqual(want);
  });
});
