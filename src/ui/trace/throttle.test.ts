import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then at most once per interval, and always once after the last call', () => {
    let runs = 0;
    const t = throttle(() => runs++, 100, () => Date.now());
    t.call();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) { vi.advanceTimersByTime(10); t.call(); }
    expect(runs).toBe(2); // the run that fell due at 100 ms; the call made at 100 ms waits for 200 ms
    vi.advanceTimersByTime(100);
    expect(runs).toBe(3);
    vi.advanceTimersByTime(500);
    expect(runs).toBe(3); // no calls, no runs
  });

  it('cancel drops the pending run', () => {
    let runs = 0;
    const t = throttle(() => runs++, 100, () => Date.now());
    t.call();
    t.call();
    t.cancel();
    vi.advanceTimersByTime(200);
    expect(runs).toBe(1);
  });
});
