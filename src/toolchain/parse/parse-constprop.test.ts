// Constant-argument clones of inline helpers that probe __builtin_constant_p(param), with
// gcc -O2 as the oracle: the object asks for the same undefined symbols as gcc's, so the
// branch for variable arguments (a kernel call) is gone exactly when gcc drops it.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../compile.ts';

const HELPERS = `extern unsigned long __ms_to_ticks(unsigned int m);
extern void trace(int);
static inline unsigned long _ms_to_ticks(unsigned int m) { return (m + 9) / 10; }
static inline __attribute__((always_inline)) unsigned long ms_to_ticks(const unsigned int m)
{
	if (__builtin_constant_p(m)) {
		if ((int)m < 0)
			return 0x3fffffff;
		return _ms_to_ticks(m);
	}
	return __ms_to_ticks(m);
}
`;

const PROGRAMS: [string, string][] = [
  ['a constant argument', 'unsigned long fixed(void) { int x = 3; trace(x); return ms_to_ticks(500) + ms_to_ticks(20); }\n'],
  ['a variable argument', 'unsigned long varying(unsigned int x) { return ms_to_ticks(x); }\n'],
  ['a constant expression', 'enum { PERIOD = 250 }; unsigned long fixed(void) { return ms_to_ticks(PERIOD * 2); }\n'],
];

function undefinedSymbols(dir: string, object: string): string[] {
  const nm = execFileSync('riscv64-unknown-elf-nm', ['-u', join(dir, object)], { encoding: 'utf8' });
  return nm.trim().split('\n').filter((l) => l.trim()).map((l) => l.trim().split(/\s+/).pop()!).sort();
}

describe('__builtin_constant_p on a parameter of an inline helper', () => {
  it("keeps the helper's own name in __func__", () => {
    const source = `extern void log_name(const char *);\nstatic inline int scaled(int n)\n{\n\tif (__builtin_constant_p(n))\n\t\tlog_name(__func__);\n\treturn n * 2;\n}\nint f(void) { return scaled(4); }\n`;
    const r = compile({ file: 'f.c', source }, { output: 'asm' });
    expect(r.asm).toMatch(/scaled\.constprop\.0:/);
    expect(r.asm).toMatch(/\.(string|ascii)\s+"scaled"/);
    expect(r.asm).not.toMatch(/\.(string|ascii)\s+"scaled\.constprop/);
  });

  it.each(PROGRAMS)('folds as gcc -O2 does for %s', (_, body) => {
    const dir = mkdtempSync(join(tmpdir(), 'constprop-'));
    const source = HELPERS + body;
    writeFileSync(join(dir, 'p.c'), source);
    execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32imac_zicsr', '-mabi=ilp32', '-O2', '-c', 'p.c', '-o', 'gcc.o'], { cwd: dir });
    const r = compile({ file: 'p.c', source }, { output: 'object' });
    expect(r.diagnostics).toEqual([]);
    writeFileSync(join(dir, 'ours.o'), r.objectBytes!);
    expect(undefinedSymbols(dir, 'ours.o')).toEqual(undefinedSymbols(dir, 'gcc.o'));
  });
});
