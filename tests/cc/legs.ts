// The legs of the differential compiler tests: build a C program with gcc (the
// reference), with gcc -S + our assembler/linker, or with our whole compiler;
// run an ELF on QEMU or on our VirtBoard; each returns UART output and exit code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble } from '../../src/toolchain/asm/assemble.ts';
import { linkImage } from '../../src/toolchain/obj/link.ts';
import { STARTUP_ASM } from '../../src/toolchain/obj/startup.ts';
import { readRelocatable } from '../../src/toolchain/obj/elf-object.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/toolchain/diagnostics.ts';
import type { ObjectFile } from '../../src/toolchain/asm/object.ts';
import { KERNEL_C_TARGET, buildWithCorpusRuntime, gccText, libgccPath, runOnBoard as runGuestOnBoard, runQemu, type GuestRun } from '../support/oracles.ts';
import { readArchive } from './ar.ts';

export const CC_DIR = dirname(fileURLToPath(import.meta.url));
export const BUILD_DIR = join(CC_DIR, 'build');

export type RunResult = GuestRun;

export function buildDir(name: string): string {
  const d = join(BUILD_DIR, name);
  mkdirSync(d, { recursive: true });
  return d;
}

/** Reference: gcc -O1 with its own crt0 and link script. */
export function buildWithGcc(src: string, out: string): void {
  buildWithCorpusRuntime([src], out);
}

/** gcc -S output of a C file (compiled in its own directory, so __FILE__ is its base name), for
 * the target our assembler takes. */
export function gccAssembly(src: string, opt = '-O1'): string {
  return gccText([...KERNEL_C_TARGET, opt, '-ffreestanding', '-S', '-o', '-', basename(src)], { cwd: dirname(src) });
}

function fail(diags: Diagnostic[], sources: Map<string, string>): never {
  throw new Error(diags.map((d) => formatDiagnostic(d, sources.get(d.loc.file))).join('\n'));
}

/** Assembler leg: gcc -S for the program and libc.c, then our assembler, our linker, our start-up
 * file, and libgcc's members read from the archive by our ELF reader. */
export function buildWithOurAssembler(src: string, opt = '-O1'): Uint8Array {
  const diags: Diagnostic[] = [];
  const sources = new Map<string, string>([['startup.s', STARTUP_ASM]]);
  const objects: ObjectFile[] = [assemble('startup.s', STARTUP_ASM, diags)];
  for (const c of [src, join(CC_DIR, 'runtime/libc.c')]) {
    const name = `${basename(c, '.c')}.s`;
    const text = gccAssembly(c, opt);
    sources.set(name, text);
    objects.push(assemble(name, text, diags));
  }
  if (diags.length) fail(diags, sources);
  objects.push(...archiveMembersFor(objects, libgccPath()));
  const img = linkImage(objects, { entry: '_start', textBase: 0x80000000 }, diags);
  if (!img) fail(diags, sources);
  return img.elf;
}

/** Pulls the archive members that define still-undefined symbols, like ld does with a .a. */
export function archiveMembersFor(objects: ObjectFile[], archive: string): ObjectFile[] {
  const members = readArchive(new Uint8Array(readFileSync(archive))).map((m) => readRelocatable(m.data, m.name));
  const defined = new Set<string>();
  const wanted = new Set<string>();
  const note = (o: ObjectFile): void => {
    for (const s of o.symbols) {
      if (s.section !== undefined && s.binding !== 'local') defined.add(s.name);
      else if (s.section === undefined) wanted.add(s.name);
    }
  };
  objects.forEach(note);
  const pulled: ObjectFile[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const m of members) {
      if (pulled.includes(m)) continue;
      const provides = m.symbols.some((s) => s.section !== undefined && s.binding !== 'local' && wanted.has(s.name) && !defined.has(s.name));
      if (provides) { pulled.push(m); note(m); changed = true; }
    }
  }
  return pulled;
}

export function runOnQemu(elf: string): RunResult {
  return runQemu(elf);
}

/** Runs an ELF on our emulator, in process. */
export function runOnBoard(elf: Uint8Array, maxInsns = 50_000_000): RunResult {
  return runGuestOnBoard(elf, { maxInsns });
}

export function writeElf(path: string, bytes: Uint8Array): string {
  writeFileSync(path, bytes);
  return path;
}
