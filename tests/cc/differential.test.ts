// Differential tests of the kernel-C toolchain: every tests/cc/corpus/*.c program must
// print the same bytes and exit with the same status when built by
//   1. riscv64-unknown-elf-gcc -O1 (the reference), run on QEMU;
//   2. gcc -S (-O1, and -O2 for more varied assembly) + our assembler, linker and start-up file,
//      run on QEMU and on our VirtBoard;
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

/** Builds once, on first use (a failing build fails each test that needs it). */
function once<T>(build: () => T): () => T {
  let value: { ok: T } | { err: unknown } | undefined;
  return () => {
    value ??= (() => { try { return { ok: build() }; } catch (err) { return { err }; } })();
    if ('err' in value) throw value.err;
    return value.ok;
  };
}

describe.each(programs)('%s', (name) => {
  const src = join(CORPUS, name);
  const dir = buildDir(name.replace(/\.c$/, ''));
  let reference: RunResult;
  const ourAs = once(() => buildWithOurAssembler(src));
  const ourCc = once(() => compileWithOurs(src));

  beforeAll(() => {
    buildWithGcc(src, join(dir, 'gcc.elf'));
    reference = runOnQemu(join(dir, 'gcc.elf'));
    expect(reference.output.length).toBeGreaterThan(0);
  });

  it('gcc -S + our assembler and linker, on QEMU', () => {
    same('QEMU', runOnQemu(writeElf(join(dir, 'our-as.elf'), ourAs())), reference);
  });

  it('gcc -S + our assembler and linker, on our VirtBoard', () => {
    same('VirtBoard', runOnBoard(ourAs()), reference);
  });

  it('gcc -O2 -S + our assembler and linker, on QEMU', () => {
    same('QEMU', runOnQemu(writeElf(join(dir, 'our-as-O2.elf'), buildWithOurAssembler(src, '-O2'))), reference);
  });

  it('our compiler (paravirt cc --bare-metal), on QEMU', () => {
    same('QEMU', runOnQemu(writeElf(join(dir, 'our-cc.elf'), ourCc())), reference);
  });

  it('our compiler (paravirt cc --bare-metal), on our VirtBoard', () => {
    same('VirtBoard', runOnBoard(ourCc()), reference);
  });
});
