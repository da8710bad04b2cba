// The debugger's disassembly window: a few instructions before and after pc,
// read without side effects (bus.peek) and printed as objdump does.

import { disassemble } from '../machine/cpu/disasm.ts';
import type { CodeLine } from '../protocol/registers.ts';

export interface PeekableBus {
  peek(addr: number, size: 4): number | undefined;
}

/** `before` instructions before pc, the one at pc, and `after` more. */
export function codeWindow(bus: PeekableBus, pc: number, before = 3, after = 8): CodeLine[] {
  const lines: CodeLine[] = [];
  for (let i = -before; i <= after; i++) {
    const addr = (pc + 4 * i) >>> 0;
    const word = bus.peek(addr, 4);
    lines.push(word === undefined
      ? { addr, word: null, text: '(no memory to read here)' }
      : { addr, word: word >>> 0, text: disassemble(word, addr) });
  }
  return lines;
}
