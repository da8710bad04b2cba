// What a lesson step's button does: its actions, one after the other, through
// the playground's own controls (the example menu, the editor, the terminal,
// the breakpoint gutter, Build & load). The page's hands are passed in, so the
// order, the line a `find` text lands on and the messages are tested without a
// browser. An action that cannot be done says why and stops the step there:
// the student reads what to do instead of finding half a step done.

import type { LessonAction, LessonPane, SourcePlace } from '../../protocol/lessons/lesson.ts';

/** What the page can do for a step; each returns null when done, or what went wrong, for the student. */
export interface PlaygroundHands {
  /** Opens an example (or a lesson's driver) as the project; resolves once it is open. */
  openProject(id: string): Promise<string | null>;
  /** A project file's text now (undefined: no such file in the project). */
  fileText(file: string): string | undefined;
  /** The file in the editor, with the cursor on `line` (1-based). */
  showFileAt(file: string, line: number): Promise<string | null>;
  highlight(pane: LessonPane): string | null;
  /** The command on the guest's command line, not run. */
  typeCommand(command: string): string | null;
  /** Sets (never clears) a breakpoint on the line. */
  setBreakpoint(file: string, line: number): string | null;
  build(): string | null;
}

export const PANE_NAMES: Record<LessonPane, string> = {
  guest: 'Guest', editor: 'Editor', terminal: 'Guest terminal', code: 'Code', cpu: 'CPU registers',
  device: 'Device', host: 'Host', trace: 'Trace', lessons: 'Lessons',
};

/** The 1-based line a place names: the first line containing `find`, else `line`; null when the file has no such line. */
export function resolveLine(text: string, place: SourcePlace): number | null {
  const lines = text.split('\n');
  if (place.find !== undefined) {
    const i = lines.findIndex((l) => l.includes(place.find!));
    return i < 0 ? null : i + 1;
  }
  const line = place.line ?? 1;
  return Number.isInteger(line) && line >= 1 && line <= lines.length ? line : null;
}

function placeText(place: SourcePlace): string {
  return place.find !== undefined ? `the line with \`${place.find}\`` : `line ${place.line ?? 1}`;
}

/** The step's button says what it will do: "Open stopwatch.c", "Type the command", … */
export function describeAction(action: LessonAction): string {
  switch (action.kind) {
    case 'open-project': return `open the project ${action.project}`;
    case 'open-file': return `show ${action.at.file} at ${placeText(action.at)}`;
    case 'highlight': return `point at the ${PANE_NAMES[action.pane]} pane`;
    case 'type': return `type \`${action.command}\` in the terminal (you press Enter)`;
    case 'breakpoint': return `set a breakpoint in ${action.at.file} on ${placeText(action.at)}`;
    case 'build': return 'Build & load the driver';
  }
}

/** Where a place is in the project now, or why it cannot be found. */
function locate(place: SourcePlace, hands: PlaygroundHands): { line: number } | { problem: string } {
  const text = hands.fileText(place.file);
  if (text === undefined) return { problem: `The project has no file ${place.file}. Open the lesson's project first (the first step, or the button under the goal).` };
  const line = resolveLine(text, place);
  if (line === null) {
    return { problem: place.find !== undefined
      ? `${place.file} has no line containing \`${place.find}\` (was it edited?). Find it by hand, or reset the example to its original text.`
      : `${place.file} has no line ${place.line}.` };
  }
  return { line };
}

export interface StepOutcome {
  ok: boolean;
  /** What was done and, if it stopped, why: one or two sentences for the step's status line. */
  message: string;
}

/** Performs a step's actions in order; stops at the first that cannot be done. */
export async function runActions(actions: readonly LessonAction[], hands: PlaygroundHands): Promise<StepOutcome> {
  const done: string[] = [];
  const report = (problem: string | null): StepOutcome | null => (problem === null ? null : {
    ok: false, message: done.length ? `Done: ${done.join('; ')}. Then: ${problem}` : problem,
  });
  for (const action of actions) {
    let problem: string | null = null;
    switch (action.kind) {
      case 'open-project':
        problem = await hands.openProject(action.project);
        break;
      case 'open-file':
      case 'breakpoint': {
        const at = locate(action.at, hands);
        if ('problem' in at) problem = at.problem;
        else problem = action.kind === 'open-file' ? await hands.showFileAt(action.at.file, at.line) : hands.setBreakpoint(action.at.file, at.line);
        break;
      }
      case 'highlight':
        problem = hands.highlight(action.pane);
        break;
      case 'type':
        problem = hands.typeCommand(action.command);
        break;
      case 'build':
        problem = hands.build();
        break;
    }
    const stopped = report(problem);
    if (stopped) return stopped;
    done.push(describeAction(action));
  }
  return { ok: true, message: done.length ? `Done: ${done.join('; ')}.` : 'This step is done by hand.' };
}
