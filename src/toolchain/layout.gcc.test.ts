// Differential test of type layout and constant expressions against gcc: both
// compile testdata/layout.c; every word of its `layout` array must match.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileC, dataWords, errorsOf, formatAll, globalNamed } from './cc-test-util.ts';
import { KERNEL_C_TARGET } from '../../tests/support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, 'testdata/layout.c');

function gccWords(label: string, src = SRC): number[] {
  const asm = execFileSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-ffreestanding', '-S', '-o', '-', src], { encoding: 'utf8' });
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

/** Random structs and unions (bit-fields, zero-width fields, arrays, nesting, packed,
 * aligned members) from a fixed seed, with their sizes, alignments and offsets. */
function randomLayouts(seed: number, count: number): string {
  let state = seed;
  const rnd = (n: number): number => { state = (state * 1103515245 + 12345) % 2147483648; return Math.floor((state / 2147483648) * n); };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
  const bits: Record<string, number> = { 'char': 8, 'signed char': 8, 'unsigned char': 8, 'short': 16, 'unsigned short': 16,
    'int': 32, 'unsigned': 32, 'long': 32, 'unsigned long': 32, 'long long': 64, 'unsigned long long': 64, '_Bool': 1 };
  const types = [...Object.keys(bits), 'void *'];
  const defs: string[] = [], words: string[] = [];
  for (let s = 0; s < count; s++) {
    const members: string[] = [];
    for (let m = 0, n = 1 + rnd(6); m < n; m++) {
      const t = pick(types), r = rnd(100);
      if (t in bits && r < 35) { members.push(`${t} m${m} : ${1 + rnd(bits[t])};`); if (r < 4) members.push(`${t} : 0;`); continue; }
      if (s > 0 && r < 50) members.push(`struct s${rnd(s)} m${m};`);
      else if (r < 60) members.push(`${t} m${m}[${1 + rnd(4)}];`);
      else if (r < 66 && t !== 'void *') members.push(`${t} m${m} __attribute__((aligned(${pick([1, 2, 4, 8, 16])})));`);
      else members.push(`${t} m${m};`);
      if (!members[members.length - 1].includes(':')) words.push(`offsetof(struct s${s}, x.m${m})`);
    }
    const kind = rnd(3) === 0 ? 'union' : 'struct';
    const packed = rnd(5) === 0 ? ' __attribute__((packed))' : '';
    defs.push(`${kind}${packed} u${s} { int always; ${members.join(' ')} };`, `struct s${s} { ${kind} u${s} x; };`);
    words.push(`sizeof(struct s${s})`, `_Alignof(struct s${s})`);
  }
  return `#include <stddef.h>\n${defs.join('\n')}\nunsigned layout[] = { ${words.join(', ')} };\n`;
}

describe('random struct layouts agree with gcc', () => {
  it.each([1, 2, 3])('seed %i', (seed) => {
    const source = randomLayouts(seed, 50);
    const dir = join(here, '../../tests/cc/build/layout');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `random-${seed}.c`);
    writeFileSync(file, source);
    const r = compileC(source, 'random.c');
    expect(errorsOf(r), formatAll(r, source)).toEqual([]);
    expect(dataWords(globalNamed(r.tu, 'layout'))).toEqual(gccWords('layout', file));
  });
});
