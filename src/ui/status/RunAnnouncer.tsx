// The page's polite live region (role="status"): a screen reader reads out
// what just happened — Running, Paused at 0x… (breakpoint), Guest halted: …,
// how a build went, why a key did nothing — without moving the focus. It says
// the latest of these; the Machine pane shows the same state for the eyes.

import { useEffect, useState } from 'react';
import { usePlayground } from '../store/store.ts';
import { buildAnnouncement, runAnnouncement } from './announcements.ts';

export function RunAnnouncer() {
  const [message, setMessage] = useState('');
  useEffect(() => usePlayground.subscribe((s, prev) => {
    if (s.actionNotice !== prev.actionNotice && s.actionNotice) return setMessage(s.actionNotice);
    if (s.build !== prev.build && s.build) return setMessage(buildAnnouncement(s.build));
    // A new status from the worker is a new stop object (or a new state); the registers came just before it.
    if (s.runState !== prev.runState || s.stop !== prev.stop) {
      const text = runAnnouncement({ runState: s.runState, stop: s.stop, pc: s.registers?.pc ?? null });
      if (text) setMessage(text);
    }
  }), []);
  return <div role="status" aria-live="polite" className="visually-hidden" data-testid="announcer">{message}</div>;
}
