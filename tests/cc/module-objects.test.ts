// Module objects: every tests/cc/modules/*.c (Linux module idioms: init/exit aliases, .modinfo,
// parameters, sections, const data) compiled by `riscv64-unknown-elf-gcc -O2 -c` and by our
// compiler (`paravirt cc -c`) must give a module loader the same thing: the same symbols with the
// same nm types and bindings, the same data sections (name, flags, size, alignment) and the same
// bytes in them. Code differs (only .text's flags are compared), as do gcc's merged string pools.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../src/toolchain/compile.ts';
import { formatDiagnostic } from '../../src/toolchain/diagnostics.ts';
import { CC_DIR, buildDir, writeElf } from './legs.ts';

const MODULES = join(CC_DIR, 'modules');
const sources = readdirSync(MODULES).filter((f) => f.endsWith('.c')).sort();

function gccObject(name: string, out: string): string {
  execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32ima_zicsr', '-mabi=ilp32', '-O2', '-c', name, '-o', out], { cwd: MODULES, stdio: ['ignore', 'pipe', 'pipe'] });
  return out;
}

function ourObject(name: string, out: string): string {
  const source = readFileSync(join(MODULES, name), 'utf8');
  const r = compile({ file: name, source }, { output: 'object' });
  if (!r.ok || !r.objectBytes) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d, source)).join('\n'));
  return writeElf(out, r.objectBytes);
}

/** nm's view: "name type [value]"; code addresses are left out (the code differs). */
function symbols(obj: string): string[] {
  const nm = execFileSync('riscv64-unknown-elf-nm', [obj], { encoding: 'utf8' });
  return nm.trim().split('\n').map((l) => {
    const [value, type, name] = l.trim().length > 0 && l.startsWith(' ') ? ['', ...l.trim().split(/\s+/)] : l.trim().split(/\s+/);
    return /[tTU]/.test(type) ? `${name} ${type}` : `${name} ${type} ${value}`;
  }).sort();
}

interface SectionInfo { name: string; flags: string; size: number; align: number }

/** readelf -S's allocated sections with contents, by name. */
function sections(obj: string): Map<string, SectionInfo> {
  const out = execFileSync('riscv64-unknown-elf-readelf', ['-S', '-W', obj], { encoding: 'utf8' });
  const map = new Map<string, SectionInfo>();
  for (const m of out.matchAll(/^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([A-Z]*)\s+\d+\s+\d+\s+(\d+)$/gm)) {
    const [, name, , size, flags, align] = m;
    if (!flags.includes('A') || parseInt(size, 16) === 0) continue;
    map.set(name, { name, flags: flags.replace(/[MS]/g, ''), size: parseInt(size, 16), align: Number(align) });
  }
  return map;
}

function contents(obj: string, section: string): string {
  const out = `${obj}${section}.bin`;
  execFileSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', '-j', section, obj, out]);
  return readFileSync(out).toString('hex');
}

const isCode = (name: string): boolean => name === '.text' || name.startsWith('.text.') || /^\.rodata\.str/.test(name);

describe.each(sources)('%s', (name) => {
  const dir = buildDir(`module-${name.replace(/\.c$/, '')}`);
  const gcc = (): string => gccObject(name, join(dir, 'gcc.o'));
  const ours = (): string => ourObject(name, join(dir, 'ours.o'));

  it('has the symbols gcc -c gives it (nm types, data addresses)', () => {
    expect(symbols(ours())).toEqual(symbols(gcc()));
  });

  it('places its data in the sections gcc does, byte for byte', () => {
    const want = sections(gcc()), got = sections(ours());
    for (const [sec, info] of want) {
      if (isCode(sec)) { expect(got.get(sec)?.flags, `${sec} flags`).toBe(info.flags); continue; }
      expect(got.get(sec), `section ${sec}`).toEqual(info);
      expect(contents(join(dir, 'ours.o'), sec), `${sec} bytes`).toBe(contents(join(dir, 'gcc.o'), sec));
    }
    const extra = [...got.keys()].filter((s) => !want.has(s) && !isCode(s));
    expect(extra, 'sections gcc does not make').toEqual([]);
  });
});
