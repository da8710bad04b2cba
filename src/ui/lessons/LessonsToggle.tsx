// The "Lessons" button of the controls bar: shows or hides the Lessons panel.
// A toggle button (aria-pressed), so a screen reader says whether it is open.

import { usePlayground } from '../store/store.ts';

export function LessonsToggle() {
  const open = usePlayground((s) => s.lessonsOpen);
  const setLessonsOpen = usePlayground((s) => s.setLessonsOpen);
  return (
    <button type="button" className="btn btn-small" aria-pressed={open} onClick={() => setLessonsOpen(!open)}
      title={open ? 'Hide the Lessons panel' : 'Show the lessons: guided steps through the playground, each with a Check'}>
      Lessons
    </button>
  );
}
