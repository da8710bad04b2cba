// Reading ELF objects: ours round-trip exactly, and a damaged file gives an
// ElfFormatError with a reason (never another exception), as insmod must report it.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assemble } from '../asm/assemble.ts';
import { writeRelocatable, readRelocatable } from './elf-object.ts';
import { ElfFormatError } from './elf.ts';

const SOURCE = `
	.file 1 "m.c"
	.text
	.globl init_module
	.type init_module, @function
init_module:
	.loc 1 3 1
	call printk
	la a0, table
	lw a1, %lo(counter)(a0)
	ret
	.size init_module, .-init_module
	.data
table:	.word init_module, counter + 4
	.bss
	.globl counter
counter: .zero 8
`;

describe('ELF REL objects', () => {
  const obj = assemble('m.s', SOURCE, []);
  const bytes = writeRelocatable(obj);

  it('read back into the same sections, symbols, relocations and line table', () => {
    const back = readRelocatable(bytes, 'm.s');
    for (const s of obj.sections) {
      const b = back.sections.find((x) => x.name === s.name)!;
      expect({ ...b, bytes: [...b.bytes] }).toEqual({ ...s, bytes: [...s.bytes], relocs: s.relocs.map(({ loc: _loc, ...r }) => r) });
    }
    for (const s of obj.symbols) expect(back.symbols).toContainEqual(s);
    expect(back.lines).toEqual(obj.lines);
  });

  it('rejects files that are not ELF objects with a reason', () => {
    expect(() => readRelocatable(new Uint8Array([1, 2, 3]), 'x.o')).toThrow(/not an ELF file/);
    const exec = bytes.slice();
    exec[16] = 2; // ET_EXEC
    expect(() => readRelocatable(exec, 'x.o')).toThrow(/not a relocatable object/);
  });

  it('throws only ElfFormatError on damaged or truncated files', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(bytes.length),
      (edits, cut) => {
        const b = bytes.slice(0, Math.max(cut, 52));
        for (const [at, v] of edits) if (at < b.length) b[at] = v;
        try {
          readRelocatable(b, 'bad.o');
        } catch (err) {
          expect(err).toBeInstanceOf(ElfFormatError);
        }
      }), { numRuns: 500 });
  });
});
