// The debugger's disassembly window: a few instructions before and after pc,
// read without side effects (bus.peek) and printed as objdump does. With the
// C extension instructions are 2 or 4 bytes long, so the lines before pc are
// found the way a disassembler does it: decode forward from a little earlier
// and keep the run of instructions that lands exactly on pc.

import { disassemble } from '../machine/cpu/disasm.ts';
import type { CodeLine } from '../protocol/registers.ts';

export interface PeekableBus {
  peek(addr: number, size: 2 | 4): number | undefined;
}

interface Decoded {
  line: CodeLine;
  /** Bytes to the next line: the instruction's length, 4 across unreadable memory. */
  size: number;
}

function decodeAt(bus: PeekableBus, addr: number): Decoded {
  const unreadable = { line: { addr, word: null, text: '(no memory to read here)' }, size: 4 };
  const low = bus.peek(addr, 2);
  if (low === undefined) return unreadable;
  if ((low & 3) !== 3) return { line: { addr, word: low, text: disassemble(low, addr) }, size: 2 };
  const high = bus.peek((addr + 2) >>> 0, 2);
  if (high === undefined) return unreadable;
  const word = (low | (high << 16)) >>> 0;
  return { line: { addr, word, text: disassemble(word, addr) }, size: 4 };
}

/** The lines from `from` up to (not including) `to`, or undefined if no instruction ends exactly at `to`. */
function linesBetween(bus: PeekableBus, from: number, to: number): CodeLine[] | undefined {
  const lines: CodeLine[] = [];
  let addr = from;
  while (((to - addr) | 0) > 0) {
    const d = decodeAt(bus, addr >>> 0);
    lines.push(d.line);
    addr += d.size;
  }
  return addr === to ? lines : undefined;
}

/** Up to `count` instructions ending at pc, decoded from the farthest start that lines up with pc. */
function linesBefore(bus: PeekableBus, pc: number, count: number): CodeLine[] {
  if (count <= 0) return [];
  for (let back = 4 * count + 16; back >= 2; back -= 2) {
    const lines = linesBetween(bus, pc - back, pc);
    if (lines) return lines.slice(-count);
  }
  return [];
}

/** `before` instructions before pc, the one at pc, and `after` more. */
export function codeWindow(bus: PeekableBus, pc: number, before = 3, after = 8): CodeLine[] {
  const lines = linesBefore(bus, pc, before);
  let addr = pc >>> 0;
  for (let i = 0; i <= after; i++) {
    const d = decodeAt(bus, addr);
    lines.push(d.line);
    addr = (addr + d.size) >>> 0;
  }
  return lines;
}
