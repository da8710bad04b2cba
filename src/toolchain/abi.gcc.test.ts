// ABI interoperability with gcc (RISC-V ilp32 psABI): the same functions built by gcc
// and by our compiler call each other — 64-bit values split between a7 and the stack,
// small, odd-sized and large structs by value and as results (a struct split between a7 and
// the stack, structs after the registers run out, structs through varargs), variadic long long — and must agree.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileC, formatAll } from './cc-test-util.ts';
import { gcc as guestGcc, libgccPath, runQemu } from '../../tests/support/oracles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ABI = join(here, 'testdata/abi');
const CC = join(here, '../../tests/cc');
const BUILD = join(CC, 'build/abi');

function gcc(args: string[]): void {
  guestGcc(['-ffreestanding', '-nostdlib', '-nostartfiles', ...args]);
}

/** Our compiler to assembly, gcc's assembler to an object (isolates our code generator). */
function ours(file: string, source: string, out: string): void {
  const r = compileC(source, file, { 'abi.h': readFileSync(join(ABI, 'abi.h'), 'utf8') });
  if (r.asm === undefined) throw new Error(formatAll(r, source));
  writeFileSync(`${out}.s`, r.asm);
  gcc(['-c', `${out}.s`, '-o', out]);
}

/** Links the objects with the corpus's runtime and runs them on QEMU; what they print (main returns 0). */
function run(mainObj: string, name: string): string {
  const libgcc = libgccPath();
  const elf = join(BUILD, `${name}.elf`);
  gcc(['-T', join(CC, 'gcc/link.ld'), join(CC, 'gcc/crt0.S'), mainObj, join(BUILD, 'self.o'), join(BUILD, 'peer.o'),
    join(BUILD, 'printf.o'), join(CC, 'runtime/libc.c'), libgcc, '-o', elf]);
  const r = runQemu(elf);
  if (r.exitCode !== 0) throw new Error(`${name}.elf exited with status ${r.exitCode} on QEMU:\n${r.output}`);
  return r.output;
}

describe('calls between gcc-built and our code', () => {
  beforeAll(() => {
    mkdirSync(BUILD, { recursive: true });
    gcc(['-O1', '-DSIDE=peer', '-I', ABI, '-c', join(ABI, 'side.c'), '-o', join(BUILD, 'peer.o')]);
    gcc(['-O1', '-I', ABI, '-c', join(ABI, 'main.c'), '-o', join(BUILD, 'gccmain.o')]);
    gcc(['-O1', '-c', join(CC, 'runtime/printf.c'), '-o', join(BUILD, 'printf.o')]);
    ours('side.c', `#define SIDE self\n${readFileSync(join(ABI, 'side.c'), 'utf8')}`, join(BUILD, 'self.o'));
    ours('main.c', readFileSync(join(ABI, 'main.c'), 'utf8'), join(BUILD, 'ourmain.o'));
  });

  it('our callers get the same results from gcc callees as from ours', () => {
    const out = run(join(BUILD, 'ourmain.o'), 'ourmain').trim().split('\n');
    const peer = out.filter((l) => l.startsWith('peer ')).map((l) => l.slice(5));
    const self = out.filter((l) => l.startsWith('self ')).map((l) => l.slice(5));
    expect(peer.length).toBe(10);
    expect(self).toEqual(peer);
  });

  it('gcc callers get the same results from our callees, and print what our callers print', () => {
    const gccOut = run(join(BUILD, 'gccmain.o'), 'gccmain');
    const ourOut = run(join(BUILD, 'ourmain.o'), 'ourmain');
    expect(gccOut.length).toBeGreaterThan(0);
    expect(ourOut).toBe(gccOut);
  });
});
