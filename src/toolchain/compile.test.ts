// The compiler driver: each output kind, the line table from C line to address,
// the -S listing, and the promise that compile() never throws.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from './compile.ts';
import { readElf, readSymbols } from './obj/elf.ts';
import { readRelocatable } from './obj/elf-object.ts';
import { executableLines } from './obj/dwarf-line-read.ts';

const PROGRAM = `static int square(int x)
{
	return x * x;
}

int main(void)
{
	int total = 0;
	for (int i = 0; i < 4; i++)
		total += square(i);
	return total;
}
`;
const input = { file: 'sq.c', source: PROGRAM };

describe('compile()', () => {
  it('gives assembly with a .loc per statement, and a listing with the C lines as comments', () => {
    const r = compile(input, { output: 'asm' });
    expect(r.ok).toBe(true);
    expect(r.asm).toMatch(/\.file\s+1\s+"sq.c"/);
    expect(r.asm).toMatch(/\.loc\s+1\s+10\s/);
    expect(r.listing).toContain('# sq.c:10: total += square(i);');
    expect(r.elf).toBeUndefined();
  });

  it('gives a relocatable object (ELF REL) with symbols and the line table, readable by readelf', () => {
    const r = compile(input, { output: 'object' });
    expect(r.ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cc-'));
    writeFileSync(join(dir, 'sq.o'), r.objectBytes!);
    const syms = execFileSync('riscv64-unknown-elf-readelf', ['-s', '-h', join(dir, 'sq.o')], { encoding: 'utf8' });
    expect(syms).toMatch(/REL \(Relocatable file\)/);
    expect(syms).toMatch(/FUNC\s+GLOBAL\s+DEFAULT\s+\d+\s+main/);
    const back = readRelocatable(r.objectBytes!, 'sq.o');
    expect(back.lines.map((l) => l.line)).toEqual(r.object!.lines.map((l) => l.line));
    expect(new Set(back.lines.map((l) => l.line))).toEqual(new Set([1, 3, 6, 8, 9, 10, 11]));
  });

  it('links a bare-metal ELF whose line table maps main to its C lines', () => {
    const r = compile(input, { output: 'bare-metal-elf' });
    expect(r.ok).toBe(true);
    const elf = readElf(r.elf!);
    const main = readSymbols(elf).find((s) => s.name === 'main')!;
    const rows = r.lineTable!.filter((l) => l.file === 'sq.c');
    expect(rows.find((l) => l.address === main.value)?.line).toBe(6);
    for (const l of rows) expect(l.address).toBeGreaterThanOrEqual(0x80000000);
    expect(executableLines(elf).filter((l) => l.file === 'sq.c')).toEqual(rows);
    // The same table as DWARF .debug_line: binutils decodes the same rows.
    const dir = mkdtempSync(join(tmpdir(), 'cc-'));
    writeFileSync(join(dir, 'sq.elf'), r.elf!);
    const decoded = execFileSync('riscv64-unknown-elf-objdump', ['--dwarf=decodedline', join(dir, 'sq.elf')], { encoding: 'utf8' });
    const dwarfRows = [...decoded.matchAll(/^sq\.c\s+(\d+)\s+0x([0-9a-f]+)/gm)].map((m) => [Number(m[1]), parseInt(m[2], 16)]);
    expect(dwarfRows).toEqual(rows.map((l) => [l.line, l.address]));
    const addr2line = execFileSync('riscv64-unknown-elf-addr2line', ['-e', join(dir, 'sq.elf'), main.value.toString(16)], { encoding: 'utf8' });
    expect(addr2line.trim()).toBe('sq.c:6');
  });

  it('reports an undefined function at the line that calls it', () => {
    const r = compile({ file: 'u.c', source: 'int helper(int);\nint main(void)\n{\n\treturn helper(2);\n}\n' }, { output: 'bare-metal-elf' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${d.loc.file}:${d.loc.line}: ${d.severity}: ${d.message}`)).toEqual(["u.c:4: error: undefined reference to 'helper'"]);
  });

  it('never throws, and never fails inside, on mutated programs', () => {
    const tokens = PROGRAM.split(/(\s+|[(){};,*+<=])/).filter((t) => t !== '');
    const mutation = fc.tuple(fc.nat(tokens.length - 1), fc.nat(tokens.length - 1), fc.constantFrom('drop', 'dup', 'swap'));
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
      const t = [...tokens];
      for (const [i, j, kind] of muts) {
        if (kind === 'drop') t.splice(i % t.length, 1);
        else if (kind === 'dup') t.splice(i % t.length, 0, t[j % t.length]);
        else [t[i % t.length], t[j % t.length]] = [t[j % t.length], t[i % t.length]];
      }
      const r = compile({ file: 'm.c', source: t.join('') }, { output: 'bare-metal-elf' });
      const ice = r.diagnostics.filter((d) => d.message.includes('internal compiler error'));
      expect(ice.map((d) => d.message)).toEqual([]);
      expect(r.ok).toBe(r.elf !== undefined);
      if (!r.ok) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }), { numRuns: 150 });
  });

  it('stops after 30 errors on a binary file instead of burying the first message', () => {
    const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join('');
    const r = compile({ file: 'blob.c', source: bytes }, { output: 'object' });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(r.ok).toBe(false);
    expect(errors.length).toBe(30);
    expect(r.diagnostics[r.diagnostics.length - 1]).toMatchObject({ severity: 'note', message: 'too many errors; stopping here' });
  });
});
