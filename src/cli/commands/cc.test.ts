// `paravirt cc` as a user runs it: gcc-style options and diagnostics, exit statuses,
// and a bare-metal program that QEMU runs.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runQemu } from '../../../tests/support/oracles.ts';

const BIN = resolve(__dirname, '../../../bin/paravirt.mjs');

function cc(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'cc', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('paravirt cc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-cli-'));
  mkdirSync(join(dir, 'inc'));
  writeFileSync(join(dir, 'inc', 'greet.h'), '#define GREETING "hello from " WHO "\\n"\n');
  writeFileSync(join(dir, 'hello.c'), [
    '#include "greet.h"',
    'static void put(const char *s) { while (*s) *(volatile char *)0x10000000 = *s++; }',
    'int main(void)',
    '{',
    '\tput(GREETING);',
    '\treturn EXIT;',
    '}',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'bad-out.c'), 'int main(void) { return 0; }\n');
  writeFileSync(join(dir, 'bad.c'), 'int main(void)\n{\n\tint x = 1;\n\treturn x + y;\n}\n');

  it('says in one line why it cannot read a directory or write into a missing folder', () => {
    const notC = cc([dir], dir);
    expect(notC.status).toBe(1);
    expect(notC.stderr.trim()).toBe(`paravirt cc: cannot read '${dir}': it is a directory, not a C file`);
    const noFolder = cc(['--bare-metal', 'bad-out.c', '-o', 'missing/x.elf'], dir);
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr.trim()).toBe('paravirt cc: cannot write missing/x.elf: its folder does not exist.');
  });

  it('prints its usage with --help', () => {
    const r = cc(['--help'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: paravirt cc FILE.c \[-o OUT\] \[--bare-metal\] \[-S\] \[-c\] \[-I DIR\] \[-D NAME\[=VALUE\]\]/);
  });

  it('builds a bare-metal ELF with -I and -D that QEMU runs', () => {
    const r = cc(['--bare-metal', '-I', 'inc', '-DWHO="cc"', '-D', 'EXIT=4', 'hello.c', '-o', 'hello.elf'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(runQemu(join(dir, 'hello.elf'))).toEqual({ output: 'hello from cc\n', exitCode: 4 });
  });

  it('writes assembly with the C lines interleaved with -S', () => {
    const r = cc(['-S', '-Iinc', '-DWHO="x"', '-DEXIT=0', 'hello.c', '-o', '-'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# hello.c:5: put(GREETING);');
    expect(r.stdout).toMatch(/\bcall\s+put\b/);
  });

  it('writes a relocatable module with -c (the default), named after the source', () => {
    const r = cc(['-c', '-Iinc', '-DWHO="x"', '-DEXIT=0', 'hello.c'], dir);
    expect(r.status).toBe(0);
    const bytes = readFileSync(join(dir, 'hello.o'));
    expect([...bytes.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(bytes.readUInt16LE(16)).toBe(1); // ET_REL
  });

  it('prints errors as gcc does, with the source line and a caret, and exits with 1', () => {
    const r = cc(['--bare-metal', 'bad.c'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.c:4:13: error: .*'y'/m);
    expect(r.stderr).toContain('    4 | \treturn x + y;');
    expect(r.stderr).toMatch(/\|\s+\^/);
  });

  it('accepts the flags Kbuild passes: -include, -isystem, -nostdinc, -U, -m/-f/-W/-O/-g/-std', () => {
    writeFileSync(join(dir, 'inc', 'kconfig.h'), '#define CONFIG_EXIT 0\n');
    writeFileSync(join(dir, 'kbuild.c'), '#include "greet.h"\nint main(void) { return CONFIG_EXIT; }\nint bad(void) { return nothing; }\n');
    const flags = ['-nostdinc', '-isystem', 'inc', '-include', 'inc/kconfig.h', '-DWHO="k"', '-DDROP', '-UDROP', '-mcmodel=medany',
      '-fno-common', '-mno-relax', '-O2', '-Wall', '-Wno-pointer-sign', '-fno-strict-aliasing', '-std=gnu11', '-g', '-c'];
    const r = cc([...flags, 'kbuild.c'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kbuild\.c:3:24: error: .*'nothing'/m); // lines count from the source, not the -include
    expect(r.stderr).not.toMatch(/unknown option|command-line/);
    expect(cc(['-include', 'inc/none.h', '-c', 'hello.c'], dir)).toMatchObject({ status: 1, stderr: "paravirt cc: cannot read 'inc/none.h' given to -include: no such file\n" });
  });

  it('explains a missing file and an unknown option', () => {
    expect(cc(['nope.c'], dir)).toMatchObject({ status: 1, stderr: "paravirt cc: cannot read 'nope.c': no such file\n" });
    const r = cc(['--frobnicate', 'hello.c'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--frobnicate'/);
  });
});
