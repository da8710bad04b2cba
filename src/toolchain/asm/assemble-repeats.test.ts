// The assembler encodes an instruction of registers and numbers once per line text and
// reuses the words for the line's repeats: every repeat must still come out as the line alone does.
import { describe, expect, it } from 'vitest';
import { assemble } from './assemble.ts';
import type { Diagnostic } from '../diagnostics.ts';

const LINES = ['\tlw a0, -12(s0)', '\tli t0, 0x12345678', '\tli t0, 305419896', '\tli t0, 7', '\taddi sp, sp, -16',
  '\tmv t0, s0', '\tnop', '\tsw ra, 12(sp)', '\tneg a0, a0', '\tret'];

function textBytes(asm: string, section = '.text'): number[] {
  const diags: Diagnostic[] = [];
  const obj = assemble('t.s', asm, diags);
  expect(diags).toEqual([]);
  const sec = obj.sections.find((s) => s.name === section)!;
  return Array.from(sec.bytes.subarray(0, sec.size));
}

describe('repeated instruction lines', () => {
  it('assemble to the same words each time, in any section, as each line alone', () => {
    const alone = LINES.flatMap((l) => textBytes(`\t.text\n${l}`));
    const body = LINES.join('\n');
    const asm = `\t.text\n${body}\n${body}\n\t.section .text.b,"ax"\n${body}\n`;
    expect(textBytes(asm)).toEqual([...alone, ...alone]);
    expect(textBytes(asm, '.text.b')).toEqual(alone);
  });

  it('give different words for lines that differ only in a number or a register', () => {
    expect(textBytes('\t.text\n\tlw a0, -12(s0)\n\tlw a0, -16(s0)\n\tlw a1, -12(s0)').length).toBe(12);
    const [a, b, c] = [0, 4, 8].map((o) => textBytes('\t.text\n\tlw a0, -12(s0)\n\tlw a0, -16(s0)\n\tlw a1, -12(s0)').slice(o, o + 4).join());
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
