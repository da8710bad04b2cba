// A lesson's diagram, from lessons/diagrams/: an <img> (nothing in the SVG
// runs), named by the SVG's <title> and described by its <desc>. In a narrow
// Lessons column it is small, so a button shows it large in a modal dialog
// (Escape or Close returns to the lesson).

import { useRef } from 'react';
import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { shippedCatalog } from './lesson-catalog.ts';

export function LessonDiagram({ lesson }: { lesson: Lesson }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const diagram = lesson.diagram ? shippedCatalog().diagrams[lesson.diagram] : undefined;
  if (!diagram) return null;
  const descId = `lesson-diagram-desc-${lesson.id}`;
  return (
    <figure className="lesson-diagram" data-testid="lesson-diagram">
      <img src={diagram.url} alt={diagram.title} aria-describedby={diagram.description ? descId : undefined} />
      {diagram.description && <figcaption id={descId} className="visually-hidden">{diagram.description}</figcaption>}
      <button type="button" className="btn btn-small lesson-diagram-enlarge" onClick={() => dialog.current?.showModal()}>View larger</button>
      <dialog ref={dialog} className="lesson-diagram-dialog" aria-label={diagram.title}>
        <div className="lesson-diagram-large"><img src={diagram.url} alt={diagram.title} /></div>
        <form method="dialog" className="dialog-buttons">
          <button type="submit" className="btn" autoFocus>Close</button>
        </form>
      </dialog>
    </figure>
  );
}
