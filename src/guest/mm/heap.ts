// A first-fit allocator over one range of guest RAM, the guest kernel's stand-in
// for vmalloc/module_alloc: it hands out address ranges and takes them back, and
// never touches the bytes (the caller writes them through GuestMemory).

export interface RamAllocator {
  /** The start of `size` free bytes aligned to `align` (a power of two), or undefined when none is left. */
  allocate(size: number, align: number): number | undefined;
  /** Returns a range allocate() gave out; freeing anything else is a kernel bug, so it throws. */
  free(addr: number): void;
}

interface Range { start: number; size: number }

export class FirstFitHeap implements RamAllocator {
  /** Free ranges sorted by address, never adjacent (they are merged). */
  private readonly holes: Range[];
  private readonly used = new Map<number, number>();

  constructor(readonly start: number, readonly size: number) {
    this.holes = size > 0 ? [{ start, size }] : [];
  }

  allocate(size: number, align: number): number | undefined {
    const want = Math.max(1, size);
    for (let i = 0; i < this.holes.length; i++) {
      const h = this.holes[i];
      const at = alignUp(h.start, align);
      if (at + want > h.start + h.size) continue;
      const after = { start: at + want, size: h.start + h.size - (at + want) };
      const parts = [{ start: h.start, size: at - h.start }, after].filter((r) => r.size > 0);
      this.holes.splice(i, 1, ...parts);
      this.used.set(at, want);
      return at;
    }
    return undefined;
  }

  free(addr: number): void {
    const size = this.used.get(addr);
    if (size === undefined) throw new Error(`heap: 0x${(addr >>> 0).toString(16)} was not allocated`);
    this.used.delete(addr);
    let i = this.holes.findIndex((h) => h.start > addr);
    if (i < 0) i = this.holes.length;
    this.holes.splice(i, 0, { start: addr, size });
    this.merge(i);
    if (i > 0) this.merge(i - 1);
  }

  /** The size allocate() gave out at addr, or 0 if addr is not the start of a live block. */
  sizeOf(addr: number): number {
    return this.used.get(addr) ?? 0;
  }

  /** Bytes handed out and not freed. */
  get allocatedBytes(): number {
    let n = 0;
    for (const s of this.used.values()) n += s;
    return n;
  }

  /** Number of live allocations. */
  get allocations(): number {
    return this.used.size;
  }

  private merge(i: number): void {
    const a = this.holes[i], b = this.holes[i + 1];
    if (!b || a.start + a.size !== b.start) return;
    a.size += b.size;
    this.holes.splice(i + 1, 1);
  }
}

function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}
