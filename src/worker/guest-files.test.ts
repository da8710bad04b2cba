import { expect, test } from 'vitest';
import { GUEST_DRIVER_FILES, GUEST_HEADERS } from './guest-files.ts';
test('the bundle carries the guest headers and drivers', () => {
  expect(GUEST_HEADERS.get('linux/module.h')).toContain('module_init');
  expect(GUEST_DRIVER_FILES.get('stopwatch/stopwatch.c')).toContain('stopwatch');
  expect(GUEST_DRIVER_FILES.has('stopwatch/stopwatch_hw-sw.h')).toBe(true);
  expect(GUEST_DRIVER_FILES.has('stopwatch-misc/stopwatch_misc.c')).toBe(true);
});
