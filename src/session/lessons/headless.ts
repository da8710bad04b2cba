// Which lessons the autograder can check without a student at the page. A
// lesson is autogradable when its file says which shell commands to run
// (`grade:`) and none of its rules needs the debugger: a `stepped-over` rule
// asks the student to stop the hart and step, which no headless run does.

import type { Lesson } from '../../protocol/lessons/lesson.ts';
import { describePattern } from '../../protocol/lessons/describe-rule.ts';

/** Why `lesson` cannot be checked headless (a sentence after "lesson N is checked in the page: "), or null if it can. */
export function whyNotHeadless(lesson: Lesson): string | null {
  const stepped = lesson.check.find((r) => r.kind === 'stepped-over');
  if (stepped) return `it asks you to step over ${describePattern(stepped.match)} in the debugger, which only the page can watch`;
  if (!lesson.grade || lesson.grade.commands.length === 0) {
    return 'its file gives no `grade:` commands for the autograder to run, so its steps are done and checked in the page';
  }
  return null;
}

export const isAutogradable = (lesson: Lesson): boolean => whyNotHeadless(lesson) === null;
