// The Lessons panel: the course as a list (number, title, how far the student
// got), or the open lesson. Lesson files that could not be read are listed
// with what is wrong in them, so a teacher's typo shows up here instead of as
// a blank page.

import { usePlayground } from '../store/store.ts';
import { LessonView } from './LessonView.tsx';
import './lessons.css';

function LessonList() {
  const lessons = usePlayground((s) => s.lessons);
  const progress = usePlayground((s) => s.lessonProgress);
  const openLesson = usePlayground((s) => s.openLesson);
  if (lessons.length === 0) return <p className="pane-sub">There are no lessons in this playground yet: a teacher adds them as files in lessons/ (see docs/writing-lessons.md).</p>;
  return (
    <nav aria-label="Lesson list">
      <ol className="lesson-list">
        {lessons.map((l) => {
          const p = progress[l.id];
          const ticked = p?.steps.length ?? 0;
          const state = p?.passed ? 'passed' : ticked > 0 ? `${ticked} of ${l.steps.length} steps done` : 'not started';
          return (
            <li key={l.id}>
              <button type="button" className="lesson-list-item" onClick={() => openLesson(l.number)} aria-describedby={`lesson-state-${l.id}`}>
                <span className="lesson-list-number">{l.number}</span>
                <span className="lesson-list-title">{l.title}</span>
                <span className={`lesson-list-state${p?.passed ? ' lesson-list-passed' : ''}`} id={`lesson-state-${l.id}`}>
                  {p?.passed ? '✓ ' : ''}{state}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function LessonsPanel() {
  const lesson = usePlayground((s) => s.currentLesson);
  const problems = usePlayground((s) => s.lessonProblems);
  const notice = usePlayground((s) => s.lessonNotice);
  const setLessonsOpen = usePlayground((s) => s.setLessonsOpen);
  return (
    <section className="pane lessons-pane" aria-label="Lessons">
      <header className="pane-header">
        <h2>Lessons</h2>
        <button type="button" className="btn btn-small lessons-close" onClick={() => setLessonsOpen(false)} aria-label="Close the Lessons panel" title="Close the Lessons panel">×</button>
      </header>
      <div className="lessons-scroll">
        {notice && <p className="lesson-notice" role="status">{notice}</p>}
        {problems.length > 0 && (
          <div className="lesson-problems">
            <p>{problems.length === 1 ? 'A lesson file could not be used:' : `${problems.length} lesson files could not be used:`}</p>
            <ul>{problems.map((p) => <li key={p}><code>{p}</code></li>)}</ul>
          </div>
        )}
        {lesson ? <LessonView lesson={lesson} /> : <LessonList />}
      </div>
    </section>
  );
}
