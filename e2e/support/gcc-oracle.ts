// The oracle for C programs opened in the page: the same .c file built by
// riscv64-unknown-elf-gcc (the compiler corpus's crt0, link script, libc and
// libgcc, as tests/cc/legs.ts does) and run on qemu-system-riscv32 -M virt, and
// gcc's own diagnostics for where an error or a warning is. Both come from
// tests/support/oracles.ts.

import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { KERNEL_C_TARGET, buildWithCorpusRuntime, gccRaw, runQemu } from '../../tests/support/oracles.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'test-results', 'e2e-elf');

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface QemuRun { lines: string[]; exitCode: number }

/** Builds a C file as a bare-metal program with gcc -O1, runs it on QEMU, returns the lines it printed and its exit status. */
export function gccOnQemu(src: string): QemuRun {
  mkdirSync(OUT, { recursive: true });
  const elf = buildWithCorpusRuntime([src], join(OUT, `${basename(src, '.c')}.gcc.elf`));
  const r = runQemu(elf, { input: '' });
  const lines = r.output.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);
  return { lines, exitCode: r.exitCode };
}

export interface GccDiagnostic { line: number; col: number; severity: string; message: string }

/** What gcc -Wall says about a C file, with columns in bytes (a tab is one column, as in our compiler). */
export function gccDiagnostics(src: string): GccDiagnostic[] {
  const r = gccRaw([...KERNEL_C_TARGET, '-ffreestanding', '-fsyntax-only', '-Wall', '-fdiagnostics-column-unit=byte',
    '-fdiagnostics-plain-output', basename(src)], { cwd: dirname(src) });
  return r.stderr.split('\n').flatMap((l) => {
    const m = /^[^:]+:(\d+):(\d+): (error|warning): (.*)$/.exec(l);
    return m ? [{ line: Number(m[1]), col: Number(m[2]), severity: m[3], message: m[4] }] : [];
  });
}
