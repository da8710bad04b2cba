// The linker and the ELF writer/reader, checked against binutils: our EXEC images
// are read by readelf/objdump/nm as we meant them, our REL objects link with GNU ld
// and run on QEMU, and link errors read like ld's.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../asm/assemble.ts';
import { link, linkImage, LinkError } from './link.ts';
import { STARTUP_ASM } from './startup.ts';
import { writeRelocatable, readRelocatable } from './elf-object.ts';
import { executableLines } from './dwarf-line-read.ts';
import { readElf, readSymbols, ET_EXEC } from './elf.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ObjectFile } from '../asm/object.ts';
import { KERNEL_C_TARGET, gccText, runQemu } from '../../../tests/support/oracles.ts';

const MAIN_S = `
	.file 1 "prog.c"
	.text
	.globl main
	.type main, @function
main:
	.loc 1 10 5
	addi sp, sp, -16
	sw ra, 12(sp)
	.loc 1 11 3
	lui a0, %hi(message)
	addi a0, a0, %lo(message)
	call print
	.loc 1 12 3
	la a1, counter
	lw a0, 0(a1)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret
	.size main, .-main
	.globl print
	.type print, @function
print:
	li t0, 0x10000000
1:	lbu t1, 0(a0)
	beqz t1, 2f
	sb t1, 0(t0)
	addi a0, a0, 1
	j 1b
2:	ret
	.size print, .-print
	.section .rodata
message: .string "linked by paravirt\\n"
	.data
	.globl counter
	.type counter, @object
	.size counter, 4
counter: .word 7
	.bss
scratch: .zero 64
`;

function asm(file: string, text: string): ObjectFile {
  const diags: Diagnostic[] = [];
  const obj = assemble(file, text, diags);
  expect(diags.map((d) => d.message)).toEqual([]);
  return obj;
}

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('linker and ELF files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-'));
  const objects = [asm('startup.s', STARTUP_ASM), asm('prog.s', MAIN_S)];

  it('writes an EXEC image that readelf, nm and objdump read, and QEMU runs', () => {
    const diags: Diagnostic[] = [];
    const img = linkImage(objects, { entry: '_start', textBase: 0x80000000 }, diags)!;
    expect(diags).toEqual([]);
    const path = join(dir, 'prog.elf');
    writeFileSync(path, img.elf);
    const header = tool('riscv64-unknown-elf-readelf', ['-h', '-l', '-S', '-W', path]);
    expect(header).toMatch(/Type:\s+EXEC/);
    expect(header).toMatch(/Machine:\s+RISC-V/);
    expect(header).toMatch(/Entry point address:\s+0x80000000/);
    expect(header).toMatch(/LOAD\s+0x001000 0x80000000 0x80000000/);
    expect(tool('riscv64-unknown-elf-readelf', ['-a', '-W', path])).not.toMatch(/warning|error/i);
    // nm's view of every symbol equals ours.
    const nm = new Map(tool('riscv64-unknown-elf-nm', [path]).trim().split('\n').map((l) => l.split(' ')).map(([a, , n]) => [n, parseInt(a, 16)]));
    for (const name of ['_start', 'main', 'print', 'counter', '__bss_start', '__stack_top']) expect(nm.get(name), name).toBe(img.symbols.get(name));
    const dis = tool('riscv64-unknown-elf-objdump', ['-d', path]);
    expect(dis).toContain('<main>:');
    expect(dis).toMatch(/auipc\s+ra,/);
    expect(runQemu(path)).toEqual({ output: 'linked by paravirt\n', exitCode: 7 }); // main returned counter = 7
  });

  it('keeps the line table in the ELF as DWARF, with absolute addresses', () => {
    const img = linkImage(objects, { entry: '_start', textBase: 0x80000000 }, [])!;
    const lines = executableLines(readElf(img.elf));
    expect(lines).toEqual(img.lines);
    const main = img.symbols.get('main')!;
    expect(lines[0]).toMatchObject({ address: main, file: 'prog.c', line: 10, col: 5 });
    expect(lines.map((l) => l.line)).toEqual([10, 11, 12]);
    expect(lines[1].address - main).toBe(8);
  });

  it('writes REL objects that GNU ld links and QEMU runs', () => {
    const paths = objects.map((o, i) => {
      const p = join(dir, `obj${i}.o`);
      writeFileSync(p, writeRelocatable(o));
      return p;
    });
    expect(tool('riscv64-unknown-elf-readelf', ['-r', paths[1]])).toMatch(/R_RISCV_CALL_PLT[\s\S]*print|R_RISCV_HI20[\s\S]*message/);
    const out = join(dir, 'ld.elf');
    const script = join(dir, 'link.ld');
    writeFileSync(script, 'ENTRY(_start) SECTIONS { . = 0x80000000; .text : { *(.text*) } .rodata : { *(.rodata*) } .data : { *(.data*) } .bss : { __bss_start = .; *(.bss*) __bss_end = .; } . = ALIGN(16) + 0x10000; __stack_top = .; }');
    tool('riscv64-unknown-elf-ld', ['-m', 'elf32lriscv', '--no-relax', '-T', script, '-o', out, ...paths]);
    expect(runQemu(out)).toEqual({ output: 'linked by paravirt\n', exitCode: 7 });
  });

  it('reads its own REL objects back unchanged, and links them to the same image', () => {
    const back = objects.map((o) => readRelocatable(writeRelocatable(o), o.file));
    const a = link(objects, { entry: '_start', textBase: 0x80000000 });
    const b = link(back, { entry: '_start', textBase: 0x80000000 });
    expect(readElf(b).type).toBe(ET_EXEC);
    const text = (elf: Uint8Array) => readElf(elf).sections.find((s) => s.name === '.text')!.data;
    expect(text(b)).toEqual(text(a));
    expect(back[1].lines).toEqual(objects[1].lines);
  });

  it('reports an undefined symbol as ld does, at the C line that uses it', () => {
    const user = asm('user.s', '\t.file 1 "user.c"\n\t.text\n\t.globl main\nmain:\n\t.loc 1 4 9\n\tcall missing_fn\n\tlui a0, %hi(missing_var)\n\tret\n');
    const diags: Diagnostic[] = [];
    expect(linkImage([objects[0], user], { entry: '_start', textBase: 0x80000000 }, diags)).toBeUndefined();
    expect(diags.map((d) => `${d.loc.file}:${d.loc.line}: ${d.message}`)).toEqual([
      "user.c:4: undefined reference to 'missing_fn'",
      "user.c:4: undefined reference to 'missing_var'",
    ]);
    expect(() => link([objects[0], user], { entry: '_start', textBase: 0x80000000 })).toThrow(LinkError);
  });

  it('rejects two definitions of a global, lets a strong one override a weak one', () => {
    const dup = asm('dup.s', '\t.text\n\t.globl print\nprint: ret\n');
    const diags: Diagnostic[] = [];
    linkImage([...objects, dup], { entry: '_start', textBase: 0x80000000 }, diags);
    expect(diags.map((d) => d.message)).toEqual(["multiple definition of 'print' (first defined in prog.s)"]);
    const weak = asm('weak.s', '\t.text\n\t.weak print\nprint: li a0, 99\n\tret\n\t.weak maybe\n\tla a0, maybe\n');
    const img = linkImage([objects[0], weak, objects[1]], { entry: '_start', textBase: 0x80000000 }, [])!;
    const syms = readSymbols(readElf(img.elf));
    // prog.s (linked after weak.s) defines print after main: its print won.
    expect(syms.find((s) => s.name === 'print')!.value).toBeGreaterThan(img.symbols.get('main')!);
  });

  it('says when a branch cannot reach its target', () => {
    const far = asm('far.s', '\t.text\n\t.globl main\nmain: beqz a0, target\n\tret\n\t.section .text.far,"ax"\n\t.zero 8192\n\t.globl target\ntarget: ret\n');
    const diags: Diagnostic[] = [];
    linkImage([objects[0], far], { entry: '_start', textBase: 0x80000000 }, diags);
    expect(diags[0].message).toMatch(/relocation truncated to fit: R_RISCV_BRANCH against 'target'/);
  });

  it('links objects gcc compiled (read from its .o files) into a program that runs', () => {
    const c = join(dir, 'g.c');
    writeFileSync(c, 'volatile char *const uart = (char *)0x10000000;\nstatic const char msg[] = "gcc object\\n";\nint main(void) { for (const char *p = msg; *p; p++) *uart = *p; return 3; }\n');
    const o = join(dir, 'g.o');
    gccText([...KERNEL_C_TARGET, '-O2', '-ffreestanding', '-c', c, '-o', o]); // relocations our linker handles
    const gccObj = readRelocatable(new Uint8Array(readFileSync(o)), 'g.o');
    const path = join(dir, 'mixed.elf');
    writeFileSync(path, link([objects[0], gccObj], { entry: '_start', textBase: 0x80000000 }));
    expect(runQemu(path)).toEqual({ output: 'gcc object\n', exitCode: 3 });
  });
});
