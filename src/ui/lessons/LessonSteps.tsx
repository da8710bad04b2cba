// A lesson's steps: each says what to do and why, has a button that does its
// actions in the playground (open the file at the line, point at a pane, put
// the command on the shell's line, set the breakpoint, Build & load), and a
// box the student ticks when it is done. What a button did, or why it could
// not, is said under it and read out.

import { useState } from 'react';
import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { usePlayground } from '../store/store.ts';
import { InlineMarkdown } from './InlineMarkdown.tsx';
import { pageHands } from './page-hands.ts';
import { describeAction, runActions, type StepOutcome } from './step-actions.ts';

export function LessonSteps({ lesson }: { lesson: Lesson }) {
  const ticked = usePlayground((s) => s.lessonProgress[lesson.id]?.steps);
  const setStepDone = usePlayground((s) => s.setStepDone);
  const [outcomes, setOutcomes] = useState<Record<number, StepOutcome>>({});
  const [busy, setBusy] = useState<number | null>(null);

  const run = async (i: number) => {
    setBusy(i);
    try {
      const outcome = await runActions(lesson.steps[i]!.actions, pageHands);
      setOutcomes((o) => ({ ...o, [i]: outcome }));
    } finally {
      setBusy(null);
    }
  };

  if (lesson.steps.length === 0) return null;
  return (
    <section className="lesson-steps" aria-labelledby={`lesson-steps-${lesson.id}`}>
      <h4 id={`lesson-steps-${lesson.id}`}>Steps</h4>
      <ol>
        {lesson.steps.map((step, i) => {
          const done = ticked?.includes(i) ?? false;
          const outcome = outcomes[i];
          const hint = step.actions.map(describeAction).join(', then ');
          return (
            <li key={i} className={`lesson-step${done ? ' lesson-step-done' : ''}`} data-testid="lesson-step">
              <label className="lesson-step-text">
                <input type="checkbox" checked={done} onChange={(e) => setStepDone(lesson.id, i, e.target.checked)} />
                <span><InlineMarkdown text={step.text} /></span>
              </label>
              {step.actions.length > 0 && (
                <div className="lesson-step-do">
                  <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void run(i)}
                    aria-describedby={`lesson-step-hint-${lesson.id}-${i}`}>
                    Do step {i + 1}
                  </button>
                  <span className="lesson-step-hint" id={`lesson-step-hint-${lesson.id}-${i}`}>{hint[0]!.toUpperCase() + hint.slice(1)}</span>
                </div>
              )}
              <p className={`lesson-step-outcome${outcome && !outcome.ok ? ' lesson-step-problem' : ''}`} role="status">
                {outcome ? <InlineMarkdown text={outcome.message} /> : null}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
