import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ElfLoadError, parseElf } from './elf-loader.ts';

const inRam = [{ base: 0x8000_0000, size: 0x800_0000 }];

/** A minimal ELF32 RISC-V executable: one PT_LOAD of `code` at `addr`, memsz = filesz + bss. */
function makeElf(code: number[], addr = 0x8000_0000, bss = 0, patch: (v: DataView) => void = () => {}): Uint8Array {
  const image = new Uint8Array(52 + 32 + code.length);
  const v = new DataView(image.buffer);
  image.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, 243, true); // EM_RISCV
  v.setUint32(20, 1, true);
  v.setUint32(24, addr, true);
  v.setUint32(28, 52, true);
  v.setUint16(40, 52, true);
  v.setUint16(42, 32, true);
  v.setUint16(44, 1, true);
  v.setUint32(52, 1, true); // PT_LOAD
  v.setUint32(56, 84, true);
  v.setUint32(60, addr, true);
  v.setUint32(64, addr, true);
  v.setUint32(68, code.length, true);
  v.setUint32(72, code.length + bss, true);
  image.set(code, 84);
  patch(v);
  return image;
}

function messageOf(image: Uint8Array): string {
  try {
    parseElf(image, 'x.elf', inRam);
  } catch (e) {
    if (e instanceof ElfLoadError) return e.message;
    throw e;
  }
  return '';
}

describe('parseElf', () => {
  it('reads the entry and PT_LOAD segments with their zero-filled tail', () => {
    const elf = parseElf(makeElf([0x13, 0, 0, 0], 0x8000_0000, 12), 'x.elf', inRam);
    expect(elf.entry).toBe(0x8000_0000);
    expect(elf.segments).toHaveLength(1);
    expect([...elf.segments[0].data]).toEqual([0x13, 0, 0, 0]);
    expect(elf.segments[0].memSize).toBe(16);
  });

  it('clips a segment that hangs below RAM only with its ELF headers (ld -Ttext)', () => {
    const elf = makeElf([0x13, 0, 0, 0], 0x8000_0000 - 84, 0, (v) => {
      v.setUint32(56, 0, true); // the segment starts at file offset 0: headers, then code
      v.setUint32(68, 88, true);
      v.setUint32(72, 88, true);
    });
    const image = parseElf(elf, 'x.elf', inRam);
    expect(image.segments[0].addr).toBe(0x8000_0000);
    expect([...image.segments[0].data]).toEqual([0x13, 0, 0, 0]);
    const code = makeElf([0x13, 0, 0, 0], 0x8000_0000 - 2);
    expect(messageOf(code)).toMatch(/segment 0 \(0x7ffffffe\.\.0x80000002\) lies outside RAM and ROM/);
  });

  it('tells a student what is wrong, in one sentence naming the file', () => {
    expect(messageOf(new TextEncoder().encode('#!/bin/sh\necho hi\n'))).toBe("x.elf is not an ELF file: it does not start with 0x7f 'ELF'.");
    expect(messageOf(makeElf([], 0x8000_0000, 0, (v) => v.setUint8(4, 2)))).toMatch(/64-bit ELF file.*rv32imac_zicsr/);
    expect(messageOf(makeElf([], 0x8000_0000, 0, (v) => v.setUint16(18, 62, true)))).toMatch(/another machine \(e_machine 62\), not RISC-V/);
    expect(messageOf(makeElf([], 0x8000_0000, 0, (v) => v.setUint16(16, 1, true)))).toMatch(/relocatable object.*not an executable/);
    expect(messageOf(makeElf([1, 2, 3, 4]).subarray(0, 86))).toMatch(/truncated: segment 0/);
    expect(messageOf(makeElf([1, 2, 3, 4], 0x1000_0000))).toMatch(/segment 0 \(0x10000000\.\.0x10000004\) lies outside RAM and ROM/);
    for (const m of [messageOf(new Uint8Array([0x7f, 0x45]))]) expect(m.split('. ').length).toBe(1);
  });

  it('never throws anything but ElfLoadError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      messageOf(bytes);
    }), { numRuns: 2000 });
  });

  it('never throws anything but ElfLoadError on a mutated or cut executable', () => {
    const base = makeElf([0x13, 0, 0, 0, 0x73, 0, 0x10, 0], 0x8000_0000, 8);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.nat(base.length),
      (edits, cut) => {
        const image = base.slice(0, Math.max(cut, 1));
        for (const [at, value] of edits) if (at < image.length) image[at] = value;
        messageOf(image);
      },
    ), { numRuns: 3000 });
  });
});
