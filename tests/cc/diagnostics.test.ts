// Diagnostics placed where gcc places them: each case is compiled by our compiler and by
// riscv64-unknown-elf-gcc -Wall (columns in bytes, as our editor counts them), and the
// line:col of our diagnostic must be gcc's; our message must be the student-friendly one.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../src/toolchain/compile.ts';
import { KERNEL_C_TARGET } from '../support/oracles.ts';

interface Case { name: string; source: string; ours: RegExp; gcc: RegExp; severity: 'error' | 'warning' }

const REGS = 'struct StopWatch_regs { unsigned command; unsigned status; };\n';
const CASES: Case[] = [
  { name: 'implicit function declaration', severity: 'warning', source: 'int f(int c)\n{\n\treturn helper(c) + 1;\n}\n',
    ours: /implicit declaration of function 'helper'/, gcc: /implicit declaration of function 'helper'/ },
  { name: 'unused variable', severity: 'warning', source: 'int f(int c)\n{\n\tint a = 1, unused;\n\treturn a + c;\n}\n',
    ours: /unused variable 'unused'/, gcc: /unused variable 'unused'/ },
  { name: 'non-void function without return', severity: 'warning', source: 'int f(int c)\n{\n\tif (c)\n\t\treturn 1;\n}\n',
    ours: /non-void function 'f' without a 'return'/, gcc: /control reaches end of non-void function/ },
  { name: "'.' on a pointer", severity: 'error', source: `${REGS}void f(struct StopWatch_regs *regs)\n{\n\tregs.command = 1;\n}\n`,
    ours: /'regs' is a pointer to struct StopWatch_regs; use '->' instead of '\.'/, gcc: /'regs' is a pointer; did you mean to use '->'/ },
  { name: '#error', severity: 'error', source: '#define VERSION 2\n#if VERSION < 3\n  #error "version 3 or later is needed"\n#endif\nint x;\n',
    ours: /^#error "version 3 or later is needed"$/, gcc: /#error "version 3 or later is needed"/ },
  { name: 'floating point', severity: 'error', source: 'int half(int x)\n{\n\treturn x * 0.5;\n}\n',
    ours: /floating point is not available in kernel code/, gcc: /.*/ },
];

function gccDiagnostics(source: string): { line: number; col: number; severity: string; message: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'cc-diag-'));
  writeFileSync(join(dir, 'case.c'), source);
  const r = spawnSync('riscv64-unknown-elf-gcc', [...KERNEL_C_TARGET, '-Wall', '-S', '-o', '/dev/null',
    '-fdiagnostics-column-unit=byte', '-fno-diagnostics-show-caret', 'case.c'], { cwd: dir, encoding: 'utf8' });
  return [...r.stderr.matchAll(/^case\.c:(\d+):(\d+): (error|warning): (.*)$/gm)]
    .map((m) => ({ line: Number(m[1]), col: Number(m[2]), severity: m[3], message: m[4] }));
}

function placeOf(source: string, text: string): { line: number; col: number } {
  const before = source.slice(0, source.indexOf(text)).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

describe('diagnostics at gcc\'s line:col', () => {
  it.each(CASES)('$name', ({ source, ours, gcc, severity }) => {
    const r = compile({ file: 'case.c', source }, { output: 'object' });
    const mine = r.diagnostics.find((d) => ours.test(d.message));
    expect(mine, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    expect(mine?.severity).toBe(severity);
    expect(r.ok).toBe(severity !== 'error');
    // gcc accepts floating point: there the place is the literal's.
    const want = gcc.source === '.*' ? placeOf(source, '0.5') : gccDiagnostics(source).find((d) => gcc.test(d.message));
    expect(want, 'gcc reports it too').toBeDefined();
    expect({ line: mine?.loc.line, col: mine?.loc.col }).toEqual({ line: want?.line, col: want?.col });
    expect(mine?.length).toBeGreaterThan(0);
  });
});
