// Classroom mode's state: the presenter view on and off, and the replay opened
// on what the student selected (or, with nothing selected, on the newest event).
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { playgroundState, type PlaygroundState } from './playground-state.ts';

const store = () => create<PlaygroundState>()(playgroundState(() => {}));
const handler: TraceEvent = { seq: 23, timeNs: 1_000_035_734, kind: 'kcall', name: 'stopwatch_timeout_irq', args: [3], into: 'irq-handler' };

describe('classroom slice', () => {
  it('turns the presenter view on and off', () => {
    const s = store();
    expect(s.getState().presenter).toBe(false);
    s.getState().togglePresenter();
    expect(s.getState().presenter).toBe(true);
    s.getState().setPresenter(false);
    expect(s.getState().presenter).toBe(false);
  });

  it('opens the replay on the selected event, or on the newest one without a selection', () => {
    const s = store();
    expect(s.getState().replay).toBeNull();
    s.getState().openReplay();
    expect(s.getState().replay).toEqual({ anchorSeq: null, kind: null });
    s.getState().selectTraceEvent(handler, false);
    s.getState().openReplay('interrupt');
    expect(s.getState().replay).toEqual({ anchorSeq: 23, kind: 'interrupt' });
    s.getState().closeReplay();
    expect(s.getState().replay).toBeNull();
  });

  it('keeps the speed among those offered', () => {
    const s = store();
    expect(s.getState().replaySpeed).toBe(0.5);
    s.getState().setReplaySpeed(0.25);
    expect(s.getState().replaySpeed).toBe(0.25);
    s.getState().setReplaySpeed(3 as never);
    expect(s.getState().replaySpeed).toBe(0.25);
  });
});
