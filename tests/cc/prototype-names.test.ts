// Names a student may well choose that are also the names of JavaScript's
// Object properties (toString, constructor, valueOf…): the compiler must treat
// them as the student's own functions, headers and mnemonics, never crash or
// take them for a builtin.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/toolchain/compile.ts';
import { runOnBoard } from './legs.ts';

const NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', '__defineGetter__'];

describe('functions named like Object properties', () => {
  it('compile and run as the functions they are', () => {
    const source = NAMES.map((n, i) => `int ${n}(int x) { return x + ${i}; }\n`).join('')
      + `int main(void) { return ${NAMES.map((n) => `${n}(1)`).join(' + ')} - ${NAMES.length + (NAMES.length * (NAMES.length - 1)) / 2}; }\n`;
    const r = compile({ file: 'names.c', source }, { output: 'bare-metal-elf' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(runOnBoard(r.elf!).exitCode).toBe(0);
  });

  it('are unknown instructions in inline assembly and unknown headers in #include, said as such', () => {
    const asm = compile({ file: 'a.c', source: 'int main(void) { asm volatile("constructor a0, a1, a2"); return 0; }\n' }, { output: 'bare-metal-elf' });
    expect(asm.diagnostics.map((d) => d.message).join('\n')).toBe("in inline assembly: unknown instruction 'constructor'");
    const header = compile({ file: 'h.c', source: '#include <toString>\nint main(void) { return 0; }\n' }, { output: 'bare-metal-elf' });
    expect(header.diagnostics.map((d) => d.message).join('\n')).toMatch(/^cannot find 'toString'/);
    expect(header.diagnostics.some((d) => /internal compiler error/.test(d.message))).toBe(false);
  });
});
