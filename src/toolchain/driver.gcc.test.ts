// A Linux platform driver for the stopwatch (stub Linux headers in
// testdata/driver): gcc -Wall and our compiler must both accept it silently, and our
// object must define and import the same global symbols as gcc's.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileC, formatAll } from './cc-test-util.ts';
import { KERNEL_C_TARGET } from '../../tests/support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DRV = join(here, 'testdata/driver');
const BUILD = join(here, '../../tests/cc/build/driver');
const GCC = [...KERNEL_C_TARGET, '-ffreestanding'];

function globalSymbols(obj: string): string[] {
  const nm = execFileSync('riscv64-unknown-elf-nm', [obj], { encoding: 'utf8' });
  return nm.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 2)
    .map((f) => `${f[f.length - 2]} ${f[f.length - 1]}`).filter((s) => /^[A-Z] /.test(s)).sort();
}

describe('a Linux platform driver', () => {
  it('compiles without diagnostics and exports/imports what gcc does', () => {
    mkdirSync(BUILD, { recursive: true });
    const gccObj = join(BUILD, 'gcc.o');
    const gccOut = execFileSync('riscv64-unknown-elf-gcc', [...GCC, '-Wall', '-c', join(DRV, 'stopwatch.c'), '-o', gccObj], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(gccOut).toBe('');
    const source = readFileSync(join(DRV, 'stopwatch.c'), 'utf8');
    const r = compileC(source, 'stopwatch.c', { 'linux/kernel-stub.h': readFileSync(join(DRV, 'linux/kernel-stub.h'), 'utf8') });
    expect(r.diags, formatAll(r, source)).toEqual([]);
    writeFileSync(join(BUILD, 'ours.s'), r.asm ?? '');
    execFileSync('riscv64-unknown-elf-gcc', [...GCC, '-c', join(BUILD, 'ours.s'), '-o', join(BUILD, 'ours.o')]);
    expect(globalSymbols(join(BUILD, 'ours.o'))).toEqual(globalSymbols(gccObj));
  });
});
