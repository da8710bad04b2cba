// The driver's stopwatch_hw-sw.h is committed (a C build needs the file), but
// it is rendered from the device's register constants: it must not drift.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderStopwatchHeader } from '../../../machine/devices/stopwatch/stopwatch-regs.ts';

describe('stopwatch_hw-sw.h', () => {
  it('is the header the device model renders (regenerate it from renderStopwatchHeader() after a change)', () => {
    const committed = readFileSync(new URL('./stopwatch_hw-sw.h', import.meta.url), 'utf8');
    expect(committed).toBe(renderStopwatchHeader());
  });
});
