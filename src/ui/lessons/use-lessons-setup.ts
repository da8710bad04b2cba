// Connects the lessons to the page once, when it opens: Check reads the page's
// trace ring (which lives beside the store, not in it), and a teacher's link
// (`?lesson=N`) opens the panel on that lesson.

import { useEffect } from 'react';
import type { TraceEvent } from '../../protocol/trace-events.ts';
import { bindLessonTrace } from '../store/lesson-slice.ts';
import { machineClient, usePlayground } from '../store/store.ts';
import type { TraceBuffer } from '../trace/trace-buffer.ts';
import { lessonFromQuery } from './lesson-link.ts';

/** The ring's events, oldest first, as one array for the check (200,000 at most). */
function eventsOf(buffer: TraceBuffer): TraceEvent[] {
  const out = new Array<TraceEvent>(buffer.size);
  for (let i = 0; i < buffer.size; i++) out[i] = buffer.at(i);
  return out;
}

export function useLessonsSetup(): void {
  useEffect(() => {
    bindLessonTrace({
      events: () => eventsOf(machineClient().trace),
      latestSeq: () => machineClient().trace.latest()?.seq ?? -1,
    });
    const n = lessonFromQuery(location.search);
    if (n === null) return;
    const s = usePlayground.getState();
    if (s.openLesson(n)) return;
    const numbers = s.lessons.map((l) => l.number);
    s.setLessonsOpen(true);
    s.setLessonNotice(numbers.length === 0
      ? `This link opens lesson ${n}, but this playground has no lessons.`
      : `This link opens lesson ${n}, but the course has lessons ${numbers[0]}–${numbers[numbers.length - 1]}. Pick one below.`);
  }, []);
}
