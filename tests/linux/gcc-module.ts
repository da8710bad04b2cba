// Builds a guest driver the way Kbuild builds a module object (gcc with the
// kernel's freestanding flags against src/guest/include) and reads back what
// the module loader will look at: symbols, .modinfo strings, sections.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { INCLUDE, REPO } from './kernel-symbols.ts';

export const BUILD = join(REPO, 'tests/linux/build');

const GCC_INCLUDE = execFileSync('riscv64-unknown-elf-gcc', ['-print-file-name=include'], { encoding: 'utf8' }).trim();

/** The flags of a Kbuild module build, for one module name. */
export function kbuildFlags(modname: string): string[] {
  return ['-march=rv32imac_zicsr', '-mabi=ilp32', '-mcmodel=medany', '-O2', '-Wall', '-Werror',
    '-nostdinc', '-isystem', GCC_INCLUDE, '-I', INCLUDE, '-D__KERNEL__', '-DMODULE',
    `-DKBUILD_MODNAME="${modname}"`, '-fno-common', '-ffreestanding', '-fno-pic', '-std=gnu11', '-c'];
}

export interface GccResult {
  status: number | null;
  /** Everything gcc printed: warnings and errors. */
  output: string;
  object: string;
}

/** Compiles `file` (a path, or '-' with `source` on stdin) into BUILD/<modname>.o;
 * with `syntaxOnly`, only checks it (no object). */
export function compileModule(file: string, modname: string, source?: string, syntaxOnly = false): GccResult {
  mkdirSync(BUILD, { recursive: true });
  const object = join(BUILD, `${modname}.o`);
  const input = source === undefined ? [file] : ['-x', 'c', '-'];
  const args = syntaxOnly ? [...kbuildFlags(modname), '-fsyntax-only', ...input] : [...kbuildFlags(modname), ...input, '-o', object];
  const r = spawnSync('riscv64-unknown-elf-gcc', args, { input: source, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, object };
}

export interface ElfSymbol {
  value: number;
  type: string;
  bind: string;
  section: string;
  name: string;
}

/** The symbol table, as readelf -s prints it. */
export function symbols(object: string): ElfSymbol[] {
  const text = execFileSync('riscv64-unknown-elf-readelf', ['-sW', object], { encoding: 'utf8' });
  const out: ElfSymbol[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || !/^\d+:$/.test(f[0])) continue;
    out.push({ value: parseInt(f[1], 16), type: f[3], bind: f[4], section: f[6], name: f[7] });
  }
  return out;
}

/** Undefined symbols: what the module needs from the kernel. */
export function undefinedSymbols(object: string): string[] {
  return symbols(object).filter((s) => s.section === 'UND' && s.name !== '').map((s) => s.name).sort();
}

/** The NUL-separated "tag=value" strings of .modinfo. */
export function modinfo(object: string): string[] {
  const bin = join(BUILD, `${basename(object, '.o')}.modinfo`);
  execFileSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', '--only-section=.modinfo', object, bin]);
  return readFileSync(bin, 'latin1').split('\0').filter((s) => s !== '');
}

/** Section index (as readelf prints it in the symbol table) to section name. */
export function sectionNames(object: string): Map<string, string> {
  const table = execFileSync('riscv64-unknown-elf-readelf', ['-SW', object], { encoding: 'utf8' });
  const out = new Map<string, string>();
  for (const m of table.matchAll(/^\s*\[\s*(\d+)\]\s+(\S+)/gm)) out.set(m[1], m[2]);
  return out;
}
