// The first-fit heap: aligned ranges that never overlap, freed ranges merged
// back so that the whole heap can be handed out again.
import { describe, expect, it } from 'vitest';
import { FirstFitHeap } from './heap.ts';

describe('FirstFitHeap', () => {
  it('hands out aligned, disjoint ranges and refuses what does not fit', () => {
    const heap = new FirstFitHeap(0x1002, 0x100);
    const a = heap.allocate(10, 1)!, b = heap.allocate(16, 64)!, c = heap.allocate(4, 4)!;
    expect([a, b, c]).toEqual([0x1002, 0x1040, 0x100c]);
    expect(heap.allocate(0x100, 1)).toBeUndefined();
    expect(heap.allocatedBytes).toBe(30);
  });

  it('merges freed ranges, so the whole heap is free again', () => {
    const heap = new FirstFitHeap(0x1000, 0x100);
    const parts = [heap.allocate(0x40, 4)!, heap.allocate(0x40, 4)!, heap.allocate(0x80, 4)!];
    for (const p of [parts[1], parts[0], parts[2]]) heap.free(p);
    expect(heap.allocations).toBe(0);
    expect(heap.allocate(0x100, 0x100)).toBe(0x1000);
  });

  it('throws on freeing what it did not hand out (a kernel bug)', () => {
    const heap = new FirstFitHeap(0x1000, 0x100);
    expect(() => heap.free(0x1000)).toThrow(/was not allocated/);
  });
});
