// compile() never throws: a bug that throws inside a stage becomes an
// "internal compiler error" diagnostic (here codegen is replaced by one that throws).
import { describe, it, expect, vi } from 'vitest';

vi.mock('./codegen/codegen.ts', () => ({
  codegen: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'kind')");
  },
}));

const { compile } = await import('./compile.ts');

describe('compile() when a stage has a bug', () => {
  it('returns an internal compiler error diagnostic instead of throwing', () => {
    const r = compile({ file: 'x.c', source: 'int main(void) { return 0; }\n' }, { output: 'bare-metal-elf' });
    expect(r.ok).toBe(false);
    expect(r.elf).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', loc: { file: 'x.c', line: 1, col: 1 } });
    expect(r.diagnostics[0].message).toMatch(/^internal compiler error: Cannot read properties of undefined \(reading 'kind'\)/);
    expect(r.diagnostics[0].message).toMatch(/this is a bug in the compiler, not in your program/);
  });
});
