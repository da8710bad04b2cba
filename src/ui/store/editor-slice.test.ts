import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

const store = () => create<PlaygroundState>()(playgroundState(() => {}));

describe('editor slice', () => {
  it('toggles breakpoints per file, keeps lines ascending and forgets a file with none left', () => {
    const s = store();
    s.getState().toggleSourceBreakpoint('stopwatch.c', 40);
    s.getState().toggleSourceBreakpoint('stopwatch.c', 12);
    s.getState().toggleSourceBreakpoint('stopwatch_hw-sw.h', 3);
    expect(s.getState().sourceBreakpoints).toEqual({ 'stopwatch.c': [12, 40], 'stopwatch_hw-sw.h': [3] });
    s.getState().toggleSourceBreakpoint('stopwatch.c', 40);
    s.getState().toggleSourceBreakpoint('stopwatch_hw-sw.h', 3);
    expect(s.getState().sourceBreakpoints).toEqual({ 'stopwatch.c': [12] });
  });

  it('refuses a line that is not a line', () => {
    const s = store();
    s.getState().toggleSourceBreakpoint('stopwatch.c', 0);
    s.getState().toggleSourceBreakpoint('stopwatch.c', 2.5);
    expect(s.getState().sourceBreakpoints).toEqual({});
  });
});
