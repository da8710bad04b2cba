// The six guest drivers (the article's stopwatch driver, the misc-device stopwatch and the
// four idiom drivers) compiled UNMODIFIED against src/guest/include twice: by gcc with
// Kbuild's flags (the oracle) and by kernel-C into a module object. Both builds must ask
// the kernel for the same symbols (nm -u), so a module kernel-C builds links against the
// same kernel as gcc's; and objdump -dl on kernel-C's object names the driver's C lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compile } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';
import { BUILD, compileModule, undefinedSymbols } from './gcc-module.ts';
import { INCLUDE, REPO } from './kernel-symbols.ts';

const DRIVERS = [
  'src/guest/drivers/stopwatch/stopwatch.c',
  'src/guest/drivers/stopwatch-misc/stopwatch_misc.c',
  'tests/linux/idioms/misc_copy.c',
  'tests/linux/idioms/timer_work.c',
  'tests/linux/idioms/list_entries.c',
  'tests/linux/idioms/platform_sysfs.c',
];

/** kernel-C's build of a driver, as `paravirt cc -c -I src/guest/include -D__KERNEL__ -DMODULE` makes it. */
function kernelCModule(path: string, modname: string): string {
  const file = join(REPO, path);
  const source = readFileSync(file, 'utf8');
  const r = compile({
    file, source, includeDirs: [INCLUDE],
    defines: { __KERNEL__: '1', MODULE: '1', KBUILD_MODNAME: `"${modname}"` },
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
  }, { output: 'object' });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => formatDiagnostic(d, d.loc.file === file ? source : undefined)).join('\n'));
  const object = join(BUILD, `${modname}.kernel-c.o`);
  writeFileSync(object, r.objectBytes!);
  return object;
}

describe.each(DRIVERS)('%s built by gcc and by kernel-C', (path) => {
  const modname = basename(path, '.c');
  let gcc: string, ours: string;
  beforeAll(() => {
    const g = compileModule(join(REPO, path), modname);
    expect(g.output + String(g.status)).toBe('0');
    gcc = g.object;
    ours = kernelCModule(path, modname);
  });

  it('needs the same kernel symbols from both builds (nm -u)', () => {
    expect(undefinedSymbols(ours)).toEqual(undefinedSymbols(gcc));
  });

  it("shows the driver's C lines in objdump -dl of kernel-C's object", () => {
    const listing = execFileSync('riscv64-unknown-elf-objdump', ['-dl', ours], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const source = readFileSync(join(REPO, path), 'utf8').split('\n');
    const shown = [...listing.matchAll(new RegExp(`^\\S*${basename(path).replace('.', '\\.')}:(\\d+)`, 'gm'))].map((m) => Number(m[1]));
    expect(shown.length).toBeGreaterThan(10);
    // Every line named holds C code of the driver (not a blank line or a comment line).
    const comment = /^\s*($|\/\/|\/\*|\*(\s|\/|$))/;
    for (const n of shown) expect(source[n - 1] ?? '', `line ${n}`).not.toMatch(comment);
    expect(listing).toMatch(/Disassembly of section \.init\.text/);
  });
});
