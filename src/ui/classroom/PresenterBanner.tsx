// The presenter view's banner: the lesson on the screen (its number, title and
// goal) so the back row knows where the class is, the event being followed
// across the panes, and the ways out and on (Replay, Leave).

import { describeTraceEvent, timeText } from '../../protocol/trace-text.ts';
import { usePlayground } from '../store/store.ts';
import { InlineCode } from './InlineCode.tsx';
import { currentLessonOf } from './presenter-panes.ts';

export function PresenterBanner() {
  const lesson = usePlayground(currentLessonOf);
  const selected = usePlayground((s) => s.selectedTrace);
  const traced = usePlayground((s) => s.tracedSource);
  const openReplay = usePlayground((s) => s.openReplay);
  const setPresenter = usePlayground((s) => s.setPresenter);
  const where = traced && selected?.pc === traced.pc && traced.location ? `${traced.location.file}:${traced.location.line}` : null;
  return (
    <section className="presenter-banner" aria-label="Presenter view">
      <h2>{lesson ? `Lesson ${lesson.number} · ${lesson.title}` : 'Presenter view'}</h2>
      <p className="presenter-goal">
        {lesson ? <InlineCode text={lesson.goal} /> : 'Open a lesson in the Lessons panel to show only the panes it needs; every pane is shown until then.'}
      </p>
      <div className="presenter-banner-buttons">
        <button type="button" className="btn btn-primary" onClick={() => openReplay()}
          title="Replay the selected event (or the newest access or interrupt) in slow motion">Replay</button>
        <button type="button" className="btn" onClick={() => setPresenter(false)} aria-keyshortcuts="Escape"
          title="Back to the everyday view (Escape)">Leave presenter view</button>
      </div>
      <p className="presenter-following" data-testid="presenter-following">
        {selected
          ? <>Following <strong>{describeTraceEvent(selected)}</strong> at {timeText(selected.timeNs)} s{where ? ` · ${where}` : ''}: every pane that shows it is framed.</>
          : 'Select an event in the Trace, Device or Host pane: every pane that shows it is framed.'}
      </p>
    </section>
  );
}
