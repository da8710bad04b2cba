// The code window steps 2 or 4 bytes per instruction and finds the
// instructions before pc in mixed 16/32-bit code.
import { describe, expect, it } from 'vitest';
import { disassemble } from '../machine/cpu/disasm.ts';
import { codeWindow, type PeekableBus } from './code-listing.ts';

const BASE = 0x8000_0000;

/** Memory holding `parts` (16-bit and 32-bit instructions), then `tail` bytes, from BASE on; nothing mapped elsewhere. */
function memory(parts: number[], tail: number[] = []): { bus: PeekableBus; addrs: number[] } {
  const bytes: number[] = [];
  const addrs: number[] = [];
  for (const p of parts) {
    addrs.push(BASE + bytes.length);
    const size = (p & 3) === 3 ? 4 : 2;
    for (let i = 0; i < size; i++) bytes.push((p >>> (8 * i)) & 0xff);
  }
  bytes.push(...tail);
  const bus: PeekableBus = {
    peek(addr, size) {
      const off = addr - BASE;
      if (off < 0 || off + size > bytes.length) return undefined;
      let v = 0;
      for (let i = 0; i < size; i++) v |= bytes[off + i] << (8 * i);
      return v >>> 0;
    },
  };
  return { bus, addrs };
}

// c.li a0,1; addi a0,a0,1; c.mv a1,a0; lui a2,0x12; c.addi a0,1; ret; addi a1,a1,-1; c.nop; c.j .
const PROGRAM = [0x4505, 0x00150513, 0x85aa, 0x00012637, 0x0505, 0x8082, 0xfff58593, 0x0001, 0xa001];

describe('codeWindow', () => {
  const { bus, addrs } = memory(PROGRAM);

  it('lists mixed 2- and 4-byte instructions at their own addresses', () => {
    const lines = codeWindow(bus, addrs[3], 3, 5);
    expect(lines.map((l) => l.addr)).toEqual(addrs.slice(0, 9));
    expect(lines.map((l) => l.word)).toEqual(PROGRAM);
    for (const l of lines) expect(l.text).toBe(disassemble(l.word!, l.addr));
    expect(lines[4].text).toBe('addi a0,a0,1');
  });

  it('finds the instructions before a pc in the upper half of a word', () => {
    expect(addrs[5] % 4).toBe(2);
    const lines = codeWindow(bus, addrs[5], 2, 1);
    expect(lines.map((l) => l.addr)).toEqual(addrs.slice(3, 7));
  });

  it('marks unreadable memory before the program and after its end', () => {
    const lines = codeWindow(bus, addrs[0], 2, 10);
    expect(lines.slice(0, 2)).toEqual([
      { addr: BASE - 8, word: null, text: '(no memory to read here)' },
      { addr: BASE - 4, word: null, text: '(no memory to read here)' },
    ]);
    expect(lines.slice(2, 11).map((l) => l.addr)).toEqual(addrs);
    expect(lines[11].word).toBeNull();
  });

  it('shows a 32-bit instruction cut off by the end of memory as unreadable', () => {
    const cut = memory([0x0001], [0x13, 0x00]); // c.nop, then the first half of a 32-bit instruction
    const lines = codeWindow(cut.bus, BASE, 0, 1);
    expect(lines[0]).toEqual({ addr: BASE, word: 1, text: 'nop' });
    expect(lines[1]).toEqual({ addr: BASE + 2, word: null, text: '(no memory to read here)' });
  });
});
