// Differential tests of the kernel-C toolchain: every tests/cc/corpus/*.c program must
// print the same bytes and exit with the same status when built by
//   1. riscv64-unknown-elf-gcc -O1 (the reference), run on QEMU;
//   2. gcc -S + our assembler, linker and start-up file, run on QEMU and on our VirtBoard;
//   3. our whole compiler (compile(), as `paravirt cc --bare-metal`), run on our VirtBoard and on QEMU.
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { compile } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';
import { CC_DIR, buildDir, buildWithGcc, buildWithOurAssembler, runOnQemu, runOnBoard, writeElf, type RunResult } from './legs.ts';

const CORPUS = join(CC_DIR, 'corpus');
const programs = readdirSync(CORPUS).filter((f) => f.endsWith('.c')).sort();

/** Reads include files from disk, as the CLI does. */
function diskReader(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function compileWithOurs(src: string): Uint8Array {
  const file = src.slice(CORPUS.length + 1);
  const source = readFileSync(src, 'utf8');
  // Like gcc run in the corpus directory: "…" includes resolve from there.
  const r = compile({ file, source, readFile: (p) => diskReader(resolve(dirname(src), p)) }, { output: 'bare-metal-elf' });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.ok || !r.elf) throw new Error(`our compiler rejected ${file}:\n${errors.map((d) => formatDiagnostic(d, source)).join('\n')}`);
  return r.elf;
}

function same(what: string, got: RunResult, want: RunResult): void {
  expect(got.output, `${what}: output`).toBe(want.output);
  expect(got.exitCode, `${what}: exit code`).toBe(want.exitCode);
}

describe.each(programs)('%s', (name) => {
  const src = join(CORPUS, name);
  const dir = buildDir(name.replace(/\.c$/, ''));
  let reference: RunResult;

  beforeAll(() => {
    buildWithGcc(src, join(dir, 'gcc.elf'));
    reference = runOnQemu(join(dir, 'gcc.elf'));
    expect(reference.output.length).toBeGreaterThan(0);
  });

  it('gcc -S + our assembler and linker: same output on QEMU and on our board', () => {
    const elf = buildWithOurAssembler(src);
    same('QEMU', runOnQemu(writeElf(join(dir, 'our-as.elf'), elf)), reference);
    same('VirtBoard', runOnBoard(elf), reference);
  });

  it('our compiler (paravirt cc --bare-metal): same output on our board and on QEMU', () => {
    const elf = compileWithOurs(src);
    same('VirtBoard', runOnBoard(elf), reference);
    same('QEMU', runOnQemu(writeElf(join(dir, 'our-cc.elf'), elf)), reference);
  });
});
