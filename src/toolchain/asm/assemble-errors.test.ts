// Malformed assembly gives diagnostics at the right place, never an exception:
// the messages a student sees for common mistakes, and a property test over random input.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assemble } from './assemble.ts';
import type { Diagnostic } from '../diagnostics.ts';

function errorsOf(text: string): string[] {
  const diags: Diagnostic[] = [];
  assemble('t.s', text, diags);
  return diags.map((d) => `${d.loc.line}:${d.loc.col}: ${d.message}`);
}

describe('assembler diagnostics', () => {
  it.each([
    ['\taddi a0, a0, 5000', "1:2: immediate 5000 is out of range -2048..2047"],
    ['\tfrobnicate a0', "1:2: unknown instruction 'frobnicate'"],
    ['\tadd a0, a1', "1:2: 'add' takes 3 operands, found 2"],
    ['\tlw a0, a1', "1:2: a memory operand like 'offset(register)' is expected here, found 'a1'"],
    ['\tbeq a0, a1, 12', "1:2: the target of a jump must be a label, found '12'"],
    ['\tcsrr a0, mfoo', "1:2: unknown CSR 'mfoo'"],
    ['\t.frobnicate 1', "1:2: unknown directive '.frobnicate'"],
    ['\tli a0, some_symbol', "1:2: 'li' needs a constant; to load the address of 'some_symbol' use 'la'"],
    ['x:\nx:', "2:1: symbol 'x' is already defined"],
    ['\t.string "abc', '1:10: missing closing quote of the string'],
    ['\tj 1b', "1:4: local label '1' is not defined before '1b'"],
    ['\tslli a0, a0, 32', '1:2: shift amount 32 is out of range 0..31'],
    ['\tlui a0, %lo(x)', "1:2: %lo(...) gives a 12-bit value; 'lui' takes %hi(...) or %pcrel_hi(...)"],
    ['\taddi a0, a0, %hi(x)', '1:2: %hi(...) gives a 20-bit value; use %lo(...) in this 12-bit field'],
    ['\taddi a0, a0, (1 +', '1:19: expression expected'],
    ['\t.bss\n\t.word 5', "2:2: section '.bss' holds no data (it is zero-filled); only zeros can go there"],
    ['\tfence rw, q', "1:2: fence takes a set of 'i', 'o', 'r', 'w', found 'q'"],
    ['\t.word a - b', "1:2: cannot subtract 'b' from 'a': they are not in the same section"],
  ])('%s', (text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  it('reports every bad line, not just the first', () => {
    expect(errorsOf('\tnop\n\tbad1\n\tnop\n\tbad2 x\n')).toEqual(["2:2: unknown instruction 'bad1'", "4:2: unknown instruction 'bad2'"]);
  });

  it('never throws on random input, and every diagnostic points into the text', () => {
    const words = ['addi', 'lw', 'sw', 'beq', 'li', 'la', 'call', 'csrr', 'jalr', 'amoadd.w', '.word', '.string', '.section', '.align',
      '.globl', '.set', '.loc', '.file', 'a0', 'sp', 'x33', '%hi', '%lo', '%pcrel_lo', '(', ')', ',', ':', '"s"', "'c", '0x10', '-1',
      '99999999999', '1f', '1b', '1:', 'lbl:', 'lbl', '.', '+', '<<', '#', ';', '\\', '"', 'zero', '.bss', '.text', '@nobits'];
    const line = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((ws) => ws.join(' '));
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const text = lines.join('\n');
      const diags: Diagnostic[] = [];
      assemble('fuzz.s', text, diags);
      for (const d of diags) {
        expect(d.loc.line).toBeGreaterThanOrEqual(1);
        expect(d.loc.line).toBeLessThanOrEqual(lines.length + 1);
        expect(d.message).not.toMatch(/internal|undefined|NaN/);
      }
    }), { numRuns: 400 });
  });
});
