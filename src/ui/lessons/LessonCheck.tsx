// The lesson's Check: reads the machine's trace, the debugger's stops and the
// device now (never what the student typed), and lists every rule with ✓ or ✗.
// A rule that does not hold says what is missing and how to do it; the list is
// a live region, so the verdict is read out. Figures of measured stretches
// become a chart.

import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { usePlayground } from '../store/store.ts';
import { FiguresChart } from './FiguresChart.tsx';
import { InlineMarkdown } from './InlineMarkdown.tsx';
import { describeRule } from '../../protocol/lessons/describe-rule.ts';

export function LessonCheck({ lesson }: { lesson: Lesson }) {
  const checkLesson = usePlayground((s) => s.checkLesson);
  const check = usePlayground((s) => (s.lessonCheck?.lessonId === lesson.id ? s.lessonCheck : null));
  const result = check?.result;
  const missing = result ? result.rules.filter((r) => !r.ok).length : 0;

  return (
    <section className="lesson-check" aria-labelledby={`lesson-check-${lesson.id}`}>
      <h4 id={`lesson-check-${lesson.id}`}>Check your work</h4>
      <p className="lesson-check-intro">Check reads what the machine did (its trace, where you stopped it, the device now), not what you typed.</p>
      <button type="button" className="btn btn-primary" onClick={() => checkLesson()}>Check</button>
      <div role="status" aria-live="polite" className="lesson-check-result" data-testid="lesson-check-result">
        {result && (
          <>
            <p key={check.run} className={`lesson-verdict ${result.ok ? 'lesson-verdict-ok' : 'lesson-verdict-missing'}`}>
              {result.ok
                ? `Passed: all ${result.rules.length} checks hold. Well done.`
                : `Not yet: ${missing} of ${result.rules.length} checks ${missing === 1 ? 'is' : 'are'} missing (check ${check.run}).`}
            </p>
            <ul className="lesson-rules">
              {result.rules.map((r, i) => (
                <li key={i} className={r.ok ? 'lesson-rule-ok' : 'lesson-rule-missing'}>
                  <span className="lesson-rule-mark" aria-hidden="true">{r.ok ? '✓' : '✗'}</span>
                  <span className="visually-hidden">{r.ok ? 'Done: ' : 'Missing: '}</span>
                  <span><InlineMarkdown text={r.ok ? describeRule(r.rule) : r.message} /></span>
                </li>
              ))}
            </ul>
            <FiguresChart figures={result.figures} />
          </>
        )}
      </div>
    </section>
  );
}
