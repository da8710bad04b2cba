// Differential test: the UPDATE text must be what C's printf("%.2f seconds")
// prints for the same double (host gcc and glibc as the oracle).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFixed2, formatStopwatchSeconds } from './format-seconds.ts';

const SAMPLES_NS = [
  0, 1, 4_999_999, 5_000_000, 5_000_001, 15_000_000, 25_000_000, 125_000_000, 375_000_000, 1_005_000_000,
  1_500_000_000, 1_500_005_000, 2_675_000_000, 9_995_000_000, 10_000_000_000, 123_456_789_012, 86_400_000_000_000,
  ...Array.from({ length: 300 }, (_, i) => (i * 7_654_321_987 + 5_000_000 * (i % 3)) % 50_000_000_000),
];

describe('formatStopwatchSeconds', () => {
  it('matches glibc printf("%.2f seconds", ns / 1e9), ties included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fmt-'));
    writeFileSync(join(dir, 'fmt.c'), `#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) printf("%.2f seconds\\n", strtod(argv[i], 0) / 1e9);
  return 0;
}
`);
    execFileSync('gcc', ['-O0', '-o', join(dir, 'fmt'), join(dir, 'fmt.c')]);
    const expected = execFileSync(join(dir, 'fmt'), SAMPLES_NS.map(String), { encoding: 'utf8' }).trim().split('\n');
    expect(SAMPLES_NS.map(formatStopwatchSeconds)).toEqual(expected);
  });

  it('rounds an exact tie to even, unlike toFixed', () => {
    expect(formatFixed2(0.125)).toBe('0.12');
    expect(formatFixed2(0.375)).toBe('0.38');
    expect((0.125).toFixed(2)).toBe('0.13');
  });
});
