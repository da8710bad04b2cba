// The Variables view of a bare-metal program: its ELF's DWARF variable info
// (final addresses, nothing to place) read once per program, and the frame of
// the paused hart read through the bus's side-effect-free peek, so looking at
// a variable never touches a device register.

import type { FrameView } from '../protocol/frame.ts';
import type { PeekableBus } from './code-listing.ts';
import { FrameVariables, type FrameHart } from './frame-variables.ts';
import { SourceMap } from './source-map.ts';

export class ProgramFrames {
  private readonly variables: FrameVariables | null;
  private readonly map: SourceMap | null;

  constructor(readonly image: Uint8Array) {
    let read: { variables: FrameVariables; map: SourceMap } | null;
    try {
      read = { variables: FrameVariables.forProgram(image), map: SourceMap.forProgram(image) };
    } catch {
      read = null; // debug info this reader does not understand: the program just has no Variables view
    }
    this.variables = read?.variables ?? null;
    this.map = read?.map ?? null;
  }

  /** The frame of the function at `pc`; null outside every function with variable info. */
  frameAt(pc: number, x: ArrayLike<number>, bus: PeekableBus): FrameView | null {
    const fn = this.map?.functionAt(pc);
    if (!this.variables || !this.map || !fn) return null;
    const hart: FrameHart = { pc, x, peek: (addr, size) => peekBytes(bus, addr, size) };
    return this.variables.frameAt(hart, this.map.bodyStart(fn));
  }
}

/** `size` bytes at `addr` from aligned words; null if any of them cannot be read. */
function peekBytes(bus: PeekableBus, addr: number, size: number): Uint8Array | null {
  const out = new Uint8Array(size);
  const first = ((addr & ~3) >>> 0); // unsigned: RAM lies above 0x8000_0000
  for (let word = first; word < (addr >>> 0) + size; word += 4) {
    const v = bus.peek(word >>> 0, 4);
    if (v === undefined) return null;
    for (let i = 0; i < 4; i++) {
      const at = word + i - (addr >>> 0);
      if (at >= 0 && at < size) out[at] = (v >>> (8 * i)) & 0xff;
    }
  }
  return out;
}
