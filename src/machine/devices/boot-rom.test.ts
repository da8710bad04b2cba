import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BootRom, fdtLoadAddress, resetVectorWords } from './boot-rom.ts';

describe('BootRom', () => {
  it('puts the DTB where QEMU 7.2 does: top of RAM, aligned down to 2 MiB', () => {
    expect(fdtLoadAddress(0x8000_0000, 128 << 20, 0x1000)).toBe(0x87e0_0000);
    expect(fdtLoadAddress(0x8000_0000, 2048 * 1024 * 1024, 0x1000)).toBe(0xbfe0_0000); // capped at 3 GiB
  });

  it('reset vector disassembles to the instructions QEMU uses (objdump oracle)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bootrom-'));
    const bin = join(dir, 'rom.bin');
    const words = resetVectorWords(0x8000_0000, 0x87e0_0000).slice(0, 6);
    const bytes = new Uint8Array(new Uint32Array(words).buffer);
    writeFileSync(bin, bytes);
    const out = execFileSync('riscv64-unknown-elf-objdump', ['-D', '-b', 'binary', '-m', 'riscv:rv32', '-M', 'no-aliases', bin], { encoding: 'utf8' });
    const insns = out.split('\n').filter((l) => /^\s+[0-9a-f]+:\t/.test(l)).map((l) => l.split('\t').slice(2).join(' ').replace(/#.*/, '').replace(/\s+/g, ' ').trim());
    expect(insns).toEqual(['auipc t0,0x0', 'addi a2,t0,40', 'csrrs a0,mhartid,zero', 'lw a1,32(t0)', 'lw t0,24(t0)', 'jalr zero,0(t0)']);
  });

  it('holds the start and DTB addresses where the vector loads them', () => {
    const rom = new BootRom();
    rom.program(0x8000_0040, 0x87e0_0000);
    const view = new DataView(rom.region.bytes.buffer);
    expect(view.getUint32(24, true)).toBe(0x8000_0040);
    expect(view.getUint32(32, true)).toBe(0x87e0_0000);
    expect(view.getUint32(40, true)).toBe(0x4942_534f);
  });
});
