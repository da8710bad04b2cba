// The guest file system's copy of the stopwatch scripts is the .sh files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STOPWATCH_CTRL_SH, STOPWATCH_TEST_SH } from './stopwatch-scripts.ts';

describe('stopwatch-scripts.ts', () => {
  it('holds stopwatch_ctrl.sh and stopwatch_test.sh byte for byte', () => {
    expect(STOPWATCH_CTRL_SH).toBe(readFileSync(new URL('./stopwatch_ctrl.sh', import.meta.url), 'utf8'));
    expect(STOPWATCH_TEST_SH).toBe(readFileSync(new URL('./stopwatch_test.sh', import.meta.url), 'utf8'));
  });
});
