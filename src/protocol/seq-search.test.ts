import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAfterSeq, indexOfSeq, seqSource } from './seq-search.ts';
import type { TraceEvent } from './trace-events.ts';

describe('searching a trace by seq', () => {
  it('finds what a linear scan finds, with gaps where the ring dropped events', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(60)), fc.nat(64), (seqs, probe) => {
      const events = [...seqs].sort((a, b) => a - b).map((seq) => ({ seq, timeNs: 0, kind: 'printk', text: '' }) as TraceEvent);
      const src = seqSource(events);
      expect(indexOfSeq(src, probe)).toBe(events.findIndex((e) => e.seq === probe));
      const after = events.findIndex((e) => e.seq > probe);
      expect(firstAfterSeq(src, probe)).toBe(after < 0 ? events.length : after);
    }));
  });
});
