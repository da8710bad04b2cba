import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventRing } from './event-ring.ts';

describe('a bounded event ring', () => {
  it('holds the newest `capacity` events in order and counts the rest as dropped', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer(), { maxLength: 40 }), (capacity, items) => {
      const ring = new EventRing<number>(capacity);
      for (const x of items) ring.push(x);
      const kept = items.slice(Math.max(0, items.length - capacity));
      expect(Array.from({ length: ring.size }, (_, i) => ring.at(i))).toEqual(kept);
      expect(ring.dropped).toBe(items.length - kept.length);
      expect(ring.drain()).toEqual(kept);
      expect(ring.size).toBe(0);
      ring.push(7);
      expect(ring.drain()).toEqual([7]);
      ring.clear();
      expect(ring.dropped).toBe(0);
    }));
  });
});
