// Test helpers for the module loader: gcc builds of the guest drivers (the
// Kbuild flags of tests/linux), a board-less guest (RAM array, heap, a kernel
// symbol table of stub addresses), and GNU ld linking the same object at the
// addresses the loader chose, as the oracle for relocation.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kbuildFlags, undefinedSymbols } from './gcc-module.ts';
import { REPO } from './kernel-symbols.ts';
import { readElf, SHF_ALLOC, SHT_NOBITS } from '../../src/toolchain/obj/elf.ts';

const SHF_MERGE = 0x10;
import { ArrayGuestMemory } from '../../src/guest/mm/guest-memory.ts';
import { FirstFitHeap } from '../../src/guest/mm/heap.ts';
import type { KernelSymbolTable } from '../../src/guest/module/ksymtab.ts';
import type { LoaderEnv } from '../../src/guest/module/load.ts';
import type { Module } from '../../src/guest/module/module.ts';

export { REPO };
export const WORK = mkdtempSync(join(tmpdir(), 'modload-'));

export const RAM_BASE = 0x80000000;
export const HEAP_BASE = 0x80400000;
export const HEAP_SIZE = 0x400000;
/** Kernel services live at unmapped addresses (the kernel's stubs trap there). */
export const STUB_BASE = 0x10000000;

export interface Build { object: string; bytes: Uint8Array }

/** gcc -c with the Kbuild flags, `-march` replaced and `extra` flags added. */
export function gccModule(source: string, modname: string, march = 'rv32imac_zicsr', extra: string[] = [], tag = ''): Build {
  const object = join(WORK, `${modname}${tag}.o`);
  const flags = kbuildFlags(modname).map((f) => (f.startsWith('-march=') ? `-march=${march}` : f));
  const isFile = !source.includes('\n');
  const r = spawnSync('riscv64-unknown-elf-gcc', [...flags, ...extra, ...(isFile ? [source] : ['-x', 'c', '-']), '-o', object],
    { input: isFile ? undefined : source, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc failed for ${modname}:\n${r.stderr}`);
  return { object, bytes: new Uint8Array(readFileSync(object)) };
}

/** Assembles a .s file into an object. */
export function gasObject(asm: string, name: string, extra: string[] = []): Build {
  const src = join(WORK, `${name}.s`), object = join(WORK, `${name}.o`);
  writeFileSync(src, asm);
  execFileSync('riscv64-unknown-elf-as', ['-march=rv32imac_zicsr', '-mabi=ilp32', ...extra, src, '-o', object]);
  return { object, bytes: new Uint8Array(readFileSync(object)) };
}

/** A kernel that exports exactly the object's undefined symbols (but __this_module), at stub addresses. */
export function stubKernel(names: string[], gplOnly: string[] = []): KernelSymbolTable & { table: Map<string, number> } {
  const table = new Map(names.filter((n) => n !== '__this_module').map((n, i) => [n, STUB_BASE + 0x10 * i]));
  return { table, lookup: (n) => (table.has(n) ? { address: table.get(n)!, gplOnly: gplOnly.includes(n) } : undefined) };
}

export function kernelFor(object: string): ReturnType<typeof stubKernel> {
  return stubKernel(undefinedSymbols(object));
}

export interface TestGuest extends LoaderEnv {
  memory: ArrayGuestMemory;
  heap: FirstFitHeap;
  modules: Module[];
}

export function testGuest(kernel: KernelSymbolTable): TestGuest {
  return { memory: new ArrayGuestMemory(RAM_BASE, 0x1000000), heap: new FirstFitHeap(HEAP_BASE, HEAP_SIZE), kernel, modules: [], kernelTaints: new Set() };
}

/** A copy of `object` whose mergeable string sections are plain data: ld would merge their
 * strings (and move them), while a module is loaded as the object has it. */
function unmerged(object: string): string {
  const elf = readElf(new Uint8Array(readFileSync(object)));
  const merge = elf.sections.filter((s) => s.flags & SHF_MERGE && s.flags & SHF_ALLOC);
  if (!merge.length) return object;
  const copy = object.replace(/\.o$/, '.nomerge.o');
  execFileSync('riscv64-unknown-elf-objcopy', [...merge.flatMap((s) => ['--set-section-flags',
    `${s.name}=alloc,load,readonly,data,contents`]), object, copy]);
  return copy;
}

/** GNU ld's image of `object` with every loaded section at the loader's address and the kernel's
 * symbols defined: output section name → bytes (zeros for NOBITS). */
export function ldImage(object: string, mod: Module, kernel: Map<string, number>): Map<string, { addr: number; bytes: Uint8Array }> {
  const script = ['SECTIONS {', ...mod.sections.map((s, i) => `  s${i} 0x${s.addr.toString(16)} : { *("${s.name}") }`),
    '  /DISCARD/ : { *(.modinfo) *(__versions) }', '}'].join('\n');
  const lds = join(WORK, `${mod.name}.lds`), out = join(WORK, `${mod.name}.ld.out`);
  writeFileSync(lds, script);
  const defs = [...kernel, ['__this_module', mod.structAddr] as const].flatMap(([n, a]) => ['--defsym', `${n}=0x${a.toString(16)}`]);
  execFileSync('riscv64-unknown-elf-ld', ['-m', 'elf32lriscv', '--no-relax', '--no-warn-rwx-segments', '-T', lds, unmerged(object), '-o', out, ...defs], { encoding: 'utf8' });
  const elf = readElf(new Uint8Array(readFileSync(out)));
  const map = new Map<string, { addr: number; bytes: Uint8Array }>();
  mod.sections.forEach((s, i) => {
    const o = elf.sections.find((x) => x.name === `s${i}`);
    if (!o) return;
    map.set(s.name, { addr: o.addr, bytes: o.type === SHT_NOBITS ? new Uint8Array(o.size) : o.data });
  });
  return map;
}
