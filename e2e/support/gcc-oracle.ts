// The oracle for C programs opened in the page: the same .c file built by
// riscv64-unknown-elf-gcc (the compiler corpus's crt0, link script, libc and
// libgcc, as tests/cc/legs.ts does) and run on qemu-system-riscv32 -M virt, and
// gcc's own diagnostics for where an error or a warning is.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CC = join(ROOT, 'tests', 'cc');
const OUT = join(ROOT, 'test-results', 'e2e-elf');
const GCC = 'riscv64-unknown-elf-gcc';
const MARCH = ['-march=rv32ima_zicsr', '-mabi=ilp32'];

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface QemuRun { lines: string[]; exitCode: number }

/** Builds a C file as a bare-metal program with gcc -O1, runs it on QEMU, returns the lines it printed and its exit status. */
export function gccOnQemu(src: string): QemuRun {
  mkdirSync(OUT, { recursive: true });
  const elf = join(OUT, `${basename(src, '.c')}.gcc.elf`);
  const libgcc = execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-print-libgcc-file-name'], { encoding: 'utf8' }).trim();
  execFileSync(GCC, [...MARCH, '-O1', '-ffreestanding', '-nostdlib', '-nostartfiles', '-Wl,--no-warn-rwx-segments',
    '-T', join(CC, 'gcc', 'link.ld'), join(CC, 'gcc', 'crt0.S'), src, join(CC, 'runtime', 'libc.c'), libgcc, '-o', elf],
  { stdio: ['ignore', 'inherit', 'inherit'] });
  const r = spawnSync('timeout', ['10', 'qemu-system-riscv32', '-M', 'virt', '-bios', 'none', '-nographic', '-no-reboot', '-kernel', elf],
    { input: '', encoding: 'utf8' });
  if (r.status === 124 || r.status === null) throw new Error(`QEMU did not finish running ${elf}`);
  const lines = r.stdout.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);
  return { lines, exitCode: r.status };
}

export interface GccDiagnostic { line: number; col: number; severity: string; message: string }

/** What gcc -Wall says about a C file, with columns in bytes (a tab is one column, as in our compiler). */
export function gccDiagnostics(src: string): GccDiagnostic[] {
  const r = spawnSync(GCC, [...MARCH, '-ffreestanding', '-fsyntax-only', '-Wall', '-fdiagnostics-column-unit=byte',
    '-fdiagnostics-plain-output', basename(src)], { cwd: dirname(src), encoding: 'utf8' });
  return r.stderr.split('\n').flatMap((l) => {
    const m = /^[^:]+:(\d+):(\d+): (error|warning): (.*)$/.exec(l);
    return m ? [{ line: Number(m[1]), col: Number(m[2]), severity: m[3], message: m[4] }] : [];
  });
}
