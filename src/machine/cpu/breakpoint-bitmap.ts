// Breakpoints in RAM as a bitmap (one bit per halfword, where an instruction
// can start once the C extension allows 2-byte ones), so the interpreter
// tests "is there a breakpoint here?" with one load and a shift instead of
// hashing the pc into a Set on every instruction.

export class BreakpointBitmap {
  private bits: Uint32Array | null = null;
  /** RAM offsets whose bits are set now. */
  private marked: number[] = [];

  constructor(private readonly ramBase: number, private readonly ramSize: number) {}

  /** Rebuilds the bitmap from the pcs in `pcs`; null when none lies in RAM. Bit (off >>> 1) is the halfword at off. */
  sync(pcs: ReadonlySet<number>): Uint32Array | null {
    if (pcs.size === 0 && this.marked.length === 0) return null;
    this.bits ??= new Uint32Array(Math.ceil(this.ramSize / 64));
    const bits = this.bits;
    for (const off of this.marked) bits[off >>> 6] = 0;
    this.marked.length = 0;
    for (const pc of pcs) {
      const off = ((pc >>> 0) - (this.ramBase >>> 0)) >>> 0;
      if (off >= this.ramSize || (off & 1) !== 0) continue;
      bits[off >>> 6] |= 1 << ((off >>> 1) & 31);
      this.marked.push(off);
    }
    return this.marked.length > 0 ? bits : null;
  }
}
