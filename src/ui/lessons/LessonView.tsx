// One lesson: its goal, the project it starts from, the diagram (the picture
// does the talking), a short explanation, the steps and the check; then the
// student's own controls (reset the lesson, copy a link to it) and the way to
// the lessons before and after it.

import { useState } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { usePlayground } from '../store/store.ts';
import { InlineMarkdown } from './InlineMarkdown.tsx';
import { LessonCheck } from './LessonCheck.tsx';
import { shippedCatalog } from './lesson-catalog.ts';
import { lessonLink } from './lesson-link.ts';
import { LessonSteps } from './LessonSteps.tsx';
import { pageHands } from './page-hands.ts';

function LessonDiagram({ lesson }: { lesson: Lesson }) {
  const diagram = lesson.diagram ? shippedCatalog().diagrams[lesson.diagram] : undefined;
  if (!diagram) return null;
  const descId = `lesson-diagram-desc-${lesson.id}`;
  return (
    <figure className="lesson-diagram" data-testid="lesson-diagram">
      <img src={diagram.url} alt={diagram.title} aria-describedby={diagram.description ? descId : undefined} />
      {diagram.description && <figcaption id={descId} className="visually-hidden">{diagram.description}</figcaption>}
    </figure>
  );
}

/** "Starts from the stopwatch project", with a button when another project is open. */
function LessonProject({ lesson }: { lesson: Lesson }) {
  const current = usePlayground((s) => s.project?.example ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!lesson.project) return null;
  const open = current === lesson.project;
  return (
    <p className="lesson-project">
      This lesson uses the project <code>{lesson.project}</code>{open ? ', which is open.' : '. '}
      {!open && (
        <button type="button" className="btn btn-small" onClick={() => void pageHands.openProject(lesson.project!).then(setProblem)}>
          Open {lesson.project}
        </button>
      )}
      {problem && <span className="lesson-step-problem" role="status"> {problem}</span>}
    </p>
  );
}

function LessonFooter({ lesson }: { lesson: Lesson }) {
  const resetLesson = usePlayground((s) => s.resetLesson);
  const [said, setSaid] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const copy = async () => {
    const url = lessonLink(location.href, lesson.number);
    try {
      await navigator.clipboard.writeText(url);
      setLink(null);
      setSaid(`Link to lesson ${lesson.number} copied: ${url}`);
    } catch {
      setLink(url); // no clipboard here (an insecure page, a denied permission): show it to copy by hand
      setSaid('Copy this link by hand (it is selected below).');
    }
  };
  return (
    <footer className="lesson-footer">
      <div className="lesson-footer-buttons">
        <button type="button" className="btn btn-small" onClick={() => {
          resetLesson(lesson.id);
          setSaid(`Lesson ${lesson.number} reset: its steps are unticked and its check is cleared. Your code and the machine are as they were.`);
        }}>Reset lesson</button>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>Copy link</button>
      </div>
      {link && <input className="lesson-link" readOnly value={link} aria-label="Link to this lesson" ref={(el) => el?.select()} />}
      <p className="lesson-footer-said" role="status">{said}</p>
    </footer>
  );
}

export function LessonView({ lesson }: { lesson: Lesson }) {
  const lessons = usePlayground((s) => s.lessons);
  const openLesson = usePlayground((s) => s.openLesson);
  const closeLesson = usePlayground((s) => s.closeLesson);
  const passed = usePlayground((s) => s.lessonProgress[lesson.id]?.passed ?? false);
  const at = lessons.findIndex((l) => l.id === lesson.id);
  const [before, after] = [lessons[at - 1], lessons[at + 1]];

  return (
    <article className="lesson" aria-labelledby={`lesson-title-${lesson.id}`}>
      <nav className="lesson-nav" aria-label="Lesson navigation">
        <button type="button" className="btn btn-small" onClick={closeLesson}>All lessons</button>
        {before && <button type="button" className="btn btn-small" onClick={() => openLesson(before.number)} title={before.title}>Previous</button>}
        {after && <button type="button" className="btn btn-small" onClick={() => openLesson(after.number)} title={after.title}>Next</button>}
      </nav>
      <h3 id={`lesson-title-${lesson.id}`}>
        <span className="lesson-number">Lesson {lesson.number}</span> {lesson.title}
        {passed && <span className="lesson-passed"> ✓ passed</span>}
      </h3>
      <p className="lesson-goal"><strong>Goal: </strong><InlineMarkdown text={lesson.goal} /></p>
      <LessonProject lesson={lesson} />
      <LessonDiagram lesson={lesson} />
      <div className="lesson-body"><Markdown remarkPlugins={[remarkGfm]}>{lesson.body}</Markdown></div>
      <LessonSteps key={lesson.id} lesson={lesson} />
      <LessonCheck lesson={lesson} />
      <LessonFooter key={`footer-${lesson.id}`} lesson={lesson} />
    </article>
  );
}
