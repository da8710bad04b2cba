// Every RISC-V relocation the loader applies, checked against GNU ld on an
// assembly file that uses each one (testdata/relocs.s); and the relocations
// it refuses, each with a message that says what to change.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule } from './load.ts';
import { EINVAL } from './errno.ts';
import { applyRelocateAdd } from './relocate-riscv.ts';
import { gasObject, kernelFor, ldImage, testGuest, REPO } from '../../../tests/linux/module-loader.ts';

describe('relocations against GNU ld', () => {
  it('applies each psABI relocation as ld does (testdata/relocs.s)', () => {
    const build = gasObject(readFileSync(join(REPO, 'src/guest/module/testdata/relocs.s'), 'utf8'), 'relocs');
    const kernel = kernelFor(build.object);
    const guest = testGuest(kernel);
    const r = loadModule({ name: 'relocs', object: build.bytes }, guest);
    if (!r.ok) throw new Error(r.log.join('\n'));
    const ld = ldImage(build.object, r.module, kernel.table);
    for (const s of r.module.sections.filter((x) => x.size > 0)) {
      expect(Buffer.from(guest.memory.read(s.addr, s.size)).toString('hex'), s.name).toBe(Buffer.from(ld.get(s.name)!.bytes).toString('hex'));
    }
  });
});

function refused(asm: string, name: string, extra: string[] = []): { errno: number; log: string[] } {
  const build = gasObject(asm, name, extra);
  const guest = testGuest(kernelFor(build.object));
  const r = loadModule({ name, object: build.bytes }, guest);
  expect(r.ok).toBe(false);
  expect(guest.heap.allocations).toBe(0);
  return r.ok ? { errno: 0, log: [] } : r;
}

describe('label differences', () => {
  // The psABI's SUB formulas are V - S - A; GNU ld 2.40 adds A instead (so relocs.s keeps
  // the SUB addends 0). Linux's module loader subtracts S + A, as here.
  it('subtract the symbol plus its addend', () => {
    const bytes = Uint8Array.of(0x12, 0xc5);
    const why = applyRelocateAdd({ name: '.data', bytes, addr: 0x1000 }, [
      { offset: 0, type: 37, sym: 1, addend: 1 }, { offset: 1, type: 52, sym: 1, addend: 1 }],
    { value: () => 0x10000010, name: () => 'x' });
    expect(why).toBeUndefined();
    expect([...bytes]).toEqual([(0x12 - 0x11) & 0xff, 0xc0 | ((0x05 - 0x11) & 0x3f)]);
  });
});

describe('relocations the loader refuses', () => {
  it('an R_RISCV_ALIGN that needs code removed, telling to build with -mno-relax', () => {
    const r = refused('  .option relax\n  .text\n  lui a0, 0x12345\n  .balign 16\n  ret\n', 'align');
    expect(r.errno).toBe(-EINVAL);
    expect(r.log.at(-1)).toMatch(/^align: R_RISCV_ALIGN at \.text\+0x4 needs the linker to remove \d+ bytes of padding.*-mno-relax$/);
  });

  it('but loads the same code assembled with -mno-relax', () => {
    const build = gasObject('  .option norelax\n  .text\n  nop\n  .balign 16\n  ret\n', 'noalign');
    expect(loadModule({ name: 'noalign', object: build.bytes }, testGuest(kernelFor(build.object))).ok).toBe(true);
  });

  it('thread-local storage, naming the relocation', () => {
    const r = refused('  .text\n  lui a0, %tprel_hi(tls)\n', 'tls');
    expect(r.log.at(-1)).toMatch(/^tls: R_RISCV_TPREL_HI20 \(thread-local storage.*\(at \.text\+0x0\)$/);
  });

  it('GOT references from position-independent code, telling to build with -fno-pic', () => {
    const r = refused('  .option pic\n  .text\n  la a0, ext\n', 'pic');
    expect(r.log.at(-1)).toMatch(/R_RISCV_GOT_HI20 .*-fno-pic/);
  });

  it('a branch that cannot reach its target', () => {
    const r = refused('  .text\n  .reloc ., R_RISCV_BRANCH, far\n  .4byte 0x00b50063\n  .section .text.far,"ax"\n  .space 8192\nfar: ret\n', 'far');
    expect(r.log.at(-1)).toMatch(/^far: R_RISCV_BRANCH: branch at \.text\+0x0 cannot reach its target \d+ bytes away \(the limit is ±4096\)$/);
  });
});
